package io.lotse.intake.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail to readable plain text: block elements become line breaks, paragraphs blank lines, list items
 * "- " lines and blockquotes "> " lines (so that quote stripping treats HTML and plain mail alike).
 * Scripts, styles and other invisible elements are dropped. Walks the tree iteratively, so deeply nested
 * HTML cannot overflow the stack.
 */
final class HtmlText {

    private static final Set<String> INVISIBLE = Set.of(
            "head", "script", "style", "title", "meta", "link", "noscript", "template", "object", "iframe", "svg");
    private static final Set<String> PARAGRAPHS = Set.of(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "pre", "blockquote", "hr");
    private static final Set<String> LINES = Set.of(
            "div", "tr", "li", "dt", "dd", "address", "article", "section", "header", "footer", "center", "form",
            "fieldset", "caption", "figure", "main", "nav", "aside", "tbody", "thead", "tfoot");

    private HtmlText() {
    }

    static String toText(String html) {
        Document document = Jsoup.parse(html);
        document.select(String.join(",", INVISIBLE)).remove();
        Writer writer = new Writer();
        NodeTraversor.traverse(writer, document.body() != null ? document.body() : document);
        return writer.result();
    }

    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private int quoteDepth;
        private int preDepth;
        private boolean atLineStart = true;
        private boolean pendingSpace;
        private int pendingNewlines;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                writeText(preDepth > 0 ? text.getWholeText() : text.text());
            } else if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("br")) {
                    newline(1, true);
                } else if (PARAGRAPHS.contains(tag)) {
                    newline(2, false);
                } else if (LINES.contains(tag)) {
                    newline(1, false);
                } else if (tag.equals("td") || tag.equals("th")) {
                    pendingSpace = !atLineStart;
                }
                if (tag.equals("blockquote")) {
                    quoteDepth++;
                } else if (tag.equals("pre")) {
                    preDepth++;
                } else if (tag.equals("li")) {
                    writeText("- ");
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("blockquote")) {
                    newline(2, false);
                    quoteDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                    newline(2, false);
                } else if (PARAGRAPHS.contains(tag)) {
                    newline(2, false);
                } else if (LINES.contains(tag)) {
                    newline(1, false);
                }
            }
        }

        /** {@code forced} line breaks (br) always count; block boundaries collapse into each other. */
        private void newline(int count, boolean forced) {
            if (out.isEmpty()) {
                return;
            }
            pendingSpace = false;
            if (forced) {
                if (atLineStart && pendingNewlines == 0) {
                    pendingNewlines = 1;
                } else {
                    pendingNewlines++;
                }
                pendingNewlines = Math.min(pendingNewlines, 3);
            } else if (!atLineStart || pendingNewlines > 0) {
                pendingNewlines = Math.max(pendingNewlines, count);
            }
            atLineStart = true;
        }

        private void writeText(String raw) {
            String text = raw.replace('\u00a0', ' ');
            if (preDepth > 0) {
                String[] lines = text.split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (i > 0) {
                        newline(1, true);
                    }
                    if (!lines[i].isEmpty()) {
                        emit(lines[i]);
                    }
                }
                return;
            }
            text = text.replaceAll("\\s+", " ");
            if (text.isEmpty()) {
                return;
            }
            if (text.startsWith(" ")) {
                pendingSpace = true;
                text = text.substring(1);
            }
            boolean trailingSpace = text.endsWith(" ");
            if (trailingSpace) {
                text = text.substring(0, text.length() - 1);
            }
            if (!text.isEmpty()) {
                emit(text);
            }
            if (trailingSpace) {
                pendingSpace = true;
            }
        }

        private void emit(String text) {
            if (pendingNewlines > 0) {
                out.append("\n".repeat(pendingNewlines));
                pendingNewlines = 0;
                atLineStart = true;
            }
            if (atLineStart) {
                if (quoteDepth > 0) {
                    out.append(">".repeat(quoteDepth)).append(' ');
                }
                pendingSpace = false;
            } else if (pendingSpace) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(text);
            atLineStart = false;
        }

        String result() {
            return out.toString().strip();
        }
    }
}
