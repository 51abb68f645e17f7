package io.lotse.ticket;

import java.util.Optional;

/** Who sent a message, as far as the channel tells: any of the fields may be missing. */
public record Requester(Optional<String> name, Optional<String> email, Optional<String> phone,
        Optional<String> customerNumber) {

    public static Requester ofEmail(String name, String email) {
        return new Requester(blankToEmpty(name), blankToEmpty(email), Optional.empty(), Optional.empty());
    }

    public boolean identifiable() {
        return email.isPresent() || phone.isPresent() || customerNumber.isPresent();
    }

    static Optional<String> blankToEmpty(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(v -> !v.isEmpty());
    }

    public static Requester of(String name, String email, String phone, String customerNumber) {
        return new Requester(blankToEmpty(name), blankToEmpty(email), blankToEmpty(phone), blankToEmpty(customerNumber));
    }
}
