package io.lotse.ticket;

import io.lotse.platform.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the customer behind a message, or creates one. The customer number is the strongest key, then
 * the e-mail address, then the phone number; what a message adds (a name, a phone) is remembered.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final Clock clock;

    CustomerDirectory(Clock clock) {
        this.clock = clock;
    }

    public Customer resolve(Requester requester, String language) {
        Optional<String> email = requester.email().map(e -> e.toLowerCase(Locale.ROOT)).filter(e -> e.length() <= 320);
        Optional<String> phone = requester.phone().map(CustomerDirectory::normalizePhone).filter(p -> p.length() >= 4);
        Optional<String> number = requester.customerNumber().map(String::strip);

        Optional<Customer> found = number.flatMap(Customer::findByCustomerNumber)
                .or(() -> email.flatMap(Customer::findByEmail))
                .or(() -> phone.flatMap(Customer::findByPhone));
        Instant now = clock.instant();
        Customer c = found.orElseGet(() -> {
            Customer fresh = new Customer();
            fresh.createdAt = now;
            return fresh;
        });
        // Fill what we did not know; never overwrite a key that identifies someone else.
        if (c.email == null && email.isPresent() && Customer.findByEmail(email.get()).isEmpty()) {
            c.email = email.get();
        }
        if (c.customerNumber == null && number.isPresent() && Customer.findByCustomerNumber(number.get()).isEmpty()) {
            c.customerNumber = number.get();
        }
        if (c.phone == null && phone.isPresent()) {
            c.phone = phone.get();
        }
        if (requester.name().isPresent() && (c.name == null || c.name.isBlank())) {
            c.name = Texts.fit(requester.name().get(), 300);
        }
        if (language != null) {
            c.language = language;
        }
        c.updatedAt = now;
        if (c.id == null) {
            c.persist();
        }
        return c;
    }

    /** "+49 (341) 555-0123" and "+493415550123" are one number. */
    static String normalizePhone(String raw) {
        String trimmed = raw.strip();
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (trimmed.startsWith("+")) {
            return "+" + digits;
        }
        if (trimmed.startsWith("00") && digits.length() > 2) {
            return "+" + digits.substring(2);
        }
        return digits;
    }
}
