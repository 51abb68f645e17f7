package io.lotse.intake.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.dom.field.DateTimeField;
import org.apache.james.mime4j.field.DateTimeFieldLenientImpl;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Reads one raw RFC 5322 mail into a {@link ParsedEmail}. Lenient with the malformed mail real senders
 * produce (missing headers, broken boundaries, wrong charsets), strict about the {@link MailLimits} and about
 * input that is not a mail at all. Thread-safe: all per-mail state lives in the call.
 */
public final class EmailParser {

    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern FIELD_NAME = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]+[ \\t]*:");

    /** A forward of a forward of a forward is still read; deeper ones stay attachments. */
    private static final int MAX_FORWARD_LEVEL = 3;
    /** Gmail's wording: CustomerWords treats it as the start of history, so triage reads the customer's words. */
    static final String FORWARDED_SEPARATOR = "---------- Forwarded message ----------";

    private final MailLimits limits;
    private final MimeConfig config;
    private final int forwardLevel;

    public EmailParser(MailLimits limits) {
        this(limits, 0);
    }

    private EmailParser(MailLimits limits, int forwardLevel) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.forwardLevel = forwardLevel;
        this.config = MimeConfig.custom()
                // Lenient: real mail breaks the RFCs in harmless ways; the limits below are what protect us.
                .setStrictParsing(false)
                .setMalformedHeaderStartsBody(false)
                .setMaxLineLen(limits.maxHeaderLineLength())
                .setMaxHeaderCount(limits.maxHeaderCount())
                // A folded field may run over thousands of lines (a To with every customer in it); the
                // message size already bounds the memory, so a folded field is only limited by that.
                .setMaxHeaderLen((int) Math.min(Integer.MAX_VALUE, limits.maxMessageBytes()))
                .setMaxContentLen(limits.maxMessageBytes())
                .build();
    }

    public ParsedEmail parse(byte[] raw) throws UnparseableMailException {
        Objects.requireNonNull(raw, "raw");
        if (raw.length == 0) {
            throw new UnparseableMailException("empty input is not a mail");
        }
        if (raw.length > limits.maxMessageBytes()) {
            throw new UnparseableMailException(
                    "mail has " + raw.length + " bytes, more than the limit of " + limits.maxMessageBytes());
        }
        int start = startOfHeaders(raw);
        InputStream input = new ByteArrayInputStream(raw, start, raw.length - start);
        if (!startsWithHeaderField(raw, start)) {
            if (!looksLikeText(raw, start)) {
                throw new UnparseableMailException("input has no header fields and is not text: not a mail");
            }
            // Headerless text (a pasted body, a broken export) is still readable: parse it as body only.
            input = new SequenceInputStream(new ByteArrayInputStream(new byte[] {'\r', '\n'}), input);
        }
        Collector collector = new Collector(limits);
        MimeStreamParser parser = new MimeStreamParser(config, DecodeMonitor.SILENT, null);
        parser.setContentDecoding(true);
        // message/rfc822 parts (forwarded mails, returned originals in bounces) are not parsed inline:
        // they are attachments, and a forwarded one is read on its own below (readForwarded).
        parser.setNoRecurse();
        parser.setContentHandler(collector);
        try {
            parser.parse(input);
        } catch (LimitBroken e) {
            throw new UnparseableMailException(e.getMessage(), e);
        } catch (MimeException | IOException e) {
            throw new UnparseableMailException("mail breaks a parsing limit or is unreadable: " + e.getMessage(), e);
        }
        if (collector.root == null) {
            throw new UnparseableMailException("no MIME entity found: not a mail");
        }
        return assemble(collector.root);
    }

    // ---- input sanity ------------------------------------------------------------------------------------

    /** Skips a UTF-8 byte order mark, leading blank lines and an mbox "From " line (mailbox exports). */
    private static int startOfHeaders(byte[] raw) {
        int i = 0;
        if (raw.length >= 3 && (raw[0] & 0xff) == 0xef && (raw[1] & 0xff) == 0xbb && (raw[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < raw.length && (raw[i] == '\r' || raw[i] == '\n')) {
            i++;
        }
        if (raw.length - i > 5 && raw[i] == 'F' && raw[i + 1] == 'r' && raw[i + 2] == 'o' && raw[i + 3] == 'm'
                && raw[i + 4] == ' ') {
            while (i < raw.length && raw[i] != '\n') {
                i++;
            }
            i++;
        }
        return Math.min(i, raw.length);
    }

    private static boolean startsWithHeaderField(byte[] raw, int start) {
        int end = start;
        while (end < raw.length && end - start < 1000 && raw[end] != '\n' && raw[end] != ':') {
            end++;
        }
        if (end >= raw.length || raw[end] != ':') {
            return false;
        }
        String candidate = new String(raw, start, end - start + 1, StandardCharsets.ISO_8859_1);
        return FIELD_NAME.matcher(candidate).matches();
    }

    /**
     * Text has no NUL bytes and hardly any other control characters (ESC is allowed: ISO-2022-JP uses it);
     * random binary data has about one in eight.
     */
    private static boolean looksLikeText(byte[] raw, int start) {
        int end = Math.min(raw.length, start + 8192);
        int control = 0;
        for (int i = start; i < end; i++) {
            int b = raw[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) || b == 0x7f) {
                control++;
            }
        }
        return end > start && control * 100 <= (end - start);
    }

    // ---- collecting the MIME tree ------------------------------------------------------------------------

    /** One MIME entity as seen while streaming. Text bodies are kept; other bodies are only measured. */
    private static final class Part {
        final List<Field> fields = new ArrayList<>();
        final List<Part> children = new ArrayList<>();
        String mimeType = "text/plain";
        boolean multipart;
        byte[] preamble;
        byte[] text;
        /** Kept only for winmail.dat, to unpack the files inside. */
        byte[] tnef;
        /** Kept only for a forwarded mail (message/rfc822 outside a report), to show its text. */
        byte[] forwarded;
        long size;

        Optional<String> field(String name) {
            for (Field f : fields) {
                if (f.getName().equalsIgnoreCase(name)) {
                    return Optional.of(unfolded(f));
                }
            }
            return Optional.empty();
        }
    }

    /** Thrown from inside the content handler when one of our own limits is broken. */
    private static final class LimitBroken extends RuntimeException {
        LimitBroken(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Collector extends AbstractContentHandler {
        private final MailLimits limits;
        private final Deque<Part> stack = new ArrayDeque<>();
        private Part root;
        private int parts;
        private int multipartDepth;

        Collector(MailLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startMessage() {
            if (root == null) {
                root = new Part();
                stack.push(root);
                parts = 1;
            }
        }

        @Override
        public void startBodyPart() {
            if (++parts > limits.maxParts()) {
                throw new LimitBroken("mail has more than " + limits.maxParts() + " MIME parts");
            }
            Part part = new Part();
            stack.peek().children.add(part);
            stack.push(part);
        }

        @Override
        public void endBodyPart() {
            stack.pop();
        }

        @Override
        public void field(Field field) {
            stack.peek().fields.add(field);
        }

        @Override
        public void startMultipart(BodyDescriptor descriptor) {
            if (++multipartDepth > limits.maxNestingDepth()) {
                throw new LimitBroken("MIME parts are nested deeper than " + limits.maxNestingDepth());
            }
            Part part = stack.peek();
            part.multipart = true;
            part.mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
        }

        @Override
        public void preamble(InputStream in) throws IOException {
            stack.peek().preamble = in.readAllBytes();
        }

        @Override
        public void endMultipart() {
            multipartDepth--;
        }

        @Override
        public void body(BodyDescriptor descriptor, InputStream in) throws IOException {
            Part part = stack.peek();
            part.mimeType = descriptor.getMimeType().toLowerCase(Locale.ROOT);
            if (part.mimeType.equals("text/plain") || part.mimeType.equals("text/html")) {
                part.text = in.readAllBytes();
                part.size = part.text.length;
            } else if (Tnef.isTnef(part.mimeType, filename(part))) {
                part.tnef = in.readAllBytes();
                part.size = part.tnef.length;
            } else if (isForwardedMail(part)) {
                part.forwarded = in.readAllBytes();
                part.size = part.forwarded.length;
            } else {
                part.size = in.transferTo(OutputStream.nullOutputStream());
            }
        }

        /** A mail inside a mail; inside a delivery report it is our own returned original, no customer text. */
        private boolean isForwardedMail(Part part) {
            if (!part.mimeType.equals("message/rfc822") && !part.mimeType.equals("message/global")) {
                return false;
            }
            for (Part enclosing : stack) {
                if (enclosing.mimeType.equals("multipart/report")) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---- assembling the result ---------------------------------------------------------------------------

    private ParsedEmail assemble(Part root) {
        List<MailHeaders.Field> headerFields = new ArrayList<>();
        for (Field field : root.fields) {
            headerFields.add(new MailHeaders.Field(field.getName(), EncodedWords.decode(unfolded(field)).strip()));
        }
        MailHeaders headers = new MailHeaders(headerFields);

        List<Addresses.Mailbox> from = root.field("From").map(Addresses::parse).orElse(List.of());
        if (from.isEmpty()) {
            from = root.field("Sender").map(Addresses::parse).orElse(List.of());
        }
        Addresses.Mailbox sender = from.isEmpty() ? new Addresses.Mailbox("", "") : from.get(0);
        boolean utf7 = TextDecoding.isUtf7(parameters(root.field("Content-Type").orElse("")).getOrDefault("charset", ""));

        List<String> texts = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        collect(root, texts, attachments);
        String body = String.join("\n\n", texts.stream().filter(t -> !t.isBlank()).toList()).strip();
        boolean truncated = body.length() > limits.maxTextChars();
        if (truncated) {
            int cut = limits.maxTextChars();
            if (Character.isHighSurrogate(body.charAt(cut - 1))) {
                cut--;
            }
            body = body.substring(0, cut) + "\n\n[... text truncated after " + limits.maxTextChars() + " characters]";
        }

        List<String> partTypes = new ArrayList<>();
        listTypes(root, partTypes);

        return new ParsedEmail(
                root.field("Message-ID").flatMap(EmailParser::firstId),
                root.field("In-Reply-To").map(EmailParser::ids).orElse(List.of()),
                root.field("References").map(EmailParser::ids).orElse(List.of()),
                sender.address(),
                utf7 ? utf7Header(sender.name()) : sender.name(),
                addresses(root, "To"),
                addresses(root, "Cc"),
                utf7 ? utf7Header(headers.first("Subject").orElse("")) : headers.first("Subject").orElse(""),
                body,
                truncated,
                date(root),
                attachments,
                root.field("Return-Path").map(String::strip).orElse(""),
                root.mimeType,
                partTypes,
                headers);
    }

    /** A run of UTF-7 ("Fr+APY-sche"): a plus, base64 letters, a closing dash. */
    private static final Pattern UTF7_RUN = Pattern.compile("\\+[A-Za-z0-9+/]{2,}-");

    /**
     * Old Netscape and Outlook versions that write a UTF-7 body also write the subject and names in raw
     * UTF-7 instead of encoded words; with the body declared UTF-7, such runs are decoded.
     */
    private static String utf7Header(String value) {
        if (value.contains("=?") || !UTF7_RUN.matcher(value).find() || !value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        return TextDecoding.decodeUtf7(value.getBytes(StandardCharsets.US_ASCII));
    }

    private static void listTypes(Part part, List<String> types) {
        Deque<Part> todo = new ArrayDeque<>();
        todo.push(part);
        while (!todo.isEmpty()) {
            Part p = todo.pop();
            types.add(p.mimeType);
            for (int i = p.children.size() - 1; i >= 0; i--) {
                todo.push(p.children.get(i));
            }
        }
    }

    private static List<String> addresses(Part root, String name) {
        List<String> result = new ArrayList<>();
        for (Field field : root.fields) {
            if (field.getName().equalsIgnoreCase(name)) {
                Addresses.parse(unfolded(field)).stream()
                        .map(Addresses.Mailbox::address)
                        .filter(a -> !a.isEmpty())
                        .forEach(result::add);
            }
        }
        return result;
    }

    private static Optional<Instant> date(Part root) {
        Optional<String> value = root.field("Date");
        if (value.isEmpty() || value.get().isBlank()) {
            return Optional.empty();
        }
        try {
            DateTimeField parsed = DateTimeFieldLenientImpl.PARSER.parse(
                    new RawField("Date", value.get().strip()), DecodeMonitor.SILENT);
            Date date = parsed.getDate();
            return Optional.ofNullable(date).map(Date::toInstant);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Walks the MIME tree (depth already bounded by the limits) collecting readable text and attachments. */
    private void collect(Part part, List<String> texts, List<Attachment> attachments) {
        if (part.multipart && part.children.isEmpty()) {
            // The declared boundary never occurs: everything landed in the preamble, which is then the text.
            if (part.preamble != null) {
                texts.add(TextDecoding.decodeGuessing(part.preamble).replace("\r\n", "\n").strip());
            }
            return;
        }
        if (part.multipart) {
            if (part.mimeType.equals("multipart/alternative") && !part.children.isEmpty()) {
                Part best = bestAlternative(part.children);
                for (Part alternative : part.children) {
                    // Only one alternative is read, but files hang off any of them (Outlook puts them
                    // next to the HTML).
                    collect(alternative, alternative == best ? texts : new ArrayList<>(), attachments);
                }
            } else {
                for (Part child : part.children) {
                    collect(child, texts, attachments);
                }
            }
            return;
        }
        // A named text part is the body only when it is the first text; after that it is a file (log.txt).
        if (isReadableText(part) && (texts.isEmpty() || filename(part).isEmpty())) {
            texts.add(readableText(part, attachments));
        } else if (part.forwarded != null) {
            attachments.add(new Attachment(filename(part), part.mimeType, part.size));
            readForwarded(part.forwarded).ifPresent(texts::add);
        } else if (part.tnef != null) {
            attachments.addAll(Tnef.unpack(part.tnef)
                    .filter(files -> !files.isEmpty())
                    .orElse(List.of(new Attachment(filename(part), part.mimeType, part.size))));
        } else {
            attachments.add(new Attachment(filename(part), part.mimeType, part.size));
        }
    }

    /**
     * The text of a forwarded mail, under a header block like the one mail clients write, so that agents
     * read what was forwarded while triage reads only what the customer wrote above it. A forward that
     * cannot be read stays what it also is: an attachment.
     */
    private Optional<String> readForwarded(byte[] raw) {
        if (forwardLevel >= MAX_FORWARD_LEVEL) {
            return Optional.empty();
        }
        try {
            ParsedEmail inner = new EmailParser(limits, forwardLevel + 1).parse(raw);
            StringBuilder text = new StringBuilder(FORWARDED_SEPARATOR).append('\n');
            String from = inner.fromName().isBlank() ? inner.fromAddress()
                    : inner.fromName() + (inner.fromAddress().isBlank() ? "" : " <" + inner.fromAddress() + ">");
            text.append("From: ").append(from).append('\n');
            inner.header("Date").ifPresent(d -> text.append("Date: ").append(d).append('\n'));
            text.append("Subject: ").append(inner.subject()).append('\n');
            if (!inner.to().isEmpty()) {
                text.append("To: ").append(String.join(", ", inner.to())).append('\n');
            }
            return Optional.of(text.append('\n').append(inner.body()).toString().strip());
        } catch (UnparseableMailException unreadable) {
            return Optional.empty();
        }
    }

    /** text/plain over HTML, because the plain alternative is what the sender's client wrote for people. */
    private static Part bestAlternative(List<Part> alternatives) {
        for (Part p : alternatives) {
            if (!p.multipart && p.mimeType.equals("text/plain") && isReadableText(p)) {
                return p;
            }
        }
        for (Part p : alternatives) {
            if (containsReadableText(p)) {
                return p;
            }
        }
        return alternatives.get(alternatives.size() - 1);
    }

    private static boolean containsReadableText(Part part) {
        if (!part.multipart) {
            return isReadableText(part);
        }
        for (Part child : part.children) {
            if (containsReadableText(child)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReadableText(Part part) {
        if (part.text == null) {
            return false;
        }
        if (part.text.length > 0 && !looksLikeText(part.text, 0)) {
            // Labelled text but binary inside (a PNG sent as text/plain): a file, not words.
            return false;
        }
        String disposition = dispositionType(part);
        if (disposition.equals("attachment")) {
            return false;
        }
        // A named text part without an explicit "inline" is a file the sender attached (log.txt, invoice.html).
        return disposition.equals("inline") || filename(part).isEmpty();
    }

    private String readableText(Part part, List<Attachment> attachments) {
        Map<String, String> params = parameters(part.field("Content-Type").orElse(""));
        String text = TextDecoding.decode(part.text, params.get("charset"));
        if (part.mimeType.equals("text/html")) {
            return HtmlText.toText(text);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        text = extractUuencoded(text, attachments);
        if ("flowed".equalsIgnoreCase(params.getOrDefault("format", ""))) {
            text = FormatFlowed.unflow(text, "yes".equalsIgnoreCase(params.getOrDefault("delsp", "")));
        }
        return text.strip();
    }

    private static final Pattern UU_BEGIN = Pattern.compile("^begin [0-7]{3,4} (.+)$");

    /** Old Outlook and Pine put files into the text as uuencoded blocks; they are attachments, not words. */
    private static String extractUuencoded(String text, List<Attachment> attachments) {
        if (!text.contains("begin ")) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = UU_BEGIN.matcher(lines[i]);
            int end = begin.matches() ? findUuEnd(lines, i + 1) : -1;
            if (end < 0) {
                out.append(lines[i]).append('\n');
                continue;
            }
            long size = 0;
            for (int j = i + 1; j < end; j++) {
                if (!lines[j].isEmpty()) {
                    size += (lines[j].charAt(0) - 32) & 63;
                }
            }
            attachments.add(new Attachment(begin.group(1).strip(), "application/octet-stream", size));
            i = end;
        }
        return out.toString();
    }

    private static int findUuEnd(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            if (lines[j].equals("end")) {
                return j;
            }
            boolean plausible = lines[j].isEmpty() || lines[j].length() <= 62 && lines[j].chars().allMatch(
                    c -> c >= 32 && c <= 96);
            if (!plausible) {
                return -1;
            }
        }
        return -1;
    }

    private static String dispositionType(Part part) {
        String value = part.field("Content-Disposition").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String filename(Part part) {
        String name = parameters(part.field("Content-Disposition").orElse("")).get("filename");
        if (name == null || name.isBlank()) {
            name = parameters(part.field("Content-Type").orElse("")).get("name");
        }
        return name == null ? "" : EncodedWords.decode(name).strip();
    }

    /**
     * Header parameters with RFC 2231 continuations and charsets ({@code filename*0*=utf-8''M%C3%BC...})
     * joined and decoded. Keys are lower-case.
     */
    static Map<String, String> parameters(String headerValue) {
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(new RawField("X", headerValue));
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        for (NameValuePair pair : body.getParams()) {
            String name = pair.getName().toLowerCase(Locale.ROOT).strip();
            String value = pair.getValue() == null ? "" : pair.getValue();
            boolean extended = name.endsWith("*");
            String base = extended ? name.substring(0, name.length() - 1) : name;
            int star = base.lastIndexOf('*');
            int index = 0;
            if (star > 0 && base.substring(star + 1).chars().allMatch(Character::isDigit) && star + 1 < base.length()) {
                index = Integer.parseInt(base.substring(star + 1));
                base = base.substring(0, star);
            } else if (!extended) {
                plain.putIfAbsent(name, value);
                continue;
            }
            continued.computeIfAbsent(base, k -> new TreeMap<>())
                    .put(index, new String[] {value, extended ? "*" : ""});
        }
        Map<String, String> result = new LinkedHashMap<>(plain);
        continued.forEach((name, pieces) -> result.put(name, joinRfc2231(pieces)));
        return result;
    }

    private static String joinRfc2231(TreeMap<Integer, String[]> pieces) {
        Charset charset = StandardCharsets.UTF_8;
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String[] piece : pieces.values()) {
            String value = piece[0];
            boolean encoded = !piece[1].isEmpty();
            if (encoded && first) {
                int q1 = value.indexOf('\'');
                int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
                if (q2 > 0) {
                    charset = TextDecoding.lookup(value.substring(0, q1)).orElse(StandardCharsets.UTF_8);
                    value = value.substring(q2 + 1);
                }
            }
            if (encoded) {
                try {
                    value = URLDecoder.decode(value.replace("+", "%2B"), charset);
                } catch (IllegalArgumentException badEscape) {
                    // keep the raw text: a readable name beats none
                }
            }
            out.append(value);
            first = false;
        }
        return out.toString();
    }

    // ---- header values -----------------------------------------------------------------------------------

    /** The field body, unfolded, with 8-bit bytes read as UTF-8 when valid else windows-1252. */
    static String unfolded(Field field) {
        ByteSequence raw = field.getRaw();
        String value;
        if (raw != null) {
            byte[] bytes = raw.toByteArray();
            int colon = 0;
            while (colon < bytes.length && bytes[colon] != ':') {
                colon++;
            }
            int from = Math.min(colon + 1, bytes.length);
            value = TextDecoding.decodeGuessing(bytes, from, bytes.length - from);
        } else {
            value = field.getBody() == null ? "" : field.getBody();
        }
        // RFC 5322 unfolding only removes the line break; we also fold the indentation into one space,
        // as mail clients display it ("Die Hasen und\r\n   die" reads "Die Hasen und die").
        return value.replaceAll("\r?\n[ \t]+", " ").replace("\r", "").replace("\n", "").strip();
    }

    private static Optional<String> firstId(String value) {
        List<String> ids = ids(value);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    /** Message ids in angle brackets; mailers that forget the brackets get their bare tokens taken. */
    private static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : value.replaceAll("\\([^()]*\\)", " ").split("[\\s,]+")) {
                String t = token.replace("<", "").replace(">", "").strip();
                if (t.contains("@")) {
                    ids.add(t);
                }
            }
        }
        return List.copyOf(ids);
    }
}
