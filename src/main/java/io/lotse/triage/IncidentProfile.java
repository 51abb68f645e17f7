package io.lotse.triage;

import java.time.Instant;
import java.util.Objects;

/**
 * What triage knows about one active incident.
 *
 * @param incidentId the incident's id
 * @param title      the title ops declared; weighs about 3x the text in matching
 * @param text       description, affected components and status-update messages, joined; may be empty
 * @param startedAt  when the incident started; tickets sent before it are not matched to it
 */
public record IncidentProfile(long incidentId, String title, String text, Instant startedAt) {
    public IncidentProfile {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text (use \"\" when there is none)");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
