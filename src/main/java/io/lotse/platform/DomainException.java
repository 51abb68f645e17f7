package io.lotse.platform;

/**
 * Base of the small, named exceptions the services throw for things a caller did wrong or asked for in
 * vain. Each carries the HTTP status and a title; {@link ProblemMapper} turns it into problem+json.
 * The detail is shown to the caller, so it must never contain internals (SQL, class names).
 */
public abstract class DomainException extends RuntimeException {
    private final int status;
    private final String title;

    protected DomainException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
