package io.lotse.triage;

import java.util.Optional;

/**
 * Whether a linked ticket gets the automatic answer. The rules are hard guards outside the score, so
 * they can be audited: never to a machine, never to an address that bounces, never twice per customer
 * and incident. Returns why not, or empty when the answer may go.
 */
public final class AnswerPolicy {

    private AnswerPolicy() {
    }

    public record Facts(boolean machineSent, boolean bouncing, boolean alreadyAnswered,
            boolean agentAnswered, boolean reachable, boolean overAddressBudget) {
    }

    public static Optional<String> whyNot(Facts f) {
        if (f.machineSent()) {
            return Optional.of("no automatic answer: the message was sent by a machine");
        }
        if (f.bouncing()) {
            return Optional.of("no automatic answer: mail to this customer bounces");
        }
        if (f.alreadyAnswered()) {
            return Optional.of("no automatic answer: this customer was already answered about this incident");
        }
        if (f.agentAnswered()) {
            return Optional.of("no automatic answer: an agent has already answered this ticket");
        }
        if (!f.reachable()) {
            return Optional.of("no automatic answer: no address to answer to");
        }
        if (f.overAddressBudget()) {
            return Optional.of("no automatic answer: this address reached its limit of automatic mails per hour");
        }
        return Optional.empty();
    }
}
