package io.lotse.reply;

import java.util.Optional;

/**
 * Where an incident stands right now, for a message that waited in the outbox (an SMTP outage) and must
 * show the status at the time it is sent, not when it was queued. Implemented by the incident package.
 */
public interface LiveNotices {

    /** The incident's live notice, or empty when it is unknown. */
    Optional<IncidentNotice> current(long incidentId);
}
