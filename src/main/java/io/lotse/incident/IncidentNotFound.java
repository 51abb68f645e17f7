package io.lotse.incident;

import io.lotse.platform.DomainException;

/** 404 for an incident addressed in the path. */
public class IncidentNotFound extends DomainException {
    public IncidentNotFound(long id) {
        super(404, "Not found", "Incident " + id + " does not exist.");
    }
}
