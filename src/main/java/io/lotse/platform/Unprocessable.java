package io.lotse.platform;

/** Well-formed input that makes no sense, such as a reference to an unknown incident: 422. */
public class Unprocessable extends DomainException {
    public Unprocessable(String detail) {
        super(422, "Unprocessable request", detail);
    }
}
