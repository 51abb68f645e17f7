package io.lotse.reply;

import io.lotse.platform.Unprocessable;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Customer;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketNotFound;
import io.lotse.ticket.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * An agent answers a ticket on its channel: mail is threaded to the customer's latest mail and goes
 * through the outbox; chat is stored for the widget; a phone-only customer gets it read out on a call-back
 * (a phone ticket whose customer has an e-mail address is answered by mail).
 */
@ApplicationScoped
public class AgentReplies {

    private final Outbox outbox;
    private final Clock clock;

    AgentReplies(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public TicketView.MessageView reply(long ticketId, String text, String agent) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        Customer customer = ticket.customer;
        Message sent;
        boolean byMail = ticket.channel == Channel.EMAIL || (ticket.channel == Channel.PHONE && customer.email != null);
        if (byMail) {
            if (customer.email == null) {
                throw new Unprocessable("Ticket " + ticketId + " has no e-mail address to answer to.");
            }
            Optional<Message> parent = Message.find(
                    "ticket.id = ?1 and direction = ?2 and headerMessageId is not null order by id desc",
                    ticketId, Direction.INBOUND).firstResultOptional();
            String subject = ReplyComposer.replySubject(parent.map(p -> p.subject).orElse(ticket.subject), ticketId);
            sent = outbox.queueMail(new Outbox.OutboundMail(ticket, MessageKind.AGENT_REPLY, Optional.empty(),
                    customer.email, subject, text, parent, Optional.empty(), false, agent));
        } else {
            sent = ticket.channel == Channel.PHONE
                    ? outbox.recordCallBack(ticket, MessageKind.AGENT_REPLY, Optional.empty(), text, Optional.empty())
                    : outbox.recordInChannel(ticket, MessageKind.AGENT_REPLY, ticket.channel, Optional.empty(), text,
                            Optional.empty());
            sent.automatic = false;
            sent.createdBy = agent;
        }
        ticket.waitingSince = null;
        ticket.updatedAt = clock.instant();
        return TicketView.MessageView.of(sent);
    }
}
