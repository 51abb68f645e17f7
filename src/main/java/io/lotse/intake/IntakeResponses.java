package io.lotse.intake;

/**
 * The bodies of the contract's intake answers. E-mail has none of the channel extras; chat carries the
 * text the widget shows ({@code reply}, or null); phone the script the agent reads out (or null).
 */
public final class IntakeResponses {

    private IntakeResponses() {
    }

    public record Email(long ticketId, long messageId, boolean created, boolean duplicate, IntakeOutcome.Triage triage) {
        public static Email of(IntakeOutcome o) {
            return new Email(o.ticketId(), o.messageId(), o.created(), o.duplicate(), o.triage());
        }
    }

    public record ChatReply(String text) {
    }

    public record Chat(long ticketId, long messageId, boolean created, boolean duplicate, IntakeOutcome.Triage triage,
            ChatReply reply) {
        public static Chat of(IntakeOutcome o) {
            return new Chat(o.ticketId(), o.messageId(), o.created(), o.duplicate(), o.triage(),
                    o.reply().map(ChatReply::new).orElse(null));
        }
    }

    public record Phone(long ticketId, long messageId, boolean created, boolean duplicate, IntakeOutcome.Triage triage,
            String script) {
        public static Phone of(IntakeOutcome o) {
            return new Phone(o.ticketId(), o.messageId(), o.created(), o.duplicate(), o.triage(), o.script().orElse(null));
        }
    }
}
