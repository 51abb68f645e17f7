package io.lotse.triage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The customer's message as triage sees it.
 *
 * @param subject     subject line; empty for chat and phone notes
 * @param text        what the customer wrote this time (quoted history and signature removed where intake
 *                    could)
 * @param sentAt      when the customer sent it (not when it arrived)
 * @param machineSent true for auto-replies, bounces and list mail as detected by intake; such a message
 *                    is never linked automatically
 * @param openCases   the same customer's open tickets of the last hours that are linked to an incident:
 *                    incident id to ticket id. A customer who writes again ("immer noch down", "wieder
 *                    da?") continues that case.
 */
public record TicketText(String subject, String text, Instant sentAt, boolean machineSent, Map<Long, Long> openCases) {
    public TicketText {
        Objects.requireNonNull(subject, "subject (use \"\" when there is none)");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        openCases = Map.copyOf(openCases);
    }

    /** A message of a customer without other open linked tickets. */
    public TicketText(String subject, String text, Instant sentAt, boolean machineSent) {
        this(subject, text, sentAt, machineSent, Map.of());
    }
}
