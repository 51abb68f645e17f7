package io.lotse.incident;

/** The statuspage.io-style lifecycle; RESOLVED ends an incident. */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    public boolean active() {
        return this != RESOLVED;
    }
}
