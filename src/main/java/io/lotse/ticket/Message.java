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
import java.util.List;
import java.util.Optional;

/** One inbound or outbound message of a ticket. Outbound ones carry their delivery state (the outbox). */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    public Ticket ticket;

    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public MessageKind kind;

    @Column(name = "from_addr")
    public String from;
    @Column(name = "to_addr")
    public String to;
    public String subject;
    /** What the customer wrote this time: quoted history and signature removed. */
    public String text;
    /** The whole readable body as received or sent. */
    public String body;

    /** RFC 5322 Message-ID without angle brackets (ours for outbound mail). */
    @Column(name = "header_message_id")
    public String headerMessageId;
    @Column(name = "in_reply_to")
    public String inReplyTo;
    /** Space-separated ids, as in the header. */
    @Column(name = "references_header")
    public String references;
    /** Makes a redelivered message recognisable: the Message-ID, a chat message id or a content hash. */
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "incident_id")
    public Long incidentId;

    /** Outbound and written by Lotse itself, not by an agent. */
    public boolean automatic;
    /** Inbound and machine-sent (bounce, out-of-office, list). */
    public boolean automated;

    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_state")
    public DeliveryState deliveryState;
    @Column(name = "delivery_error")
    public String deliveryError;
    @Column(name = "delivery_attempts")
    public int deliveryAttempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The intake answer given for this message, returned again when it is delivered a second time. */
    @Column(name = "intake_result")
    public String intakeResult;
    @Column(name = "created_by")
    public String createdBy;

    public static Optional<Message> findByDedupKey(String key) {
        return find("dedupKey", key).firstResultOptional();
    }

    /** The first message, inbound or outbound, with one of these Message-IDs. */
    public static Optional<Message> findFirstByHeaderIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return find("headerMessageId in ?1 order by id", ids).firstResultOptional();
    }

    public static List<Message> ofTicket(long ticketId) {
        return list("ticket.id = ?1 order by id", ticketId);
    }
}
