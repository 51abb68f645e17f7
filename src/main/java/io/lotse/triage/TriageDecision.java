package io.lotse.triage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Triage's verdict on one ticket.
 *
 * @param decision   what to do
 * @param incidentId the linked or suggested incident; empty exactly when {@code decision} is UNRELATED
 * @param score      in [0,1]; for UNRELATED the best incident's score, or 0 when there was none
 * @param reasons    human-readable one-liners naming the deciding words, signals and incidents
 * @param requests   what the customer asks besides the trouble they report ("asks about an invoice"): a
 *                   person answers that, even when the ticket is linked and answered automatically
 */
public record TriageDecision(Decision decision, Optional<Long> incidentId, double score, List<String> reasons,
        List<String> requests) {

    public TriageDecision(Decision decision, Optional<Long> incidentId, double score, List<String> reasons) {
        this(decision, incidentId, score, reasons, List.of());
    }

    public TriageDecision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(incidentId, "incidentId");
        if (decision == Decision.UNRELATED && incidentId.isPresent()) {
            throw new IllegalArgumentException("an UNRELATED decision names no incident");
        }
        if (decision != Decision.UNRELATED && incidentId.isEmpty()) {
            throw new IllegalArgumentException(decision + " needs an incident");
        }
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0,1]: " + score);
        }
        reasons = List.copyOf(reasons);
        requests = List.copyOf(requests);
    }

    /** Not about any active incident, and no incident was scored. */
    public static TriageDecision unrelated(List<String> reasons) {
        return unrelated(0.0, reasons);
    }

    /** Not about any active incident; {@code bestScore} is the best incident's score. */
    public static TriageDecision unrelated(double bestScore, List<String> reasons) {
        return new TriageDecision(Decision.UNRELATED, Optional.empty(), bestScore, reasons);
    }
}
