package io.lotse.platform;

/** A body above a configured size limit: 413. Nothing of it is stored. */
public class PayloadTooLarge extends DomainException {
    public PayloadTooLarge(long limitBytes) {
        super(413, "Payload too large", "The body exceeds the limit of " + limitBytes + " bytes.");
    }
}
