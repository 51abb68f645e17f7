package io.lotse.intake.chat;

import io.lotse.platform.NotFound;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What a chat widget shows its customer: the conversation's messages after a cursor, so that status
 * updates and agents' answers reach a customer who is still in the chat. Internal notes and mail never
 * appear here, only what was said in the chat.
 */
@ApplicationScoped
public class ChatTranscript {

    public record Line(long id, Direction direction, MessageKind kind, String text, Instant sentAt, boolean automatic) {
    }

    public record Transcript(String conversationId, long ticketId, List<Line> messages, long cursor) {
    }

    @Transactional
    public Transcript after(String conversationId, long after) {
        Ticket ticket = Ticket.findByConversation(conversationId)
                .orElseThrow(() -> new UnknownConversation(conversationId));
        List<Line> lines = Message.<Message>list("ticket.id = ?1 and channel = ?2 and id > ?3 order by id", ticket.id,
                        Channel.CHAT, after).stream()
                .filter(m -> m.direction == Direction.INBOUND || m.kind != MessageKind.PHONE_SCRIPT)
                .map(m -> new Line(m.id, m.direction, m.kind, m.text, m.sentAt == null ? m.receivedAt : m.sentAt, m.automatic))
                .toList();
        long cursor = lines.isEmpty() ? after : lines.get(lines.size() - 1).id();
        return new Transcript(conversationId, ticket.id, lines, cursor);
    }

    /** 404 for a conversation Lotse has never seen. */
    public static class UnknownConversation extends io.lotse.platform.DomainException {
        UnknownConversation(String id) {
            super(404, "Not found", "Conversation '" + id + "' is unknown.");
        }
    }
}
