package io.lotse.incident;

import io.lotse.platform.Unprocessable;
import io.lotse.reply.Outbox;
import io.lotse.reply.ReplyComposer;
import io.lotse.ticket.DeliveryState;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketNotFound;
import io.lotse.ticket.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Agents and ops link tickets to incidents and take links back; each verdict is kept for the classifier. */
@ApplicationScoped
public class TicketLinks {

    private final Clock clock;
    private final ReplyComposer composer;
    private final Outbox outbox;

    TicketLinks(Clock clock, ReplyComposer composer, Outbox outbox) {
        this.outbox = outbox;
        this.clock = clock;
        this.composer = composer;
    }

    @Transactional
    public TicketView link(long ticketId, long incidentId, String user) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        Incident incident = Incident.<Incident>findByIdOptional(incidentId)
                .orElseThrow(() -> new Unprocessable("Incident " + incidentId + " does not exist."));
        if (!incident.status.active()) {
            throw new Unprocessable("Incident " + incidentId + " is resolved; it takes no more tickets.");
        }
        Instant now = clock.instant();
        ticket.incidentId = incidentId;
        ticket.linkSource = "AGENT";
        // A person linked it, possibly from a suggestion held back because it asked more: when the
        // incident is resolved, a person closes it too.
        ticket.otherRequest = ticket.otherRequest || !"AUTO_LINKED".equals(ticket.triageDecision);
        ticket.updatedAt = now;
        feedback(ticketId, incidentId, LinkFeedback.LINK, user, now);
        return TicketView.of(ticket);
    }

    /**
     * Takes a ticket off its incident. Later updates of that incident no longer reach the customer; if they
     * had its automatic answer, the response carries a short correction the agent can send.
     */
    @Transactional
    public TicketView unlink(long ticketId, String user) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        Optional<String> correction = Optional.empty();
        if (ticket.incidentId != null) {
            long incidentId = ticket.incidentId;
            outbox.cancelWaiting(ticketId, incidentId);
            // Only an answer the customer got (or will get: it is being sent right now) needs a correction.
            boolean answered = Message.count("ticket.id = ?1 and incidentId = ?2 and kind in ?3"
                    + " and (deliveryState is null or deliveryState <> ?4)",
                    ticketId, incidentId, List.of(MessageKind.AUTO_REPLY, MessageKind.PHONE_SCRIPT),
                    DeliveryState.CANCELLED) > 0;
            if (answered) {
                Incident incident = Incident.findById(incidentId);
                correction = Optional.of(composer.correction(ticket.language, ticket.customer.name, ticketId,
                        IncidentService.notice(incident)));
            }
            Instant now = clock.instant();
            feedback(ticketId, ticket.incidentId, LinkFeedback.UNLINK, user, now);
            ticket.incidentId = null;
            ticket.linkSource = null;
            ticket.updatedAt = now;
            if (ticket.waitingSince == null) {
                // No longer covered by the incident: it needs a human now.
                ticket.waitingSince = now;
            }
        }
        TicketView view = TicketView.of(ticket);
        return correction.map(view::withCorrection).orElse(view);
    }

    private static void feedback(long ticketId, long incidentId, String verdict, String user, Instant now) {
        LinkFeedback f = new LinkFeedback();
        f.ticketId = ticketId;
        f.incidentId = incidentId;
        f.verdict = verdict;
        f.createdBy = user;
        f.createdAt = now;
        f.persist();
    }
}
