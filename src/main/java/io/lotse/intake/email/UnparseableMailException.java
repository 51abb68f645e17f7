package io.lotse.intake.email;

/**
 * The input is not a mail we can read: empty, no header section, or over one of the {@link MailLimits}.
 * Callers archive the raw bytes for reprocessing rather than dropping them.
 */
public class UnparseableMailException extends Exception {

    public UnparseableMailException(String message) {
        super(message);
    }

    public UnparseableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
