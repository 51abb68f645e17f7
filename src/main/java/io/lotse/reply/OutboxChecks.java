package io.lotse.reply;

import io.lotse.ticket.DeliveryState;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import java.util.List;
import java.util.Optional;

/**
 * What the sender checks about an automatic message that waited in the outbox, just before it goes out:
 * whether it is still true. Mail can wait minutes (SMTP down, storm budget); meanwhile an agent may have
 * unlinked the ticket, or ops may have posted a newer status update.
 */
final class OutboxChecks {

    private OutboxChecks() {
    }

    /** Why the message must not be sent any more, if it must not. Runs inside a transaction. */
    static Optional<String> outdated(Message m) {
        if (!m.automatic || m.incidentId == null) {
            return Optional.empty();
        }
        if (!m.incidentId.equals(m.ticket.incidentId)) {
            // The unlink was a correction: the customer did not ask about this incident.
            return Optional.of(unlinked(m.incidentId));
        }
        if (m.kind == MessageKind.STATUS_UPDATE) {
            Optional<Message> newer = Message.<Message>find("""
                            kind = ?1 and incidentId = ?2 and ticket.customer.id = ?3 and id > ?4 and deliveryState in ?5
                            order by id desc""", MessageKind.STATUS_UPDATE, m.incidentId, m.ticket.customer.id, m.id,
                    List.of(DeliveryState.QUEUED, DeliveryState.SENDING, DeliveryState.SENT))
                    .firstResultOptional();
            if (newer.isPresent()) {
                // Two updates arriving together would tell the customer an outdated state first.
                return Optional.of("not sent: replaced by the newer status update in message " + newer.get().id);
            }
        }
        return Optional.empty();
    }

    /** The reason recorded on automatic mail that an unlink stopped. */
    static String unlinked(long incidentId) {
        return "not sent: the ticket was unlinked from incident " + incidentId + " before this went out";
    }
}
