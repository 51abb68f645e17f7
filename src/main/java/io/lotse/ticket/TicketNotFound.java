package io.lotse.ticket;

import io.lotse.platform.DomainException;

/** 404 for a ticket addressed in the path. */
public class TicketNotFound extends DomainException {
    public TicketNotFound(long id) {
        super(404, "Not found", "Ticket " + id + " does not exist.");
    }
}
