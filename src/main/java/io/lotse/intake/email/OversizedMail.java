package io.lotse.intake.email;

import java.util.Optional;

/**
 * A mail in a mailbox that is larger than the intake limit, known only by its envelope: it is not
 * downloaded, and stays where it is for a person to read.
 *
 * @param source where it waits, e.g. "imap:support"
 * @param place its position there, e.g. "UID 4711"
 */
public record OversizedMail(String source, String place, long sizeBytes, String fromName, String fromAddress,
        String subject, Optional<String> messageId) {
}
