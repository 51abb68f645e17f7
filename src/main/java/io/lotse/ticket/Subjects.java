package io.lotse.ticket;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What mail subjects say about threads: "AW: Re: Webseite down [#42]" answers ticket 42's "Webseite down". */
public final class Subjects {

    private static final Pattern TICKET_TAG = Pattern.compile("\\[#(\\d{1,18})]");
    /** Reply and forward prefixes of the mail programs our customers use (German, English, Nordic). */
    private static final Pattern PREFIX = Pattern.compile("^(re|aw|antw|sv|wg|fw|fwd)\\s*:\\s*", Pattern.CASE_INSENSITIVE);

    private Subjects() {
    }

    /** "AW: ...", "Re: ...", "Fwd: ...": the subject of a message replied to or passed on. */
    public static boolean isReply(String subject) {
        return subject != null && PREFIX.matcher(subject.strip()).find();
    }

    /** The subject without reply/forward prefixes and ticket tags, as its writer typed it. */
    public static String stripped(String subject) {
        String base = subject == null ? "" : TICKET_TAG.matcher(subject).replaceAll("").strip();
        while (PREFIX.matcher(base).find()) {
            base = PREFIX.matcher(base).replaceFirst("").strip();
        }
        return base;
    }

    /** What two subjects of one thread share: stripped, lower case, white space folded. */
    public static String thread(String subject) {
        return stripped(subject).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The ticket number in a {@code [#42]} tag anywhere in the subject. */
    static Optional<Long> ticketTag(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = TICKET_TAG.matcher(subject);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }
}
