package io.lotse.ticket;

public enum Direction {
    INBOUND, OUTBOUND
}
