package io.lotse.intake.phone;

import io.lotse.intake.InboundMessage;
import io.lotse.intake.LanguageGuess;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Requester;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns an agent's phone note into an {@link InboundMessage}; the whole note is the customer's words. */
public final class PhoneAdapter {

    private PhoneAdapter() {
    }

    public static InboundMessage toInbound(PhoneNote note, Instant now) {
        PhoneNote.Caller c = note.caller();
        String text = note.note().strip();
        return new InboundMessage(
                Channel.PHONE,
                Requester.of(c.name(), c.email(), c.phone(), c.customerNumber()),
                null,
                text,
                text,
                Optional.ofNullable(note.calledAt()).map(OffsetDateTime::toInstant).orElse(now),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                InboundMessage.MachineSent.no(),
                LanguageGuess.guess(text).name().toLowerCase(Locale.ROOT),
                Optional.empty(),
                Optional.ofNullable(note.takenBy()).filter(t -> !t.isBlank()),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }
}
