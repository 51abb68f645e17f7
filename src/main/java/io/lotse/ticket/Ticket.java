package io.lotse.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * One case of one customer: all messages about one request, across channels. The incident link and the
 * latest triage decision live here; the incident is referenced by id so that {@code ticket} does not
 * depend on the incident package.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String subject;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @Column(name = "incident_id")
    public Long incidentId;
    /** Who made the link: AUTO (triage) or AGENT (a person, which the classifier trusts more). */
    @Column(name = "link_source")
    public String linkSource;
    /** Besides the incident, the customer asked something else: a human must look even after resolution. */
    @Column(name = "other_request")
    public boolean otherRequest;
    @Column(name = "duplicate_of")
    public Long duplicateOf;
    @Column(name = "conversation_id")
    public String conversationId;
    public String language;
    /** The ticket was opened by machine-sent mail (bounce, out-of-office, list). */
    public boolean automated;

    @Column(name = "triage_decision")
    public String triageDecision;
    @Column(name = "triage_incident_id")
    public Long triageIncidentId;
    @Column(name = "triage_score")
    public Double triageScore;
    /** JSON array of the decision's reasons. */
    @Column(name = "triage_reasons")
    public String triageReasons;

    /** Since when the customer waits for a human: the first unanswered inbound message. */
    @Column(name = "waiting_since")
    public Instant waitingSince;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Ticket> findByConversation(String conversationId) {
        return find("conversationId", conversationId).firstResultOptional();
    }
}
