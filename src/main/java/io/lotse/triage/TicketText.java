package io.lotse.triage;

import java.time.Instant;
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
 */
public record TicketText(String subject, String text, Instant sentAt, boolean machineSent) {
    public TicketText {
        Objects.requireNonNull(subject, "subject (use \"\" when there is none)");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
