package io.lotse.intake.email;

/**
 * Undoes RFC 3676 format=flowed: a line ending in a space continues on the next line of the same quote
 * depth. Without this, Thunderbird and Apple Mail text arrives broken at 72 columns.
 */
final class FormatFlowed {

    private FormatFlowed() {
    }

    static String unflow(String text, boolean delSp) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1); // space-stuffing (or the space after the quote marks)
            }
            boolean isSignatureSeparator = content.equals("-- ");
            boolean soft = content.endsWith(" ") && !isSignatureSeparator;
            if (paragraph != null && depth != paragraphDepth) {
                flush(out, paragraph, paragraphDepth);
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder();
                paragraphDepth = depth;
            }
            paragraph.append(soft && delSp ? content.substring(0, content.length() - 1) : content);
            if (!soft) {
                flush(out, paragraph, paragraphDepth);
                paragraph = null;
            }
        }
        if (paragraph != null) {
            flush(out, paragraph, paragraphDepth);
        }
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder paragraph, int depth) {
        if (depth > 0) {
            out.append(">".repeat(depth)).append(' ');
        }
        out.append(paragraph).append('\n');
    }
}
