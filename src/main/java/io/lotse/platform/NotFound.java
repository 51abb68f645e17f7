package io.lotse.platform;

/** A resource addressed by id does not exist: 404. */
public class NotFound extends DomainException {
    public NotFound(String what, long id) {
        super(404, "Not found", what + " " + id + " does not exist.");
    }
}
