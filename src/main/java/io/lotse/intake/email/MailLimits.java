package io.lotse.intake.email;

/**
 * The limits under which untrusted raw mail is parsed. A mail that breaks one of the structural limits is
 * rejected as {@link UnparseableMailException}; only {@link #maxTextChars} truncates instead, because an
 * over-long text is still a readable mail.
 *
 * @param maxMessageBytes largest raw message accepted, in bytes
 * @param maxHeaderCount most header fields in one header section (top level or one MIME part)
 * @param maxHeaderLineLength longest physical header line, in bytes. Real mail keeps to RFC 5322's 998, but
 *     some gateways write long unfolded References or DKIM lines, so the default is ten times that.
 * @param maxParts most MIME parts in one message
 * @param maxNestingDepth deepest nesting of multiparts
 * @param maxTextChars longest readable body text; anything longer is cut and marked
 */
public record MailLimits(
        long maxMessageBytes,
        int maxHeaderCount,
        int maxHeaderLineLength,
        int maxParts,
        int maxNestingDepth,
        int maxTextChars) {

    public MailLimits {
        requirePositive(maxMessageBytes, "maxMessageBytes");
        requirePositive(maxHeaderCount, "maxHeaderCount");
        requirePositive(maxHeaderLineLength, "maxHeaderLineLength");
        requirePositive(maxParts, "maxParts");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxTextChars, "maxTextChars");
    }

    /** 25 MiB mails (a typical provider's inbound limit), 1000 fields, 10000-byte lines, 500 parts, depth 20. */
    public static MailLimits defaults() {
        return new MailLimits(25L * 1024 * 1024, 1000, 10_000, 500, 20, 1_000_000);
    }

    public MailLimits withMaxMessageBytes(long value) {
        return new MailLimits(value, maxHeaderCount, maxHeaderLineLength, maxParts, maxNestingDepth, maxTextChars);
    }

    public MailLimits withMaxParts(int value) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxHeaderLineLength, value, maxNestingDepth, maxTextChars);
    }

    public MailLimits withMaxNestingDepth(int value) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxHeaderLineLength, maxParts, value, maxTextChars);
    }

    public MailLimits withMaxTextChars(int value) {
        return new MailLimits(maxMessageBytes, maxHeaderCount, maxHeaderLineLength, maxParts, maxNestingDepth, value);
    }

    public MailLimits withMaxHeaderCount(int value) {
        return new MailLimits(maxMessageBytes, value, maxHeaderLineLength, maxParts, maxNestingDepth, maxTextChars);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
