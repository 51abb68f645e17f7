package io.lotse.ticket;

/** OPEN waits for someone; SOLVED is done (a new customer message reopens it). */
public enum TicketStatus {
    OPEN, SOLVED
}
