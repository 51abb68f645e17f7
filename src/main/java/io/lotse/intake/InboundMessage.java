package io.lotse.intake;

import io.lotse.ticket.AttachedFile;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Requester;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A customer message from any channel, after its adapter has taken it apart: what the rest of intake
 * works with. {@code text} is what the customer wrote this time; {@code body} everything readable.
 */
public record InboundMessage(
        Channel channel,
        Requester requester,
        String subject,
        String body,
        String text,
        Instant sentAt,
        Optional<String> dedupKey,
        Optional<String> headerMessageId,
        List<String> threadIds,
        Optional<String> conversationId,
        MachineSent machineSent,
        String language,
        Optional<byte[]> raw,
        Optional<String> recordedBy,
        Optional<String> to,
        List<AttachedFile> attachments,
        Optional<Bounce> bounce) {

    /** A delivery failure report about one of our own messages. */
    public record Bounce(String ourMessageId, String diagnostic) {
    }

    /** Whether a machine sent it (bounce, out-of-office, list), and what showed it. */
    public record MachineSent(boolean yes, List<String> reasons) {
        public static MachineSent no() {
            return new MachineSent(false, List.of());
        }
    }
}
