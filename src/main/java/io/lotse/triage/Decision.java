package io.lotse.triage;

/** What triage does with a ticket. */
public enum Decision {
    /** Linked to the incident and answered automatically. */
    AUTO_LINKED,
    /** The incident is suggested; an agent decides. */
    SUGGESTED,
    /** Not about an active incident; the ticket is handled as usual. */
    UNRELATED
}
