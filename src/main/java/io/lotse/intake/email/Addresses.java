package io.lotse.intake.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forgiving reader for address headers (From, To, Cc). Written by hand rather than with Mime4J's
 * address parser because that one works on bytes and turns non-Latin-1 display names into '?'.
 */
final class Addresses {

    /** One mailbox; {@code address} is lower-case and may lack a domain ("MAILER-DAEMON"). */
    record Mailbox(String name, String address) {
    }

    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>()\",;:]+@[^\\s<>()\",;:]+");
    private static final Pattern GROUP_START = Pattern.compile("^[^\"<>@,()]*:(?!:)");

    private Addresses() {
    }

    /** @param header the unfolded header value, not yet RFC 2047 decoded (so quoting is intact) */
    static List<Mailbox> parse(String header) {
        List<Mailbox> result = new ArrayList<>();
        for (String segment : splitTopLevel(header)) {
            String s = segment.strip();
            Matcher group = GROUP_START.matcher(s);
            if (group.find()) {
                s = s.substring(group.end()).strip();
            }
            if (s.endsWith(";")) {
                s = s.substring(0, s.length() - 1).strip();
            }
            if (!s.isEmpty()) {
                mailbox(s).ifPresent(result::add);
            }
        }
        return result;
    }

    private static java.util.Optional<Mailbox> mailbox(String s) {
        int open = lastIndexOutsideQuotes(s, '<');
        if (open >= 0) {
            int close = s.indexOf('>', open);
            String address = s.substring(open + 1, close < 0 ? s.length() : close);
            String name = s.substring(0, open);
            if (name.isBlank() && close >= 0) {
                name = comment(s.substring(close + 1));
            }
            return java.util.Optional.of(new Mailbox(displayName(name), normaliseAddress(address)));
        }
        String comment = comment(s);
        String withoutComments = s.replaceAll("\\([^()]*\\)", " ").strip();
        Matcher bare = BARE_ADDRESS.matcher(withoutComments);
        if (bare.find()) {
            return java.util.Optional.of(new Mailbox(displayName(comment), normaliseAddress(bare.group())));
        }
        if (!withoutComments.isEmpty() && !withoutComments.contains(" ") && !withoutComments.contains("\"")) {
            return java.util.Optional.of(new Mailbox(displayName(comment), normaliseAddress(withoutComments)));
        }
        return java.util.Optional.empty();
    }

    private static String normaliseAddress(String address) {
        String a = address.strip();
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        // A source route ("@relay:user@host") is obsolete syntax; keep only the mailbox.
        int colon = a.indexOf(':');
        if (a.startsWith("@") && colon > 0) {
            a = a.substring(colon + 1);
        }
        return a.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    }

    static String displayName(String raw) {
        String name = raw.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replaceAll("\\\\(.)", "$1");
        } else {
            name = name.replace("\"", "");
        }
        name = decodeWords(name).strip();
        if (name.length() >= 2 && name.startsWith("'") && name.endsWith("'")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        return name;
    }

    static String decodeWords(String s) {
        return EncodedWords.decode(s);
    }

    private static String comment(String s) {
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        return open >= 0 && close > open ? s.substring(open + 1, close) : "";
    }

    private static int lastIndexOutsideQuotes(String s, char wanted) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                found = i;
            }
        }
        return found;
    }

    /** Splits on commas that are not inside quotes, angle brackets or comments. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int paren = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < s.length()) {
                    current.append(c).append(s.charAt(++i));
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle++;
            } else if (c == '>' && angle > 0) {
                angle--;
            } else if (c == '(') {
                paren++;
            } else if (c == ')' && paren > 0) {
                paren--;
            } else if (c == ',' && angle == 0 && paren == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
