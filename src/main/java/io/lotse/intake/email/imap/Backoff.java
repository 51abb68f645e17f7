package io.lotse.intake.email.imap;

import java.time.Duration;
import java.util.Objects;

/**
 * The pause before reconnecting to a mailbox that failed: it doubles with each failure in a row, so an
 * unreachable server or a wrong password is not hammered, and is capped so that the mailbox is read again
 * soon after the server is back. Not thread-safe; one per worker.
 */
final class Backoff {

    static final Duration CAP = Duration.ofMinutes(5);

    private final Duration first;
    private Duration next;

    Backoff(Duration first) {
        Objects.requireNonNull(first, "first");
        // At least a second, so that a tiny configured interval cannot turn into a tight reconnect loop.
        this.first = clamp(first);
        this.next = this.first;
    }

    /** The pause to take now; the one after it is twice as long, up to {@link #CAP}. */
    Duration next() {
        Duration now = next;
        next = clamp(next.multipliedBy(2));
        return now;
    }

    /** After a successful round the next failure starts again with the first pause. */
    void reset() {
        next = first;
    }

    private static Duration clamp(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return d.compareTo(CAP) > 0 ? CAP : d;
    }
}
