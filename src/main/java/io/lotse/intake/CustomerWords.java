package io.lotse.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the customer wrote this time: the body without quoted history and signature. Conservative on
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
            "(?iu)^\\s*-{2,}\\s*(ursprüngliche nachricht|original message|original nachricht)\\s*-{2,}\\s*$");
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

    private CustomerWords() {
    }

    public static String newWords(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = text.split("\n", -1);
        List<String> kept = new ArrayList<>();
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
                continue;
            }
            kept.add(line);
        }
        String result = String.join("\n", kept).replaceAll("\n{3,}", "\n\n").strip();
        return result.isEmpty() ? body.strip() : result;
    }

    private static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    private static boolean startsHistory(String[] lines, int i) {
        if (HISTORY_SEPARATOR.matcher(lines[i]).matches()) {
            return true;
        }
        if (UNDERSCORE_RULE.matcher(lines[i]).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next < lines.length && isHeaderBlock(lines, next);
        }
        return isHeaderBlock(lines, i);
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
