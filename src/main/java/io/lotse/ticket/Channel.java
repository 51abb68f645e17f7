package io.lotse.ticket;

/** Where a message came from or goes to. */
public enum Channel {
    EMAIL, CHAT, PHONE
}
