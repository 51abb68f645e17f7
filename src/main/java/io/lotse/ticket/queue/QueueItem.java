package io.lotse.ticket.queue;

import io.lotse.ticket.Channel;
import io.lotse.ticket.TicketView;
import java.time.Instant;

/** One row of the agents' work list: an active incident with its open tickets, or a single ticket. */
public sealed interface QueueItem {

    String kind();

    /** An active incident, however many tickets it has. */
    record IncidentItem(String kind, long incidentId, String title, String status, long openTickets, long customers,
            Instant startedAt) implements QueueItem {
        IncidentItem(long incidentId, String title, String status, long openTickets, long customers, Instant startedAt) {
            this("INCIDENT", incidentId, title, status, openTickets, customers, startedAt);
        }
    }

    /** An open ticket that no active incident covers; {@code suggestedIncidentId} is triage's guess, or null. */
    record TicketItem(String kind, long ticketId, String subject, Channel channel, TicketView.CustomerView customer,
            Instant waitingSince, Long suggestedIncidentId) implements QueueItem {
        TicketItem(long ticketId, String subject, Channel channel, TicketView.CustomerView customer, Instant waitingSince,
                Long suggestedIncidentId) {
            this("TICKET", ticketId, subject, channel, customer, waitingSince, suggestedIncidentId);
        }
    }
}
