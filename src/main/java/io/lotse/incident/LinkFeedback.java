package io.lotse.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's verdict on a ticket's incident link: the classifier's teacher. */
@Entity
@Table(name = "link_feedback")
public class LinkFeedback extends PanacheEntityBase {

    public static final String LINK = "LINK";
    public static final String UNLINK = "UNLINK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public Long ticketId;
    @Column(name = "incident_id")
    public Long incidentId;
    public String verdict;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static boolean unlinked(long ticketId, long incidentId) {
        return count("ticketId = ?1 and incidentId = ?2 and verdict = ?3", ticketId, incidentId, UNLINK) > 0;
    }
}
