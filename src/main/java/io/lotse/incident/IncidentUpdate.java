package io.lotse.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A status update ops posted on an incident. */
@Entity
@Table(name = "incident_update")
public class IncidentUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    public String message;
    @Column(name = "notify_linked")
    public boolean notifyLinked;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    public static List<IncidentUpdate> ofIncident(long incidentId) {
        return list("incidentId = ?1 order by createdAt, id", incidentId);
    }

    public static Optional<IncidentUpdate> latest(long incidentId) {
        return find("incidentId = ?1 order by createdAt desc, id desc", incidentId).firstResultOptional();
    }
}
