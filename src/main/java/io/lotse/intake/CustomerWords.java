package io.lotse.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the customer wrote this time: the body without quoted history and signature (a quote the customer
 * introduces with a line ending in a colon, such as a pasted error message, stays). Conservative on
 * purpose: when in doubt a line stays, and if stripping would leave nothing the whole body is returned,
 * because an agent can skip surplus text but cannot see text we dropped.
 */
public final class CustomerWords {

    /** "Am 3. Juni 2024 um 14:02 schrieb Max <max@example.de>:" and "On Mon, Jun 3, 2024, Max wrote:". */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?iu)^\\s*(am|on)\\s.{3,250}\\s(schrieb|wrote)\\b.{0,160}:\\s*$");
    /** "Max Muster schrieb:" is an attribution too, but only trusted when quoted lines follow. */
    private static final Pattern LOOSE_ATTRIBUTION = Pattern.compile(
            "(?iu)^\\s*\\S.{0,160}\\s(schrieb|wrote)( am .{1,60})?:\\s*$");
    private static final Pattern HISTORY_SEPARATOR = Pattern.compile(
            "(?iu)^\\s*-{2,}\\s*(ursprüngliche nachricht|original message|original nachricht|forwarded message"
                    + "|weitergeleitete nachricht)\\s*-{2,}\\s*$");
    /**
     * A delivery report's sender: a bounce the customer forwards ("siehe unten") is what they want us to
     * read, the refusal in it included ("552 5.3.4 Message size exceeds fixed limit").
     */
    private static final Pattern DELIVERY_SYSTEM = Pattern.compile(
            "(?iu)mailer-daemon|mail delivery (?:system|subsystem)|postmaster@|mail-?zustellsystem");
    private static final Pattern UNDERSCORE_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("(?iu)^\\s*\\*?(von|from)\\s*:\\*?\\s*\\S.*");
    private static final Pattern HEADER_SENT = Pattern.compile(
            "(?iu)^\\s*\\*?(gesendet|sent|datum|date)\\s*:\\*?\\s*\\S.*");
    /** Lotus Notes writes "Betreff" without a colon, so the colon is optional here (From and Sent are not). */
    private static final Pattern HEADER_SUBJECT = Pattern.compile("(?iu)^\\s*\\*?(betreff|subject)\\b\\s*:?.*");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "(?iu)^\\s*(von meinem .{1,50} gesendet|gesendet von meinem .{1,50}|sent from my .{1,50}"
                    + "|sent from (outlook|mail) for .{1,30}|von (outlook|mail) für .{1,30} gesendet"
                    + "|gesendet von (outlook|mail) für .{1,30}|get outlook for .{1,30})\\s*\\.?\\s*$");
    /** A bare "--" (the trailing space of "-- " lost by a client) only counts this close to the end. */
    private static final int BARE_DASHES_MAX_TRAILING_LINES = 12;
    /** A closing greeting on a line of its own: "Mit freundlichen Grüßen", "Viele Grüße aus Leipzig", "Best regards,". */
    private static final Pattern CLOSING_GREETING = Pattern.compile(
            "(?iu)^\\s*((mit )?(freundlichen|besten|vielen|lieben|herzlichen|schönen|sonnigen)( grüßen| grüssen| gruessen| gruß| gruss)"
                    + "|(viele|liebe|beste|herzliche|freundliche|schöne) (grüße|grüsse|gruesse)|mfg|lg|vg|gruß|grüße|gruss|grüsse"
                    + "|best( regards| wishes)?|(kind|warm|warmest) regards|regards|cheers|sincerely|yours( sincerely| truly)?"
                    + "|(many )?thanks( again| in advance)?|thank you( in advance)?|danke( im voraus| schön| sehr)?"
                    + ")( (aus|from) [\\p{L} .-]{1,25})?\\s*[,.!]?\\s*$");
    /** The first line of a company's legal footer or a confidentiality notice. */
    private static final Pattern LEGAL_FOOTER = Pattern.compile(
            "(?iu)^\\s*(amtsgericht\\b|registergericht\\b|handelsregister\\b|sitz der gesellschaft\\b|geschäftsführer(in)?\\s*:"
                    + "|geschäftsführung\\s*:|vorstand\\s*:|aufsichtsrat(svorsitzende[r]?)?\\s*:|ust-?id(nr)?\\.?\\s*:"
                    + "|registered office\\b|company registration\\b|registered in england\\b|vat (no|number|id)\\b"
                    + "|(diese|die) (e-?mail|nachricht)( und (alle|eventuelle) anhänge)? (enthält|ist|kann|könnte)\\b.{0,40}vertraulich"
                    + "|this (e-?mail|message)( and any (files|attachments).{0,30})? (is|are|contains?|may contain)\\b.{0,40}(confidential|privileged)"
                    + "|confidentiality notice|disclaimer\\s*:|please consider the environment)");
    /** A contact block after a closing greeting: a name, a company, an address, phone numbers. */
    private static final int CONTACT_BLOCK_MAX_LINES = 12;
    private static final int CONTACT_BLOCK_MAX_LINE_LENGTH = 100;
    /** A legal footer is at the very end; a line like it followed by much more text is something else. */
    private static final int LEGAL_FOOTER_MAX_TRAILING_LINES = 20;

    private CustomerWords() {
    }

    public static String newWords(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>();
        boolean inQuote = false;
        boolean pasted = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (startsHistory(lines, i) || startsSignature(lines, i)) {
                break;
            }
            int attribution = attributionLength(lines, i);
            if (attribution > 0) {
                int next = nextNonBlank(lines, i + attribution);
                if (next < lines.length && isQuoted(lines[next])) {
                    i += attribution - 1; // interleaved or bottom-posted reply: drop the attribution, keep going
                    continue;
                }
                if (ATTRIBUTION.matcher(join(lines, i, attribution)).matches()) {
                    break; // top-posted reply: everything below is history
                }
            }
            if (isQuoted(line)) {
                // "Einer hat mir die Fehlermeldung weitergeleitet:" and the bounce below it: a quote the
                // customer introduces with a colon of their own is what they want us to read, not history.
                pasted = inQuote ? pasted : lastNonBlank(kept).endsWith(":");
                inQuote = true;
                if (pasted) {
                    kept.add(line);
                }
                continue;
            }
            inQuote = false;
            kept.add(line);
        }
        kept = withoutSignatureBlock(kept);
        String result = String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
        return result.isEmpty() ? body.strip() : result;
    }

    /**
     * Signatures without a "-- " delimiter: a closing greeting followed only by a short contact block, and
     * a legal footer at the end. Their words (the customer's company, street, "Amtsgericht", "Hosting
     * GmbH") would otherwise count for triage as if the customer had written them about the problem.
     */
    private static List<String> withoutSignatureBlock(List<String> lines) {
        int footer = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (LEGAL_FOOTER.matcher(lines.get(i)).find() && nonBlank(lines, i + 1, lines.size()) <= LEGAL_FOOTER_MAX_TRAILING_LINES) {
                footer = i;
                break;
            }
        }
        // The greeting needs words above it: a reply that opens with "Danke." has not ended yet.
        for (int i = firstNonBlank(lines) + 1; i < footer; i++) {
            if (CLOSING_GREETING.matcher(lines.get(i)).matches() && isContactBlock(lines, i + 1, footer)) {
                return lines.subList(0, i);
            }
        }
        return lines.subList(0, footer);
    }

    /** "Jana Vogt", "i.A. Sabine Oertel", "Team Example Shop": the line a contact block starts with. */
    private static final Pattern NAME_LINE = Pattern.compile(
            "^\\s*((\\p{Lu}[\\p{L}'.-]*|i\\.\\s?[av]\\.|von|van|de|der|und|&)\\s+){0,4}\\p{Lu}[\\p{L}'.-]*\\s*,?\\s*$");

    private static boolean isContactBlock(List<String> lines, int from, int to) {
        if (nonBlank(lines, from, to) > CONTACT_BLOCK_MAX_LINES) {
            return false;
        }
        int first = from;
        while (first < to && lines.get(first).isBlank()) {
            first++;
        }
        if (first < to && !NAME_LINE.matcher(lines.get(first)).matches()) {
            return false; // "Danke!\nGeht immer noch nicht": the customer is still writing
        }
        for (String line : lines.subList(from, to)) {
            String l = line.strip();
            if (l.length() > CONTACT_BLOCK_MAX_LINE_LENGTH || l.matches("(?i)p\\.?\\s?s\\b.*")) {
                return false; // a paragraph, or a postscript: the customer is still writing
            }
        }
        return true;
    }

    private static int firstNonBlank(List<String> lines) {
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static int nonBlank(List<String> lines, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "";
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    private static boolean startsHistory(String[] lines, int i) {
        if (HISTORY_SEPARATOR.matcher(lines[i]).matches()) {
            return !forwardsABounce(lines, i + 1);
        }
        if (UNDERSCORE_RULE.matcher(lines[i]).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next < lines.length && isHeaderBlock(lines, next) && !forwardsABounce(lines, next);
        }
        return isHeaderBlock(lines, i) && !forwardsABounce(lines, i);
    }

    /** The header block from line {@code from} on names a delivery system as its sender. */
    private static boolean forwardsABounce(String[] lines, int from) {
        for (int j = from; j < Math.min(lines.length, from + 4); j++) {
            if (HEADER_FROM.matcher(lines[j]).matches()) {
                return DELIVERY_SYSTEM.matcher(lines[j]).find();
            }
        }
        return false;
    }

    /** Outlook's "Von: / Gesendet: / An: / Betreff:" block: a From line with Sent (or Date) and Subject below. */
    private static boolean isHeaderBlock(String[] lines, int i) {
        if (!HEADER_FROM.matcher(lines[i]).matches()) {
            return false;
        }
        boolean sent = false;
        for (int j = i + 1; j < Math.min(lines.length, i + 8); j++) {
            if (HEADER_SENT.matcher(lines[j]).matches()) {
                sent = true;
            } else if (sent && HEADER_SUBJECT.matcher(lines[j]).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsSignature(String[] lines, int i) {
        String line = lines[i];
        if (line.equals("-- ") || MOBILE_SIGNATURE.matcher(line).matches()) {
            return true;
        }
        if (line.strip().equals("--")) {
            int remaining = 0;
            for (int j = i + 1; j < lines.length; j++) {
                if (!lines[j].isBlank()) {
                    remaining++;
                }
            }
            return remaining <= BARE_DASHES_MAX_TRAILING_LINES;
        }
        return false;
    }

    /** 1 or 2 when an attribution line (possibly wrapped onto a second line) starts at {@code i}, else 0. */
    private static int attributionLength(String[] lines, int i) {
        if (lines[i].isBlank() || isQuoted(lines[i])) {
            return 0;
        }
        if (matchesAttribution(lines[i])) {
            return 1;
        }
        if (i + 1 < lines.length && !lines[i + 1].isBlank() && matchesAttribution(join(lines, i, 2))) {
            return 2;
        }
        return 0;
    }

    private static boolean matchesAttribution(String line) {
        return ATTRIBUTION.matcher(line).matches() || LOOSE_ATTRIBUTION.matcher(line).matches();
    }

    private static String join(String[] lines, int from, int count) {
        return count == 1 ? lines[from] : lines[from].strip() + " " + lines[from + 1].strip();
    }

    private static int nextNonBlank(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }
}
