package io.lotse.incident;

import java.time.Instant;
import java.util.List;

/** An incident as the API shows it, with how many tickets and customers it touches. */
public record IncidentView(long id, String title, String description, List<String> components, String statusPageUrl,
        IncidentStatus status, Instant startedAt, Instant resolvedAt, Instant createdAt, Instant updatedAt,
        long linkedTickets, long openTickets, long customers, List<UpdateView> updates) {

    public record UpdateView(long id, IncidentStatus status, String message, boolean notifyLinked, String createdBy,
            Instant createdAt, int notified) {
    }
}
