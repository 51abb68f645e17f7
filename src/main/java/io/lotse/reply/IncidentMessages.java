package io.lotse.reply;

import io.lotse.ticket.Channel;
import io.lotse.ticket.Customer;
import io.lotse.ticket.DeliveryState;
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

    /** One requester's notice about one update, and how far it got. */
    public record Delivery(long messageId, long ticketId, long customerId, String customer, Channel channel, String to,
            DeliveryState state, String error, java.time.Instant sentAt, int attempts) {
    }

    /** Per update: how many requesters, how many in each delivery state, and every one that failed. */
    public record UpdateReport(long updateId, int recipients, java.util.Map<DeliveryState, Long> byState,
            List<Delivery> failures, List<Delivery> deliveries) {
    }

    public List<UpdateReport> report(long incidentId) {
        List<Message> notices = Message.list("kind = ?1 and incidentId = ?2 order by id", MessageKind.STATUS_UPDATE,
                incidentId);
        java.util.Map<Long, List<Delivery>> byUpdate = new java.util.TreeMap<>();
        for (Message m : notices) {
            long updateId = updateIdOf(m.dedupKey);
            Customer c = m.ticket.customer;
            byUpdate.computeIfAbsent(updateId, k -> new java.util.ArrayList<>()).add(new Delivery(m.id, m.ticket.id, c.id,
                    c.name != null ? c.name : c.email, m.channel, m.to, m.deliveryState, m.deliveryError, m.sentAt,
                    m.deliveryAttempts));
        }
        return byUpdate.entrySet().stream().map(e -> new UpdateReport(e.getKey(), e.getValue().size(),
                e.getValue().stream().collect(java.util.stream.Collectors.groupingBy(Delivery::state,
                        () -> new java.util.EnumMap<>(DeliveryState.class), java.util.stream.Collectors.counting())),
                e.getValue().stream().filter(d -> d.state() == DeliveryState.FAILED || d.state() == DeliveryState.BOUNCED)
                        .toList(),
                e.getValue())).toList();
    }

    private static long updateIdOf(String dedupKey) {
        // "update:<update>:customer:<customer>", written by notifyLinked
        String[] parts = dedupKey == null ? new String[0] : dedupKey.split(":");
        return parts.length >= 2 ? Long.parseLong(parts[1]) : 0;
    }

    public int notifiedCount(long updateId) {
        return (int) Message.count("dedupKey like ?1", "update:" + updateId + ":customer:%");
    }

    private static Optional<Message> latestInbound(Ticket ticket) {
        return Message.find("ticket.id = ?1 and direction = ?2 and headerMessageId is not null order by id desc",
                ticket.id, Direction.INBOUND).firstResultOptional();
    }
}
