package io.lotse.reply;

import io.lotse.ticket.Channel;
import io.lotse.ticket.DeliveryState;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes outbound messages in the caller's transaction (the transactional outbox): the decision and the
 * message commit together or not at all. Mail is then delivered by {@link OutboxSender}; chat and phone
 * texts are handed over in the intake answer and recorded as delivered in their channel.
 */
@ApplicationScoped
public class Outbox {

    /** Fired inside the transaction; the sender wakes up once it has committed. */
    public record MailQueued() {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReplyConfig config;
    private final Clock clock;
    private final Event<MailQueued> queued;

    Outbox(ReplyConfig config, Clock clock, Event<MailQueued> queued) {
        this.config = config;
        this.clock = clock;
        this.queued = queued;
    }

    /** An e-mail to the customer, threaded to {@code inReplyTo} when given. */
    public record OutboundMail(Ticket ticket, MessageKind kind, Optional<Long> incidentId, String to, String subject,
            String text, Optional<Message> inReplyTo, Optional<String> dedupKey, boolean automatic, String createdBy) {
    }

    public Message queueMail(OutboundMail mail) {
        Message m = base(mail.ticket(), mail.kind(), Channel.EMAIL, mail.incidentId(), mail.text(), mail.automatic(),
                mail.createdBy());
        m.to = mail.to();
        m.subject = mail.subject();
        m.headerMessageId = newMessageId(mail.ticket().id);
        mail.inReplyTo().filter(parent -> parent.headerMessageId != null).ifPresent(parent -> {
            m.inReplyTo = parent.headerMessageId;
            m.references = threadOf(parent);
        });
        m.dedupKey = mail.dedupKey().orElse(null);
        m.deliveryState = DeliveryState.QUEUED;
        m.nextAttemptAt = m.receivedAt;
        m.persist();
        queued.fire(new MailQueued());
        return m;
    }

    /** A text shown to the customer by the chat widget or read out by an agent: delivered as it is returned. */
    public Message recordInChannel(Ticket ticket, MessageKind kind, Channel channel, Optional<Long> incidentId,
            String text, Optional<String> dedupKey) {
        Message m = base(ticket, kind, channel, incidentId, text, true, "lotse");
        m.dedupKey = dedupKey.orElse(null);
        m.deliveryState = DeliveryState.DELIVERED_IN_CHANNEL;
        m.sentAt = m.receivedAt;
        m.persist();
        return m;
    }

    /** A text for a customer we can only reach by phone: an agent reads it out on a call-back. */
    public Message recordCallBack(Ticket ticket, MessageKind kind, Optional<Long> incidentId, String text,
            Optional<String> dedupKey) {
        Message m = base(ticket, kind, Channel.PHONE, incidentId, text, true, "lotse");
        m.dedupKey = dedupKey.orElse(null);
        m.deliveryState = DeliveryState.CALL_BACK;
        m.persist();
        return m;
    }

    /** A message that cannot go out (no address, a bouncing one): recorded with the reason, so ops see it. */
    /**
     * Cancels the automatic messages of a ticket about an incident that have not been handed to SMTP yet:
     * after an unlink they would tell the customer about an incident they did not ask about. One that a
     * sender already holds is stopped by {@link OutboxChecks} before it goes out. Returns how many.
     */
    public int cancelWaiting(long ticketId, long incidentId) {
        return Message.update("""
                        deliveryState = ?1, deliveryError = ?2, nextAttemptAt = null
                        where ticket.id = ?3 and incidentId = ?4 and automatic = true and deliveryState = ?5""",
                DeliveryState.CANCELLED, OutboxChecks.unlinked(incidentId), ticketId, incidentId, DeliveryState.QUEUED);
    }

    public Message recordUndeliverable(Ticket ticket, MessageKind kind, Optional<Long> incidentId, String text,
            Optional<String> dedupKey, String reason) {
        Message m = base(ticket, kind, Channel.EMAIL, incidentId, text, true, "lotse");
        m.dedupKey = dedupKey.orElse(null);
        m.deliveryState = DeliveryState.FAILED;
        m.deliveryError = reason;
        m.persist();
        return m;
    }

    private Message base(Ticket ticket, MessageKind kind, Channel channel, Optional<Long> incidentId, String text,
            boolean automatic, String createdBy) {
        Message m = new Message();
        m.ticket = ticket;
        m.direction = Direction.OUTBOUND;
        m.channel = channel;
        m.kind = kind;
        m.text = text;
        m.body = text;
        m.incidentId = incidentId.orElse(null);
        m.automatic = automatic;
        m.createdBy = createdBy;
        m.receivedAt = clock.instant();
        return m;
    }

    /** References of a reply: the parent's references followed by the parent itself (RFC 5322 3.6.4). */
    private static String threadOf(Message parent) {
        String refs = parent.references == null ? "" : parent.references.strip();
        List<String> ids = refs.isEmpty() ? List.of() : List.of(refs.split("\\s+"));
        StringBuilder sb = new StringBuilder();
        for (String id : ids) {
            sb.append(id).append(' ');
        }
        return sb.append(parent.headerMessageId).toString();
    }

    /**
     * Our own ids name the ticket ({@code .t<id>}) and end in our domain, so a reply to one is recognised
     * even when it quotes no other header we know.
     */
    String newMessageId(long ticketId) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "lotse." + HexFormat.of().formatHex(bytes) + ".t" + ticketId + "@" + config.messageIdDomain();
    }
}
