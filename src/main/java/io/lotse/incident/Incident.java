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
import java.util.Arrays;
import java.util.List;

/** An outage or degradation that ops declared; tickets about it are linked to it. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String title;
    public String description;
    /** One component per line. */
    public String components;
    @Column(name = "status_page_url")
    public String statusPageUrl;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> componentList() {
        return components == null || components.isBlank()
                ? List.of()
                : Arrays.stream(components.split("\n")).map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    public static List<Incident> active() {
        return list("status <> ?1 order by startedAt, id", IncidentStatus.RESOLVED);
    }
}
