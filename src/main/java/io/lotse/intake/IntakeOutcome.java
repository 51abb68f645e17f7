package io.lotse.intake;

import java.util.List;
import java.util.Optional;

/**
 * What intake answers for one message. It is stored with the message, so a message delivered twice gets
 * the very same answer again (with {@code duplicate} set).
 */
public record IntakeOutcome(long ticketId, long messageId, boolean created, boolean duplicate, Triage triage,
        Optional<String> reply, Optional<String> script) {

    /** The triage part of the contract's answer. */
    public record Triage(String decision, Long incidentId, double score, List<String> reasons, boolean automated,
            boolean autoReply) {
    }

    IntakeOutcome asDuplicate() {
        return new IntakeOutcome(ticketId, messageId, created, true, triage, reply, script);
    }
}
