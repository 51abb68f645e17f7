package io.lotse.incident;

/** Fired inside the transaction that declared, updated or resolved an incident. */
public record IncidentChanged(long incidentId) {
}
