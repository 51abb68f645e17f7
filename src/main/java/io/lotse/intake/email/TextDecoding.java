package io.lotse.intake.email;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Bytes to text when the declared charset is missing, wrong or unknown, as it often is in real mail. */
final class TextDecoding {

    /**
     * The fallback for bytes that are not valid UTF-8. windows-1252 rather than ISO-8859-1 because it is a
     * superset that also maps 0x80-0x9F (Outlook's curly quotes and euro sign), as HTML5 decoders do.
     */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoding() {
    }

    /** Header bytes: plain ASCII, else UTF-8 when valid, else windows-1252 (RFC 6532 vs. legacy 8-bit). */
    static String decodeGuessing(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }
        return strict(StandardCharsets.UTF_8, bytes, offset, length)
                .orElseGet(() -> new String(bytes, offset, length, WINDOWS_1252));
    }

    static String decodeGuessing(byte[] bytes) {
        return decodeGuessing(bytes, 0, bytes.length);
    }

    /**
     * Body bytes in their declared charset. A missing, unknown or ASCII declaration is guessed; ISO-8859-1 is
     * read as windows-1252; UTF-8 that does not decode is assumed to be a mislabelled legacy charset.
     */
    static String decode(byte[] bytes, String declaredCharset) {
        if (declaredCharset != null && isUtf7(declaredCharset)) {
            return decodeUtf7(bytes);
        }
        Optional<Charset> declared = lookup(declaredCharset);
        if (declared.isEmpty() || declared.get().equals(StandardCharsets.US_ASCII)) {
            return decodeGuessing(bytes);
        }
        Charset charset = declared.get();
        if (charset.equals(StandardCharsets.ISO_8859_1)) {
            return new String(bytes, WINDOWS_1252);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return strict(charset, bytes, 0, bytes.length).orElseGet(() -> new String(bytes, WINDOWS_1252));
        }
        Optional<String> asDeclared = strict(charset, bytes, 0, bytes.length);
        if (asDeclared.isPresent()) {
            return asDeclared.get();
        }
        // Mislabelled: Japanese carriers send 8-bit EUC-JP or Shift_JIS labelled ISO-2022-JP (a 7-bit
        // charset), and other senders label UTF-8 or windows-1252 text as something else. Try the likely
        // neighbours strictly before falling back to the header guess (UTF-8, else windows-1252).
        for (String neighbour : neighbours(charset)) {
            Optional<String> decoded = lookup(neighbour).flatMap(c -> strict(c, bytes, 0, bytes.length));
            if (decoded.isPresent()) {
                return decoded.get();
            }
        }
        return decodeGuessing(bytes);
    }

    private static List<String> neighbours(Charset declared) {
        String name = declared.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("iso-2022-jp") || name.equals("shift_jis") || name.equals("euc-jp")
                || name.equals("windows-31j")) {
            return List.of("euc-jp", "shift_jis", "windows-31j");
        }
        return List.of();
    }

    static Optional<Charset> lookup(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String cleaned = name.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        // Labels seen in the wild that Java does not know under that spelling.
        cleaned = switch (cleaned) {
            case "utf8", "unicode-1-1-utf-8", "unicode" -> "utf-8";
            case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987" -> "iso-8859-1";
            case "latin9", "latin-9", "iso8859-15" -> "iso-8859-15";
            case "x-user-defined", "default", "unknown-8bit", "x-unknown", "8bit", "binary" -> "";
            case "ks_c_5601-1987" -> "x-windows-949";
            case "gb2312", "gbk", "x-gbk" -> "gb18030";
            default -> cleaned;
        };
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(cleaned));
        } catch (IllegalArgumentException unknownOrIllegal) {
            return Optional.empty();
        }
    }

    static boolean isUtf7(String label) {
        String l = label.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        return l.equals("utf-7") || l.equals("utf7") || l.equals("unicode-1-1-utf-7") || l.equals("x-utf-7");
    }

    /** RFC 2152 UTF-7, which old Outlook versions send and the JDK does not ship. */
    static String decodeUtf7(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int c = bytes[i] & 0xff;
            if (c != '+') {
                out.append((char) c);
                i++;
                continue;
            }
            int j = i + 1;
            int buffer = 0;
            int bits = 0;
            while (j < bytes.length && base64Value(bytes[j]) >= 0) {
                buffer = (buffer << 6) | base64Value(bytes[j]);
                bits += 6;
                if (bits >= 16) {
                    bits -= 16;
                    out.append((char) ((buffer >> bits) & 0xffff));
                }
                j++;
            }
            if (j == i + 1) {
                out.append('+'); // "+-" is a literal plus
            }
            i = j < bytes.length && bytes[j] == '-' ? j + 1 : j;
        }
        return out.toString();
    }

    private static int base64Value(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        } else if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        } else if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        } else if (b == '+') {
            return 62;
        } else if (b == '/') {
            return 63;
        }
        return -1;
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException notThisCharset) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
