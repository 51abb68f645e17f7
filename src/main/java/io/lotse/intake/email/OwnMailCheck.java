package io.lotse.intake.email;

import java.util.Locale;
import java.util.Optional;

/**
 * Our own mail coming back (a forwarding rule on the support mailbox, a misconfigured alias): it carries
 * our ticket header, one of our Message-IDs, or our sender address. Answering it would start a loop.
 */
final class OwnMailCheck implements MachineSentCheck {

    private final String ourDomainSuffix;
    private final String ourAddress;

    OwnMailCheck(String messageIdDomain, String ourAddress) {
        this.ourDomainSuffix = "@" + messageIdDomain.toLowerCase(Locale.ROOT);
        this.ourAddress = ourAddress.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> reason(ParsedEmail mail) {
        if (mail.headers().has("X-Lotse-Ticket")) {
            return Optional.of("our own mail came back (X-Lotse-Ticket)");
        }
        if (mail.messageId().map(id -> id.toLowerCase(Locale.ROOT))
                .filter(id -> id.startsWith("lotse.") && id.endsWith(ourDomainSuffix)).isPresent()) {
            return Optional.of("our own mail came back (our Message-ID)");
        }
        if (!ourAddress.isEmpty() && ourAddress.equals(mail.fromAddress())) {
            return Optional.of("our own mail came back (from " + ourAddress + ")");
        }
        return Optional.empty();
    }
}
