package io.lotse.triage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What triage knows about one active incident.
 *
 * @param incidentId the incident's id
 * @param title      the title ops declared; weighs about 3x the text in matching
 * @param text       description, affected components and status-update messages, joined; may be empty
 * @param startedAt  when the incident started; tickets sent before it are not matched to it
 * @param linked     words of tickets already linked to the incident (newest first, each capped in length);
 *                   they vote for similar tickets, confirmed links more than automatic ones
 */
public record IncidentProfile(long incidentId, String title, String text, Instant startedAt, List<LinkedTicket> linked) {

    /** The customer's words of one linked ticket; {@code confirmed} when a person made or kept the link. */
    public record LinkedTicket(String text, boolean confirmed) {
        public LinkedTicket {
            Objects.requireNonNull(text, "text");
        }
    }

    public IncidentProfile {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text (use \"\" when there is none)");
        Objects.requireNonNull(startedAt, "startedAt");
        linked = linked == null ? List.of() : List.copyOf(linked);
    }

    /** An incident without linked tickets yet. */
    public IncidentProfile(long incidentId, String title, String text, Instant startedAt) {
        this(incidentId, title, text, startedAt, List.of());
    }
}
