package io.lotse.incident;

import io.lotse.platform.Unprocessable;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketNotFound;
import io.lotse.ticket.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Agents and ops link tickets to incidents and take links back; each verdict is kept for the classifier. */
@ApplicationScoped
public class TicketLinks {

    private final Clock clock;

    TicketLinks(Clock clock) {
        this.clock = clock;
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
        ticket.updatedAt = now;
        feedback(ticketId, incidentId, LinkFeedback.LINK, user, now);
        return TicketView.of(ticket);
    }

    @Transactional
    public TicketView unlink(long ticketId, String user) {
        Ticket ticket = Ticket.<Ticket>findByIdOptional(ticketId).orElseThrow(() -> new TicketNotFound(ticketId));
        if (ticket.incidentId != null) {
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
        return TicketView.of(ticket);
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
