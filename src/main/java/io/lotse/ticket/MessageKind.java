package io.lotse.ticket;

/** What a message is, beyond its direction: who or what wrote it and why. */
public enum MessageKind {
    /** The customer's own message (mail, chat line, phone note). */
    CUSTOMER,
    /** The one automatic answer per customer and incident. */
    AUTO_REPLY,
    /** What an agent says to a caller on the phone about an incident. */
    PHONE_SCRIPT,
    /** An incident status update sent to a linked requester. */
    STATUS_UPDATE,
    /** Written by an agent. */
    AGENT_REPLY
}
