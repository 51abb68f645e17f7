package io.lotse.intake.email;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lotse.intake.email.CorpusCases.Case;
import io.lotse.intake.email.CorpusCases.Expectation;
import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds every e-mail of the shared corpus (system property {@code corpus.dir}) through the real intake over
 * HTTP, reads back what was stored and compares it with the corpus expectations, per source. The floors are
 * the done criteria; a failing floor names every file that breaks it.
 *
 * <p>Body expectations are compared with the stored {@code body} (the whole readable body), not with
 * {@code text}: every source states what a parser must read from the main text part, quotes and signatures
 * included. {@code text} (the customer's own words) is only checked for mojibake.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class CorpusConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The done criterion for the parse expectations that apply (sender, subject, body, attachments). */
    private static final double PARSE_FLOOR = 0.95;
    /** Parallel ticket reads; more than the two CI cores only queues up behind the server's bcrypt checks. */
    private static final int READ_THREADS = 4;
    /** U+FFFD, or UTF-8 read as Latin-1/Windows-1252: "Ã" followed by what a continuation byte turns into. */
    private static final Pattern MOJIBAKE = Pattern.compile(
            "\uFFFD|Ã[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E"
                    + "\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]");
    private static final List<String> PARSE_KINDS = List.of("sender", "subject", "body", "attachments");
    private static final List<String> COLUMNS = List.of("accepted 2xx", "stored", "sender", "subject", "body",
            "attachments", "machine-sent, no reply", "human, not flagged", "no mojibake");

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        String dir = System.getProperty("corpus.dir");
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "manifest.json")),
                "corpus not found: set -Dcorpus.dir to the shared corpus folder (with manifest.json); skipping");
        corpus = Path.of(dir);
    }

    /** What intake answered for one corpus file. */
    private record Delivery(Case mail, int status, String error, long ticketId, long messageId, boolean duplicate,
            String decision, boolean automated, boolean autoReply) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** checked/passed per source and column, plus the files behind every miss. */
    private static final class Tally {
        final Map<String, Map<String, int[]>> counts = new TreeMap<>();
        final Map<String, List<String>> misses = new LinkedHashMap<>();

        void count(String source, String column, boolean passed, String missLine) {
            int[] c = counts.computeIfAbsent(source, s -> new HashMap<>()).computeIfAbsent(column, k -> new int[2]);
            c[0]++;
            if (passed) {
                c[1]++;
            } else {
                misses.computeIfAbsent(column, k -> new ArrayList<>()).add(missLine);
            }
        }

        int[] total(List<String> columns) {
            int[] t = new int[2];
            counts.values().forEach(m -> columns.forEach(col -> {
                int[] c = m.get(col);
                if (c != null) {
                    t[0] += c[0];
                    t[1] += c[1];
                }
            }));
            return t;
        }

        List<String> missesOf(String column) {
            return misses.getOrDefault(column, List.of());
        }
    }

    @Test
    void everyCorpusMailIsStoredAsTheExpectationsSayAndMachineMailGetsNoReply() throws IOException {
        long started = System.nanoTime();
        Api.resolveAllActiveIncidents();
        // One realistic active incident, so that triage can link mail and "no reply" is a real decision.
        long incident = Api.declareIncident("Webhosting: Websites und Shops nicht erreichbar",
                "Seit 14:50 antworten die Webserver im Cluster web-3 mit Fehler 503; Kundenseiten, Shops und "
                        + "E-Mail-Weboberfläche sind nicht erreichbar. Websites down, site unreachable, 503 errors.",
                "https://status.hoster.example/incidents/web-3");

        List<Case> cases = CorpusCases.load(corpus);
        List<Delivery> deliveries = new ArrayList<>();
        for (Case c : cases) {
            deliveries.add(deliver(c));
        }
        long delivered = System.nanoTime();

        // One GET per ticket, after all deliveries: threads may have grown meanwhile. Api.agent() creates the
        // agent once; the reads reuse its credentials without re-creating the user for every ticket. Every
        // Basic-auth request costs a bcrypt check on the server, so the reads run side by side.
        Api.agent().get("/api/tickets/0");
        Map<Long, JsonNode> tickets = readTickets(deliveries.stream().filter(Delivery::accepted)
                .map(Delivery::ticketId).distinct().toList());
        long readBack = System.nanoTime();

        Tally tally = new Tally();
        Map<Long, String> firstFileOfMessage = new HashMap<>();
        Map<String, Integer> duplicates = new TreeMap<>();
        Map<String, Integer> linked = new TreeMap<>();
        Map<String, Integer> mails = new TreeMap<>();
        for (Delivery d : deliveries) {
            Case c = d.mail();
            mails.merge(c.source(), 1, Integer::sum);
            tally.count(c.source(), "accepted 2xx", d.accepted(), c.path() + ": HTTP " + d.status() + " " + d.error());
            if (!d.accepted()) {
                continue;
            }
            Optional<JsonNode> message = storedMessage(tickets.get(d.ticketId()), d.messageId());
            tally.count(c.source(), "stored", message.isPresent(),
                    c.path() + ": message " + d.messageId() + " not in GET /api/tickets/" + d.ticketId());
            if ("AUTO_LINKED".equals(d.decision())) {
                linked.merge(c.source(), 1, Integer::sum);
            }
            // A redelivered Message-ID stores nothing new: the earlier file's content is what is stored, so this
            // file's parse expectations cannot be checked against it (counted apart as "dup").
            String firstFile = firstFileOfMessage.putIfAbsent(d.messageId(), c.path());
            boolean dupOfOtherFile = d.duplicate() && firstFile != null && !firstFile.equals(c.path());
            if (dupOfOtherFile) {
                duplicates.merge(c.source(), 1, Integer::sum);
            }
            machineSent(tally, d, message);
            if (message.isEmpty()) {
                continue;
            }
            JsonNode m = message.get();
            String mojibake = mojibake(m);
            tally.count(c.source(), "no mojibake", mojibake.isEmpty(), c.path() + ": " + mojibake);
            if (!dupOfOtherFile) {
                for (Expectation e : c.expectations()) {
                    compare(tally, c, e, m);
                }
            }
        }

        String report = report(tally, mails, duplicates, linked, incident, cases.size());
        System.out.println(report);
        Path out = Path.of("target", "conformance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.printf("corpus conformance: %d mails delivered in %d ms, %d tickets read back in %d ms, report in %s%n",
                deliveries.size(), (delivered - started) / 1_000_000, tickets.size(), (readBack - delivered) / 1_000_000,
                out.toAbsolutePath());

        int[] parse = tally.total(PARSE_KINDS);
        assertAll(
                () -> assertTrue(tally.missesOf("accepted 2xx").isEmpty(),
                        "corpus mails not accepted with 2xx:\n  " + String.join("\n  ", tally.missesOf("accepted 2xx"))),
                () -> assertTrue(tally.missesOf("stored").isEmpty(),
                        "corpus mails accepted but not stored:\n  " + String.join("\n  ", tally.missesOf("stored"))),
                () -> assertTrue(parse[1] >= PARSE_FLOOR * parse[0],
                        "parse expectations hold for " + parse[1] + "/" + parse[0] + ", under " + PARSE_FLOOR
                                + "; misses:\n  " + String.join("\n  ", parseMisses(tally))),
                () -> assertTrue(tally.missesOf("machine-sent, no reply").isEmpty(),
                        "machine-sent mail not recognised or answered:\n  "
                                + String.join("\n  ", tally.missesOf("machine-sent, no reply"))),
                () -> assertTrue(tally.missesOf("human, not flagged").isEmpty(),
                        "human mail flagged as machine-sent:\n  " + String.join("\n  ", tally.missesOf("human, not flagged"))),
                () -> assertTrue(tally.missesOf("no mojibake").isEmpty(),
                        "stored subject/body/text with mojibake:\n  " + String.join("\n  ", tally.missesOf("no mojibake"))));
    }

    private static Delivery deliver(Case c) throws IOException {
        Response r = Api.intake().contentType("message/rfc822").body(Files.readAllBytes(c.file()))
                .post("/api/intake/email");
        int status = r.statusCode();
        if (status < 200 || status >= 300) {
            return new Delivery(c, status, abbreviate(r.asString().replaceAll("\\s+", " "), 200), 0, 0, false, "", false,
                    false);
        }
        JsonNode body = JSON.readTree(r.asByteArray());
        JsonNode triage = body.path("triage");
        return new Delivery(c, status, "", body.path("ticketId").asLong(), body.path("messageId").asLong(),
                body.path("duplicate").asBoolean(), triage.path("decision").asText(), triage.path("automated").asBoolean(),
                triage.path("autoReply").asBoolean());
    }

    private static Map<Long, JsonNode> readTickets(List<Long> ids) {
        Map<Long, JsonNode> tickets = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(READ_THREADS);
        try {
            List<Future<?>> reads = new ArrayList<>();
            for (long id : ids) {
                reads.add(pool.submit(() -> {
                    Response r = given().auth().preemptive().basic(Api.AGENT, Api.USER_PASSWORD).get("/api/tickets/" + id);
                    if (r.statusCode() == 200) {
                        tickets.put(id, JSON.readTree(r.asByteArray()));
                    }
                    return null;
                }));
            }
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading tickets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading a ticket failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return tickets;
    }

    private static Optional<JsonNode> storedMessage(JsonNode ticket, long messageId) {
        if (ticket == null) {
            return Optional.empty();
        }
        for (JsonNode m : ticket.path("messages")) {
            if (m.path("id").asLong() == messageId) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Machine-sent: recognised in the answer and on the stored message, and no automatic reply. */
    private static void machineSent(Tally tally, Delivery d, Optional<JsonNode> message) {
        Case c = d.mail();
        if (c.machineSent().isEmpty()) {
            return;
        }
        boolean storedFlag = message.map(m -> m.path("automated").asBoolean()).orElse(d.automated());
        String seen = " [triage.automated=" + d.automated() + ", messages[].automated=" + storedFlag + ", autoReply="
                + d.autoReply() + ", decision=" + d.decision() + ", from=" + message.map(m -> m.path("from").asText()).orElse("?")
                + ", subject=" + message.map(m -> abbreviate(m.path("subject").asText(), 60)).orElse("?") + "]";
        if (c.machineSent().get()) {
            tally.count(c.source(), "machine-sent, no reply", d.automated() && storedFlag && !d.autoReply(),
                    c.path() + seen + (c.labelNote().isEmpty() ? "" : " (" + c.labelNote() + ")"));
        } else {
            tally.count(c.source(), "human, not flagged", !d.automated() && !storedFlag,
                    c.path() + seen + (c.labelNote().isEmpty() ? "" : " (" + c.labelNote() + ")"));
        }
    }

    private static void compare(Tally tally, Case c, Expectation e, JsonNode m) {
        String miss = c.path() + " " + e.kind() + ": expected [" + abbreviate(CorpusCases.fold(e.expected()), 90) + "] got [";
        switch (e.kind()) {
            case "sender" -> {
                String got = m.path("from").asText("");
                tally.count(c.source(), "sender", got.equalsIgnoreCase(e.expected().strip()), miss + got + "]");
            }
            case "subject" -> {
                String got = CorpusCases.fold(m.path("subject").asText(""));
                tally.count(c.source(), "subject", got.equals(CorpusCases.fold(e.expected())),
                        miss + abbreviate(got, 90) + "]");
            }
            case "body" -> {
                String got = CorpusCases.fold(m.path("body").asText(""));
                String expected = CorpusCases.fold(e.expected());
                boolean ok = switch (e.match()) {
                    case EQUALS -> got.equals(expected);
                    case CONTAINS -> got.contains(expected);
                    case HTML_TEXT -> CorpusCases.fold(m.path("body").asText("").replaceAll("(?m)^- ", "")).equals(expected);
                    case OPENING -> {
                        int n = Math.min(60, Math.min(got.length(), expected.length()));
                        yield n > 0 && got.substring(0, n).equals(expected.substring(0, n));
                    }
                    case COUNT, NAMES -> throw new IllegalStateException("not a body comparison: " + e.match());
                };
                tally.count(c.source(), "body", ok, miss + abbreviate(got, 90) + "] (" + e.match() + ")");
            }
            case "attachments" -> {
                List<String> names = new ArrayList<>();
                m.path("attachments").forEach(a -> names.add(a.path("filename").asText("")));
                String got = e.match() == CorpusCases.Match.COUNT ? String.valueOf(names.size()) : CorpusCases.names(names);
                tally.count(c.source(), "attachments", got.equals(e.expected()), c.path() + " attachments (" + e.match()
                        + "): expected [" + e.expected().replace('\n', '|') + "] got [" + got.replace('\n', '|') + "]");
            }
            default -> throw new IllegalStateException("unknown expectation kind " + e.kind());
        }
    }

    private static String mojibake(JsonNode m) {
        List<String> found = new ArrayList<>();
        for (String field : List.of("subject", "body", "text")) {
            var matcher = MOJIBAKE.matcher(m.path(field).asText(""));
            if (matcher.find()) {
                String s = m.path(field).asText("");
                int from = Math.max(0, matcher.start() - 25);
                found.add(field + " near [" + s.substring(from, Math.min(s.length(), matcher.end() + 25)).replaceAll("\\s+", " ")
                        + "]");
            }
        }
        return String.join("; ", found);
    }

    private static List<String> parseMisses(Tally tally) {
        List<String> all = new ArrayList<>();
        for (String col : PARSE_KINDS) {
            all.addAll(tally.missesOf(col));
        }
        return all;
    }

    private static String report(Tally tally, Map<String, Integer> mails, Map<String, Integer> duplicates,
            Map<String, Integer> linked, long incident, int total) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Corpus conformance (e-mail intake over HTTP)\n\n");
        md.append("Cells are passed/checked; \"-\" = no expectation of that kind. Body expectations are compared with "
                + "the stored `body` after whitespace folding. \"dup\" = redelivered Message-ID of another file: nothing "
                + "new stored, its parse expectations are not checked. \"linked\" = AUTO_LINKED to the test incident "
                + incident + ". Attachments are compared with `messages[].attachments[].filename`: the count for "
                + "zbateson, the named files (any order) for zammad and mime4j.\n\n");
        md.append("| source | mails | dup | linked | ").append(String.join(" | ", COLUMNS)).append(" |\n");
        md.append("|---|---:|---:|---:|").append("---:|".repeat(COLUMNS.size())).append("\n");
        for (String source : mails.keySet()) {
            md.append("| ").append(source).append(" | ").append(mails.get(source)).append(" | ")
                    .append(duplicates.getOrDefault(source, 0)).append(" | ").append(linked.getOrDefault(source, 0));
            for (String col : COLUMNS) {
                int[] c = tally.counts.getOrDefault(source, Map.of()).get(col);
                md.append(" | ").append(c == null ? "-" : c[1] + "/" + c[0]);
            }
            md.append(" |\n");
        }
        md.append("| **all** | ").append(total).append(" | ").append(duplicates.values().stream().mapToInt(i -> i).sum())
                .append(" | ").append(linked.values().stream().mapToInt(i -> i).sum());
        for (String col : COLUMNS) {
            int[] t = tally.total(List.of(col));
            md.append(" | ").append(t[1] + "/" + t[0]);
        }
        md.append(" |\n\n");
        int[] parse = tally.total(PARSE_KINDS);
        md.append(String.format(Locale.ROOT, "Parse expectations (sender, subject, body, attachments): %d/%d = %.1f %% (floor %.0f %%).%n%n",
                parse[1], parse[0], parse[0] == 0 ? 100.0 : 100.0 * parse[1] / parse[0], PARSE_FLOOR * 100));
        List<String> skipped = CorpusCases.notEmails(corpus);
        md.append("Not replayed (manifest kind is not a single e-mail): ").append(skipped.size()).append("\n");
        skipped.forEach(s -> md.append("- ").append(s).append("\n"));
        md.append("\nLabel overrides (machine-sent expectation differs from the corpus label):\n");
        new TreeMap<>(CorpusCases.LABEL_OVERRIDES).forEach((path, o) -> md.append("- ").append(path).append(": expected ")
                .append(o.machineSent() ? "machine-sent" : "human").append(", ").append(o.why()).append("\n"));
        for (Map.Entry<String, List<String>> entry : tally.misses.entrySet()) {
            md.append("\n## ").append(entry.getKey()).append(": ").append(entry.getValue().size())
                    .append(" misses\n\n");
            md.append(entry.getValue().stream().map(line -> "- " + line.replace("|", "\\|")).collect(Collectors.joining("\n")))
                    .append("\n");
        }
        return md.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
