package io.lotse.intake.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words ("=?iso-8859-1?Q?Fr=F6sche?="), decoded leniently: raw 8-bit bytes inside a word,
 * missing base64 padding, unknown charsets and multi-byte characters split across adjacent words all occur
 * in real mail. Written by hand because Mime4J's decoder turns raw 8-bit characters inside words into '?'.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([QqBb])\\?([^?]*?)\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        if (!text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = WORD.matcher(text);
        int last = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(last, m.start());
            String charset = charsetLabel(m.group(1));
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (pendingCharset != null && (!adjacent || !charset.equals(pendingCharset))) {
                out.append(TextDecoding.decode(pending.toByteArray(), pendingCharset));
                pending.reset();
                pendingCharset = null;
            }
            if (!adjacent) {
                out.append(between);
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? decodeB(m.group(3)) : decodeQ(m.group(3), charset);
            pending.writeBytes(bytes);
            pendingCharset = charset;
            last = m.end();
        }
        if (pendingCharset != null) {
            out.append(TextDecoding.decode(pending.toByteArray(), pendingCharset));
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /** RFC 2231 allows a language after the charset: "utf-8*de". */
    private static String charsetLabel(String label) {
        int star = label.indexOf('*');
        return (star < 0 ? label : label.substring(0, star)).toLowerCase(Locale.ROOT);
    }

    private static byte[] decodeB(String encoded) {
        String cleaned = encoded.replaceAll("[^A-Za-z0-9+/]", "");
        int remainder = cleaned.length() % 4;
        if (remainder == 1) {
            cleaned = cleaned.substring(0, cleaned.length() - 1); // a dangling sextet carries no whole byte
        } else if (remainder > 1) {
            cleaned = cleaned + "=".repeat(4 - remainder);
        }
        return Base64.getDecoder().decode(cleaned);
    }

    private static byte[] decodeQ(String encoded, String charsetLabel) {
        Charset charset = TextDecoding.lookup(charsetLabel).orElse(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < encoded.length() && isHex(encoded.charAt(i + 1))
                    && isHex(encoded.charAt(i + 2))) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                // A raw 8-bit character the mailer forgot to encode: put it back into the word's charset.
                out.writeBytes(String.valueOf(c).getBytes(charset.canEncode() ? charset : StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
