package io.lotse.reply;

import io.lotse.ticket.Channel;
import io.lotse.ticket.Customer;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the requesters of linked tickets about an incident status update: once per customer per update,
 * on the ticket's channel. Mail goes through the outbox; chat is stored for the widget; for phone-only
 * customers the text is recorded on the ticket for a call-back.
 */
@ApplicationScoped
public class IncidentMessages {

    private final Outbox outbox;
    private final ReplyComposer composer;

    IncidentMessages(Outbox outbox, ReplyComposer composer) {
        this.outbox = outbox;
        this.composer = composer;
    }

    public void notifyLinked(IncidentNotice notice, long updateId, List<Ticket> linked) {
        Set<Long> told = new HashSet<>();
        for (Ticket ticket : linked) {
            Customer customer = ticket.customer;
            if (!told.add(customer.id)) {
                continue;
            }
            String text = composer.statusUpdate(ticket.language, customer.name, ticket.id, notice);
            // The dedup key makes "once per customer per update" a database fact, even if fan-out is retried.
            Optional<String> key = Optional.of("update:" + updateId + ":customer:" + customer.id);
            Optional<Long> incident = Optional.of(notice.incidentId());
            switch (ticket.channel) {
                case EMAIL -> {
                    if (customer.email != null && !customer.bouncing) {
                        outbox.queueMail(new Outbox.OutboundMail(ticket, MessageKind.STATUS_UPDATE, incident, customer.email,
                                ReplyComposer.updateSubject(ticket.language, notice.title(), ticket.id), text,
                                latestInbound(ticket), key, true, "lotse"));
                    } else {
                        outbox.recordUndeliverable(ticket, MessageKind.STATUS_UPDATE, incident, text, key,
                                customer.email == null ? "not sent: no e-mail address" : "not sent: mail to " + customer.email
                                        + " bounced before");
                    }
                }
                case CHAT -> outbox.recordInChannel(ticket, MessageKind.STATUS_UPDATE, Channel.CHAT, incident, text, key);
                case PHONE -> outbox.recordCallBack(ticket, MessageKind.STATUS_UPDATE, incident, text, key);
            }
        }
    }

    public int notifiedCount(long updateId) {
        return (int) Message.count("dedupKey like ?1", "update:" + updateId + ":customer:%");
    }

    private static Optional<Message> latestInbound(Ticket ticket) {
        return Message.find("ticket.id = ?1 and direction = ?2 and headerMessageId is not null order by id desc",
                ticket.id, Direction.INBOUND).firstResultOptional();
    }
}
