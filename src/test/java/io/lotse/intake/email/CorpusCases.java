package io.lotse.intake.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.ContentDispositionFieldLenientImpl;
import org.apache.james.mime4j.field.ContentTypeFieldLenientImpl;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.RawField;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The e-mails of the shared corpus ({@code manifest.json}) with what each source's expectations say about
 * them, in one shape: sender, subject, body, attachments and whether a machine sent it. Every source writes
 * its expectations differently (see its SOURCE.md); this class is the only place that knows how.
 */
final class CorpusCases {

    /** How an expected text is compared with the stored one, both after whitespace folding. */
    enum Match {
        /** the whole text */
        EQUALS,
        /** the expected text occurs in the stored one (one text part of several) */
        CONTAINS,
        /** the stored text's first 60 characters open the expected one (Zammad keeps HTML, we make text) */
        OPENING,
        /** like EQUALS, but our HTML-to-text list bullets ("- ") are dropped first (the expectation is strip_tags) */
        HTML_TEXT,
        /** the number of attachments */
        COUNT,
        /** the attachments' file names, in any order, unnamed parts left out ("\n"-separated, sorted) */
        NAMES
    }

    /** @param kind sender, subject, body or attachments */
    record Expectation(String kind, String expected, Match match) {
    }

    /**
     * @param machineSent the manifest's {@code auto_generated_expected}, or a documented override; empty = unknown
     * @param labelNote why the label was overridden, "" when it was not
     */
    record Case(String source, String path, Path file, Optional<Boolean> machineSent, String labelNote,
            List<Expectation> expectations) {
    }

    /** A corpus label we overrule on purpose: the machine-sent value we expect instead, and why. */
    record LabelOverride(boolean machineSent, String why) {
    }

    /** Where we disagree with a corpus label, and why; printed with the report, never applied silently. */
    static final Map<String, LabelOverride> LABEL_OVERRIDES = Map.of(
            "zbateson-mail-mime-parser/tests/_data/emails/m0024.txt",
            new LabelOverride(true, "labelled human, but delivered through an ezmlm list (Mailing-List header): "
                    + "list mail is machine-sent (as in CorpusParsingTest)"),
            "sisimai-set-of-emails/maildir/bsd/lhost-sendmail-14.eml",
            new LabelOverride(false, "labelled bounce, but a person forwards a bounce from Apple Mail (\"Forward the "
                    + "message.\", Fwd: subject, bounce only quoted): a customer's own mail, not machine-sent"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path corpus;
    private final Map<String, JsonNode> jsonFiles = new HashMap<>();

    private CorpusCases(Path corpus) {
        this.corpus = corpus;
    }

    /** Every manifest item of kind "email" (mbox files and webhooks are not single mails), in manifest order. */
    static List<Case> load(Path corpus) throws IOException {
        return new CorpusCases(corpus).all();
    }

    /** Manifest items that are not a single e-mail, with their kind: not replayed through the e-mail intake. */
    static List<String> notEmails(Path corpus) throws IOException {
        List<String> skipped = new ArrayList<>();
        for (JsonNode item : JSON.readTree(corpus.resolve("manifest.json").toFile()).get("items")) {
            if (!item.path("kind").asText().equals("email")) {
                skipped.add(item.path("path").asText() + " (" + item.path("kind").asText() + ")");
            }
        }
        return skipped;
    }

    private List<Case> all() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode item : JSON.readTree(corpus.resolve("manifest.json").toFile()).get("items")) {
            if (!item.path("kind").asText().equals("email")) {
                continue;
            }
            String source = item.path("source").asText();
            String path = item.path("path").asText();
            Optional<Boolean> machine = item.path("auto_generated_expected").isBoolean()
                    ? Optional.of(item.get("auto_generated_expected").asBoolean())
                    : Optional.empty();
            String note = "";
            LabelOverride override = LABEL_OVERRIDES.get(path);
            if (override != null) {
                machine = Optional.of(override.machineSent());
                note = "label overridden to " + (override.machineSent() ? "machine-sent" : "human") + ": " + override.why();
            }
            String pointer = item.path("expect").isTextual() ? item.get("expect").asText() : "";
            List<Expectation> expectations = switch (source) {
                case "zbateson-mail-mime-parser" -> zbateson(pointer);
                case "zammad" -> zammad(path);
                case "apache-james-mime4j" -> mime4j(pointer);
                // sisimai, mimekit (messages/), discourse, cfortune: labels only, no parse expectations.
                default -> List.of();
            };
            cases.add(new Case(source, path, corpus.resolve(path), machine, note, expectations));
        }
        return cases;
    }

    // ---- zbateson/mail-mime-parser: expectations.json#cases.<id>, semantics in its "_semantics" key -------

    private List<Expectation> zbateson(String pointer) throws IOException {
        JsonNode c = pointed(pointer);
        if (c.isMissingNode() || c.path("missing_in_snapshot").asBoolean()) {
            return List.of();
        }
        JsonNode expect = c.get("expect");
        Path files = corpus.resolve("zbateson-mail-mime-parser/tests/_data/emails/files");
        List<Expectation> list = new ArrayList<>();
        if (expect.has("From")) {
            list.add(new Expectation("sender", expect.get("From").path("email").asText(), Match.EQUALS));
        }
        if (expect.has("Subject")) {
            list.add(new Expectation("subject", expect.get("Subject").asText(), Match.EQUALS));
        }
        // The expected body files are ISO-8859-1 (see SOURCE.md).
        if (expect.has("text")) {
            list.add(new Expectation("body",
                    Files.readString(files.resolve(expect.get("text").asText()), StandardCharsets.ISO_8859_1), Match.EQUALS));
        } else if (expect.has("html")) {
            String html = Files.readString(files.resolve(expect.get("html").asText()), StandardCharsets.ISO_8859_1);
            list.add(new Expectation("body", org.jsoup.Jsoup.parse(html).text(), Match.HTML_TEXT));
        }
        if (expect.has("attachments")) {
            list.add(new Expectation("attachments", expect.get("attachments").asText(), Match.COUNT));
        }
        return list;
    }

    // ---- zammad: our expectations.json, keyed by the path inside zammad/ ---------------------------------

    private List<Expectation> zammad(String path) throws IOException {
        JsonNode c = json("zammad/expectations.json").path("cases").path(path.substring("zammad/".length()));
        if (c.isMissingNode()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (JsonNode a : c.path("attachments")) {
            // Zammad keeps the HTML alternative of a mail as "message.html"; that is its storage, not a file.
            if (!a.path("content-alternative").asBoolean()) {
                files.add(a.path("filename").asText());
            }
        }
        return List.of(
                new Expectation("sender", c.path("from_email").asText(), Match.EQUALS),
                new Expectation("subject", c.path("subject").asText(), Match.EQUALS),
                new Expectation("body", c.path("body_text_normalized").asText(), Match.OPENING),
                new Expectation("attachments", names(files), Match.NAMES));
    }

    // ---- apache/james-mime4j: X_decoded.xml (ISO-8859-1) with decoded header fields and body files ---------

    private List<Expectation> mime4j(String pointer) throws IOException {
        Path xml = corpus.resolve(pointer);
        if (pointer.isEmpty() || !Files.isRegularFile(xml)) {
            return List.of();
        }
        Element message;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            message = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(Files.readString(xml, StandardCharsets.ISO_8859_1))))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable expectation " + pointer + ": " + e, e);
        }
        List<Expectation> list = new ArrayList<>();
        Map<String, String> header = header(message);
        Optional.ofNullable(header.get("from"))
                .flatMap(CorpusCases::firstAddress)
                .ifPresent(a -> list.add(new Expectation("sender", a, Match.EQUALS)));
        Optional.ofNullable(header.get("subject"))
                .ifPresent(s -> list.add(new Expectation("subject", s, Match.EQUALS)));
        firstPlainText(message, xml.getParent()).filter(t -> !fold(t).isEmpty())
                .ifPresent(t -> list.add(new Expectation("body", t, Match.CONTAINS)));
        List<String> names = new ArrayList<>();
        attachmentNames(message, names, true);
        if (!names.isEmpty()) {
            list.add(new Expectation("attachments", names(names), Match.NAMES));
        }
        return list;
    }

    /** Lower-case field name to unfolded value, first occurrence wins. */
    private static Map<String, String> header(Element entity) {
        Map<String, String> fields = new HashMap<>();
        Element header = child(entity, "header");
        if (header == null) {
            return fields;
        }
        for (Node n = header.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element f && f.getTagName().equals("field")) {
                String raw = f.getTextContent().replaceFirst("^[\\r\\n]+", "");
                int colon = raw.indexOf(':');
                if (colon > 0) {
                    fields.putIfAbsent(raw.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            raw.substring(colon + 1).replaceAll("\\r?\\n(?=[ \\t])", "").strip());
                }
            }
        }
        return fields;
    }

    private static Optional<String> firstAddress(String value) {
        try {
            List<Mailbox> boxes = LenientAddressParser.DEFAULT.parseAddressList(value).flatten();
            return boxes.isEmpty() ? Optional.empty() : Optional.of(boxes.get(0).getAddress());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The first text/plain leaf that is not a named file, not descending into attached messages. */
    private static Optional<String> firstPlainText(Element entity, Path dir) throws IOException {
        Map<String, String> header = header(entity);
        String type = header.getOrDefault("content-type", "text/plain");
        Element textBody = child(entity, "text-body");
        if (textBody != null) {
            var ct = ContentTypeFieldLenientImpl.PARSER.parse(new RawField("Content-Type", type), DecodeMonitor.SILENT);
            boolean plain = ct.getMimeType() == null || ct.getMimeType().equalsIgnoreCase("text/plain");
            if (!plain || filename(header).isPresent()) {
                return Optional.empty();
            }
            // The body file is in the part's declared charset, ISO-8859-1 when none (see SOURCE.md).
            Charset charset = StandardCharsets.ISO_8859_1;
            try {
                if (ct.getCharset() != null && !ct.getCharset().equalsIgnoreCase("us-ascii")) {
                    charset = Charset.forName(ct.getCharset());
                }
            } catch (IllegalArgumentException unknownCharset) {
                // keep ISO-8859-1, as Mime4J does
            }
            return Optional.of(new String(Files.readAllBytes(dir.resolve(textBody.getAttribute("name"))), charset));
        }
        Element multipart = child(entity, "multipart");
        if (multipart == null) {
            return Optional.empty();
        }
        for (Node n = multipart.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element part && part.getTagName().equals("body-part")) {
                Optional<String> text = firstPlainText(part, dir);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    private static void attachmentNames(Element entity, List<String> names, boolean top) {
        if (!top) {
            filename(header(entity)).ifPresent(names::add);
        }
        Element multipart = child(entity, "multipart");
        if (multipart != null) {
            for (Node n = multipart.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element part && part.getTagName().equals("body-part")) {
                    attachmentNames(part, names, false);
                }
            }
        }
    }

    private static Optional<String> filename(Map<String, String> header) {
        String name = null;
        if (header.containsKey("content-disposition")) {
            name = ContentDispositionFieldLenientImpl.PARSER
                    .parse(new RawField("Content-Disposition", header.get("content-disposition")), DecodeMonitor.SILENT)
                    .getFilename();
        }
        if ((name == null || name.isBlank()) && header.containsKey("content-type")) {
            name = ContentTypeFieldLenientImpl.PARSER
                    .parse(new RawField("Content-Type", header.get("content-type")), DecodeMonitor.SILENT)
                    .getParameter("name");
        }
        return Optional.ofNullable(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    // ---- shared -------------------------------------------------------------------------------------------

    /** "file.json#cases.key" to the node; the key may contain dots and slashes (sisimai paths). */
    private JsonNode pointed(String pointer) throws IOException {
        int hash = pointer.indexOf('#');
        if (hash < 0 || !pointer.startsWith("cases.", hash + 1)) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return json(pointer.substring(0, hash)).path("cases").path(pointer.substring(hash + 1 + "cases.".length()));
    }

    private JsonNode json(String relative) throws IOException {
        JsonNode cached = jsonFiles.get(relative);
        if (cached == null) {
            cached = JSON.readTree(corpus.resolve(relative).toFile());
            jsonFiles.put(relative, cached);
        }
        return cached;
    }

    static String names(List<String> names) {
        return names.stream().filter(n -> !n.isBlank()).sorted().collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Whitespace folding: every run of whitespace (and no-break spaces) is one space, ends trimmed. */
    static String fold(String s) {
        return s == null ? "" : s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }
}
