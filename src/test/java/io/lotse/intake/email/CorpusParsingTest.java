package io.lotse.intake.email;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replays the third-party corpus (../shared/corpus, system property {@code corpus.dir}) through the parser
 * and the machine-sent chain. Every mail must parse; field-level agreement with the other parsers'
 * expectations is printed as pass rates, and only machine-sent recognition is guarded, with floors just
 * under what we measured.
 */
class CorpusParsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where we disagree with a corpus label on purpose, and why. */
    private static final Map<String, String> LABEL_DISAGREEMENTS = Map.of(
            "zbateson-mail-mime-parser/tests/_data/emails/m0024.txt",
            "labelled human, but delivered through an ezmlm list (Mailing-List header): list mail gets no auto-reply");
    private static Path corpus;
    private static JsonNode manifest;

    private final EmailParser parser = new EmailParser(MailLimits.defaults());
    private final MachineSentMail machineSent = new MachineSentMail();

    @BeforeAll
    static void findCorpus() throws IOException {
        String dir = System.getProperty("corpus.dir");
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "manifest.json")),
                "corpus not found: set -Dcorpus.dir to the shared corpus folder (with manifest.json); skipping");
        corpus = Path.of(dir);
        manifest = JSON.readTree(corpus.resolve("manifest.json").toFile());
    }

    @Test
    void everyCorpusMailParsesAndMachineSentMailIsRecognised() throws IOException {
        Map<String, int[]> parsed = new TreeMap<>(); // source -> {parsed, total}
        Map<String, int[]> machine = new TreeMap<>(); // source -> {machine expected & found, expected, human & not flagged, human}
        List<String> failures = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (JsonNode item : manifest.get("items")) {
            if (!item.path("kind").asText().equals("email")) {
                continue;
            }
            String source = item.path("source").asText();
            Path file = corpus.resolve(item.path("path").asText());
            int[] count = parsed.computeIfAbsent(source, s -> new int[2]);
            count[1]++;
            ParsedEmail mail;
            try {
                mail = parser.parse(Files.readAllBytes(file));
                count[0]++;
            } catch (UnparseableMailException | RuntimeException e) {
                failures.add(item.path("path").asText() + ": " + e);
                continue;
            }
            JsonNode expected = item.get("auto_generated_expected");
            String disagreement = LABEL_DISAGREEMENTS.get(item.path("path").asText());
            if (disagreement != null) {
                System.out.println("  label overridden: " + item.path("path").asText() + ": " + disagreement);
            } else if (expected != null && expected.isBoolean()) {
                int[] m = machine.computeIfAbsent(source, s -> new int[4]);
                boolean flagged = machineSent.judge(mail).machineSent();
                if (expected.asBoolean()) {
                    m[1]++;
                    m[0] += flagged ? 1 : 0;
                    if (!flagged) {
                        missed.add(item.path("path").asText() + " [" + mail.fromAddress() + " | " + mail.subject() + "]");
                    }
                } else {
                    m[3]++;
                    m[2] += flagged ? 0 : 1;
                    if (flagged) {
                        missed.add("FALSE POSITIVE " + item.path("path").asText() + " " + machineSent.judge(mail));
                    }
                }
            }
        }
        System.out.println("== corpus parsing (parsed/total per source)");
        parsed.forEach((source, c) -> System.out.printf("  %-30s %4d/%4d%n", source, c[0], c[1]));
        System.out.println("== machine-sent recognition (machine flagged/expected, human unflagged/expected)");
        machine.forEach((source, m) -> System.out.printf("  %-30s %4d/%4d   %4d/%4d%n", source, m[0], m[1], m[2], m[3]));
        missed.stream().limit(40).forEach(line -> System.out.println("  missed: " + line));
        failures.forEach(line -> System.out.println("  FAILED: " + line));

        assertTrue(failures.isEmpty(), "corpus mails that did not parse: " + failures);
        int machineFound = machine.values().stream().mapToInt(m -> m[0]).sum();
        int machineExpected = machine.values().stream().mapToInt(m -> m[1]).sum();
        int humanKept = machine.values().stream().mapToInt(m -> m[2]).sum();
        int humanExpected = machine.values().stream().mapToInt(m -> m[3]).sum();
        assertTrue(machineFound >= 0.99 * machineExpected,
                "machine-sent recall fell: " + machineFound + "/" + machineExpected);
        assertTrue(humanKept == humanExpected, "human mail flagged as machine-sent: " + (humanExpected - humanKept));
    }

    @Test
    void zbatesonExpectationsPassRates() throws IOException {
        Path base = corpus.resolve("zbateson-mail-mime-parser");
        JsonNode cases = JSON.readTree(base.resolve("expectations.json").toFile()).get("cases");
        Map<String, int[]> rates = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) cases::fields) {
            if (entry.getValue().path("missing_in_snapshot").asBoolean()) {
                continue;
            }
            Path file = base.resolve(entry.getValue().get("file").asText());
            ParsedEmail mail;
            try {
                mail = parser.parse(Files.readAllBytes(file));
            } catch (UnparseableMailException e) {
                continue; // counted by the test above
            }
            JsonNode expect = entry.getValue().get("expect");
            String id = entry.getKey();
            if (expect.has("From")) {
                check(rates, misses, id, "from.email", expect.get("From").path("email").asText().toLowerCase(Locale.ROOT),
                        mail.fromAddress());
                check(rates, misses, id, "from.name", expect.get("From").path("name").asText(), mail.fromName());
            }
            if (expect.has("To")) {
                check(rates, misses, id, "to.email", expect.get("To").path("email").asText().toLowerCase(Locale.ROOT),
                        mail.to().isEmpty() ? "" : mail.to().get(0));
            }
            if (expect.has("Subject")) {
                check(rates, misses, id, "subject", expect.get("Subject").asText(), mail.subject());
            }
            if (expect.has("Message-ID")) {
                check(rates, misses, id, "message-id", expect.get("Message-ID").asText(), mail.messageId().orElse(""));
            }
            if (expect.has("Date")) {
                Instant when = ZonedDateTime.parse(expect.get("Date").path("$DateTime").asText(),
                        DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)).toInstant();
                check(rates, misses, id, "date", when.toString(), mail.date().map(Instant::toString).orElse(""));
            }
            if (expect.has("text")) {
                String text = Files.readString(base.resolve("tests/_data/emails/files").resolve(expect.get("text").asText()),
                        StandardCharsets.ISO_8859_1);
                check(rates, misses, id, "text", collapse(text), collapse(mail.body()));
            } else if (expect.has("html")) {
                String html = Files.readString(base.resolve("tests/_data/emails/files").resolve(expect.get("html").asText()),
                        StandardCharsets.ISO_8859_1);
                check(rates, misses, id, "html-as-text", collapse(org.jsoup.Jsoup.parse(html).text()),
                        collapse(mail.body().replaceAll("(?m)^- ", "")));
            }
            if (expect.has("attachments")) {
                check(rates, misses, id, "attachments", expect.get("attachments").asText(),
                        String.valueOf(mail.attachments().size()));
            }
        }
        System.out.println("== zbateson-mail-mime-parser field agreement (pass/checked)");
        rates.forEach((field, r) -> System.out.printf("  %-14s %3d/%3d%n", field, r[0], r[1]));
        misses.stream().limit(40).forEach(line -> System.out.println("  differs: " + line));
        int from = rates.getOrDefault("from.email", new int[2])[0];
        int subject = rates.getOrDefault("subject", new int[2])[0];
        assertTrue(from >= 68 && subject >= 68, "sender/subject agreement fell: " + from + ", " + subject);
    }

    @Test
    void zammadExpectationsPassRates() throws IOException {
        Path base = corpus.resolve("zammad");
        JsonNode cases = JSON.readTree(base.resolve("expectations.json").toFile()).get("cases");
        Map<String, int[]> rates = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) cases::fields) {
            ParsedEmail mail;
            try {
                mail = parser.parse(Files.readAllBytes(base.resolve(entry.getKey())));
            } catch (UnparseableMailException e) {
                continue; // counted by the first test
            }
            JsonNode expect = entry.getValue();
            String id = entry.getKey().replaceAll(".*/", "");
            check(rates, misses, id, "from.email", expect.path("from_email").asText().toLowerCase(Locale.ROOT),
                    mail.fromAddress());
            check(rates, misses, id, "from.name", expect.path("from_display_name").asText(), mail.fromName());
            check(rates, misses, id, "subject", expect.path("subject").asText().strip(), mail.subject());
            // Zammad keeps HTML and we make text, so compare the opening words only.
            String ours = collapse(mail.body());
            String theirs = collapse(expect.path("body_text_normalized").asText());
            String opening = ours.substring(0, Math.min(60, ours.length()));
            check(rates, misses, id, "body-opening", "true", String.valueOf(theirs.startsWith(opening)));
            System.out.println("  " + id + " language=" + io.lotse.intake.LanguageGuess.guess(mail.body())
                    + " newWords=[" + abbreviate(collapse(io.lotse.intake.CustomerWords.newWords(mail.body()))) + "]");
        }
        System.out.println("== zammad field agreement (pass/checked)");
        rates.forEach((field, r) -> System.out.printf("  %-14s %3d/%3d%n", field, r[0], r[1]));
        misses.forEach(line -> System.out.println("  differs: " + line));
    }

    private static void check(Map<String, int[]> rates, List<String> misses, String id, String field, String expected,
            String actual) {
        int[] r = rates.computeIfAbsent(field, f -> new int[2]);
        r[1]++;
        if (expected.equals(actual)) {
            r[0]++;
        } else {
            misses.add(id + " " + field + ": expected [" + abbreviate(expected) + "] got [" + abbreviate(actual) + "]");
        }
    }

    private static String collapse(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }
}
