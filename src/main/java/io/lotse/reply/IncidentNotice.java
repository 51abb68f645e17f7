package io.lotse.reply;

import java.time.Instant;
import java.util.Optional;

/**
 * What a customer message says about an incident, at the moment it is written: its title, where it stands
 * and where to read more. A value, so that {@code reply} does not depend on the incident package.
 */
public record IncidentNotice(long incidentId, String title, String status, Optional<String> latestMessage,
        Instant statusAt, Optional<String> statusPageUrl) {
}
