package io.lotse.platform;

/** Malformed input the framework could not catch by itself: 400. */
public class BadInput extends DomainException {
    public BadInput(String detail) {
        super(400, "Bad request", detail);
    }
}
