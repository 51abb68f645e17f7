package io.lotse.intake.chat;

import io.lotse.intake.CustomerWords;
import io.lotse.intake.InboundMessage;
import io.lotse.intake.LanguageGuess;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Requester;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns a chat line into an {@link InboundMessage}; the conversation id threads, the message id dedups. */
public final class ChatAdapter {

    private ChatAdapter() {
    }

    public static InboundMessage toInbound(ChatMessage chat, Instant now) {
        ChatMessage.ChatCustomer c = chat.customer();
        String text = chat.text().strip();
        return new InboundMessage(
                Channel.CHAT,
                c == null ? Requester.of(null, null, null, null) : Requester.of(c.name(), c.email(), null, null),
                null,
                text,
                CustomerWords.newWords(text),
                Optional.ofNullable(chat.sentAt()).map(OffsetDateTime::toInstant).orElse(now),
                Optional.ofNullable(chat.messageId()).filter(id -> !id.isBlank())
                        .map(id -> "chat:" + chat.conversationId() + ":" + id),
                Optional.empty(),
                List.of(),
                Optional.of(chat.conversationId()),
                InboundMessage.MachineSent.no(),
                LanguageGuess.guess(text).name().toLowerCase(Locale.ROOT),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }
}
