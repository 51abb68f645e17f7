package io.lotse.ticket.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lotse.ticket.Channel;
import io.lotse.ticket.TicketView;
import java.time.Instant;

/**
 * One row of the agents' work list: an active incident with its open tickets, or a single ticket.
 * Fields that do not apply to a kind are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueItem(String kind, Long incidentId, String title, String status, Long openTickets, Long customers,
        Instant startedAt, Long ticketId, String subject, Channel channel, TicketView.CustomerView customer,
        Instant waitingSince, Long suggestedIncidentId) {

    public static QueueItem incident(long id, String title, String status, long openTickets, long customers,
            Instant startedAt) {
        return new QueueItem("INCIDENT", id, title, status, openTickets, customers, startedAt, null, null, null, null,
                null, null);
    }

    public static QueueItem ticket(long ticketId, String subject, Channel channel, TicketView.CustomerView customer,
            Instant waitingSince, Long suggestedIncidentId) {
        return new QueueItem("TICKET", null, null, null, null, null, null, ticketId, subject, channel, customer,
                waitingSince, suggestedIncidentId);
    }
}
