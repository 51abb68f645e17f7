package io.lotse.triage.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One labelled scenario of the triage corpus (src/test/resources/triage-corpus): incidents with the
 * times ops declared, updated and resolved them, and the customer messages in arrival order, each
 * labelled with the incident it is about (or none). Times are offsets from the scenario's start.
 */
record Scenario(String name, String description, Optional<OffsetDateTime> start, List<Incident> incidents,
        List<Msg> messages) {

    record Update(Duration at, String status, String message) {
    }

    record Incident(String key, String title, String description, List<String> components, String statusPageUrl,
            Duration declaredAt, Duration startedAt, List<Update> updates) {

        Optional<Duration> resolvedAt() {
            return updates.stream().filter(u -> u.status().equals("RESOLVED")).map(Update::at).findFirst();
        }

        boolean activeAt(Duration t) {
            return declaredAt.compareTo(t) <= 0 && resolvedAt().map(r -> t.compareTo(r) < 0).orElse(true);
        }
    }

    record Msg(int index, Duration at, String channel, String name, String from, String phone, String customerNumber,
            String subject, String text, Optional<String> expect, List<String> tags) {
    }

    /** The tuning corpus. */
    static List<Scenario> loadAll() {
        return loadAll("/triage-corpus");
    }

    /** Every scenario in a classpath directory; none when it does not exist. */
    static List<Scenario> loadAll(String directory) {
        java.net.URL url = Scenario.class.getResource(directory);
        if (url == null) {
            return List.of();
        }
        try {
            Path dir = Path.of(url.toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".json")).sorted().map(Scenario::load).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scenario load(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Incident> incidents = new ArrayList<>();
            for (JsonNode i : root.get("incidents")) {
                List<Update> updates = new ArrayList<>();
                i.path("updates").forEach(u -> updates.add(new Update(offset(u.get("at").asText()), u.get("status").asText(),
                        u.get("message").asText())));
                List<String> components = new ArrayList<>();
                i.path("components").forEach(c -> components.add(c.asText()));
                Duration declared = offset(i.get("declaredAt").asText());
                // When the outage began, as ops would enter it: given, or half an hour before the declaration.
                Duration started = i.has("startedAt") ? offset(i.get("startedAt").asText())
                        : max(Duration.ZERO, declared.minusMinutes(30));
                incidents.add(new Incident(i.get("key").asText(), i.get("title").asText(), i.path("description").asText(""),
                        components, i.path("statusPageUrl").asText(null), declared, started, updates));
            }
            List<Msg> messages = new ArrayList<>();
            int n = 0;
            for (JsonNode m : root.get("messages")) {
                List<String> tags = new ArrayList<>();
                m.path("tags").forEach(t -> tags.add(t.asText()));
                messages.add(new Msg(n++, offset(m.get("at").asText()), m.get("channel").asText(), m.path("name").asText(""),
                        m.path("from").asText(null), m.path("phone").asText(null), m.path("customerNumber").asText(null),
                        m.path("subject").asText(""), m.get("text").asText(),
                        m.get("expect").isNull() ? Optional.empty() : Optional.of(m.get("expect").asText()), tags));
            }
            Optional<OffsetDateTime> start = root.hasNonNull("start")
                    ? Optional.of(OffsetDateTime.parse(root.get("start").asText())) : Optional.empty();
            return new Scenario(root.get("scenario").asText(), root.path("description").asText(""), start, incidents,
                    messages);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    /** "+HH:MM", or "-HH:MM" for a failure that began before the scenario's time zero. */
    static Duration offset(String s) {
        boolean before = s.startsWith("-");
        String v = s.startsWith("+") || before ? s.substring(1) : s;
        String[] parts = v.split(":");
        Duration d = Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]));
        return before ? d.negated() : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
