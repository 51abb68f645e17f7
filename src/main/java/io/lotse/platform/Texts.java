package io.lotse.platform;

/**
 * Makes untrusted text storable on every database we run on: PostgreSQL text cannot hold NUL characters,
 * and columns have lengths. Values are cut, never refused, so a message is stored rather than lost.
 */
public final class Texts {

    private Texts() {
    }

    /** Without NUL characters; null stays null. */
    public static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    /** Clean and at most {@code max} characters (an ellipsis marks a cut). */
    public static String fit(String s, int max) {
        String c = clean(s);
        if (c == null || c.length() <= max) {
            return c;
        }
        return c.substring(0, max - 1) + "…";
    }
}
