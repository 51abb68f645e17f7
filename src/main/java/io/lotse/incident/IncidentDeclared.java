package io.lotse.incident;

/** Fired inside the transaction that declared a new incident; after commit, waiting tickets are re-triaged. */
public record IncidentDeclared(long incidentId) {
}
