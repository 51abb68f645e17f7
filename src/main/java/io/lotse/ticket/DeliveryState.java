package io.lotse.ticket;

/** Where an outbound message is on its way to the customer. */
public enum DeliveryState {
    /** Written in the same transaction as its cause; the sender will pick it up. */
    QUEUED,
    /** Claimed by a sender; if it stays here (crash), it is picked up again after a timeout. */
    SENDING,
    SENT,
    /** Given up after repeated failures, or not sent because the address bounces; the reason is kept. */
    FAILED,
    /**
     * Not sent on purpose, with the reason: the ticket was unlinked from the incident before the automatic
     * message went out, or a newer status update of the incident replaced it.
     */
    CANCELLED,
    /** Accepted by SMTP, then reported undeliverable by the receiving side. */
    BOUNCED,
    /** Not sent by us: shown to the customer by the chat widget or read out by an agent. */
    DELIVERED_IN_CHANNEL,
    /** For a customer we can only reach by phone: an agent reads it out on a call-back. */
    CALL_BACK
}
