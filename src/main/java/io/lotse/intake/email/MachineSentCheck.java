package io.lotse.intake.email;

import java.util.Optional;

/** One question about a mail: was it sent by a machine, and if so, why do we think so? */
@FunctionalInterface
public interface MachineSentCheck {

    /** A short human-readable reason ("Auto-Submitted: auto-replied") when the mail looks machine-sent. */
    Optional<String> reason(ParsedEmail mail);
}
