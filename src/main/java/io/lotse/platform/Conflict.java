package io.lotse.platform;

/** The request clashes with the current state, e.g. updating a resolved incident: 409. */
public class Conflict extends DomainException {
    public Conflict(String detail) {
        super(409, "Conflict", detail);
    }
}
