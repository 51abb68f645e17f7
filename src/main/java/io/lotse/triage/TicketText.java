package io.lotse.triage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param repliesTo   the customer's earlier ticket, linked to an incident or suggested for one (perhaps
 *                    resolved by now), whose subject this mail's "AW:"/"Re:" subject answers
 */
public record TicketText(String subject, String text, Instant sentAt, boolean machineSent, Map<Long, Long> openCases,
        Optional<EarlierCase> repliesTo) {
    public TicketText {
        Objects.requireNonNull(subject, "subject (use \"\" when there is none)");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        openCases = Map.copyOf(openCases);
        Objects.requireNonNull(repliesTo, "repliesTo");
    }

    public TicketText(String subject, String text, Instant sentAt, boolean machineSent, Map<Long, Long> openCases) {
        this(subject, text, sentAt, machineSent, openCases, Optional.empty());
    }

    /** A message of a customer without other open linked tickets. */
    public TicketText(String subject, String text, Instant sentAt, boolean machineSent) {
        this(subject, text, sentAt, machineSent, Map.of());
    }

    /** A ticket of the customer's and the incident it is linked to or was suggested for. */
    public record EarlierCase(long ticketId, long incidentId) {
    }
}
