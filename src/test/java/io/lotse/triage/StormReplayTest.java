package io.lotse.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays a labelled storm afternoon (src/test/resources/replay) through the v1 contract, in arrival
 * order, with the incidents declared when ops declared them. Every call must succeed; no message may
 * be answered automatically unless it is about the incident it was linked to; and most outage messages
 * must at least be suggested. Prints the confusion figures.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class StormReplayTest {

    record Outcome(String expected, String decision, String incidentKey, boolean autoReply, String text) {
    }

    @Test
    void stormAfternoonReplaysWithoutErrorsAndWithoutWrongAutoReplies() throws Exception {
        Api.resolveAllActiveIncidents();
        JsonNode replay;
        try (InputStream in = getClass().getResourceAsStream("/replay/storm-afternoon.json")) {
            replay = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> declarations = new HashMap<>();
        replay.get("incidents").forEach(i -> declarations.put(i.get("key").asText(), i));
        Map<String, Long> incidentIds = new HashMap<>();
        Map<Long, String> keysById = new HashMap<>();
        String run = Long.toString(System.nanoTime(), 36);
        List<Outcome> outcomes = new ArrayList<>();
        int n = 0;

        for (JsonNode m : replay.get("messages")) {
            if (m.has("declare")) {
                JsonNode d = declarations.get(m.get("declare").asText());
                long id = Api.ops().contentType(ContentType.JSON).body(d.toString()).post("/api/incidents")
                        .then().statusCode(201).extract().<Integer>path("id").longValue();
                incidentIds.put(d.get("key").asText(), id);
                keysById.put(id, d.get("key").asText());
                continue;
            }
            n++;
            Response r = post(m, run, n);
            assertThat(r.statusCode()).as("HTTP status for message %d: %s", n, r.asString()).isEqualTo(202);
            Integer incident = r.path("triage.incidentId");
            outcomes.add(new Outcome(m.get("expect").isNull() ? null : m.get("expect").asText(), r.path("triage.decision"),
                    incident == null ? null : keysById.get(incident.longValue()), r.path("triage.autoReply"),
                    m.get("text").asText()));
        }
        Api.resolveAllActiveIncidents();

        report(outcomes);
        List<Outcome> wrongAuto = outcomes.stream()
                .filter(o -> "AUTO_LINKED".equals(o.decision()) && (o.expected() == null || !o.expected().equals(o.incidentKey())))
                .toList();
        assertThat(wrongAuto).as("automatic links to the wrong incident or for unrelated messages").isEmpty();
        long about = outcomes.stream().filter(o -> o.expected() != null).count();
        long found = outcomes.stream().filter(o -> o.expected() != null && o.expected().equals(o.incidentKey())
                && !"UNRELATED".equals(o.decision())).count();
        long auto = outcomes.stream().filter(o -> o.expected() != null && "AUTO_LINKED".equals(o.decision())).count();
        assertThat((double) found / about).as("recall including suggestions").isGreaterThanOrEqualTo(0.90);
        assertThat((double) auto / about).as("automatic recall").isGreaterThanOrEqualTo(0.70);
    }

    private static Response post(JsonNode m, String run, int n) {
        String channel = m.get("channel").asText();
        String name = m.path("name").asText("");
        String email = m.has("from") ? m.get("from").asText().replace("@", "+" + run + "@") : null;
        String text = m.get("text").asText();
        return switch (channel) {
            case "email" -> {
                List<String> headers = new ArrayList<>();
                m.path("headers").forEach(h -> headers.add(h.asText()));
                String raw = Api.mail("\"" + name + "\" <" + email + ">", m.path("subject").asText(""), text,
                        run + "." + n + "@replay.example", headers.toArray(String[]::new));
                yield Api.intake().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8))
                        .post("/api/intake/email");
            }
            case "chat" -> {
                Map<String, Object> customer = new LinkedHashMap<>();
                customer.put("name", name);
                customer.put("email", email);
                yield Api.intake().contentType(ContentType.JSON)
                        .body(Map.of("conversationId", "replay-" + run + "-" + n, "messageId", "m" + n, "customer", customer,
                                "text", text))
                        .post("/api/intake/chat");
            }
            case "phone" -> {
                Map<String, Object> caller = new LinkedHashMap<>();
                caller.put("name", name);
                caller.put("phone", m.path("phone").asText() + n);
                if (m.has("customerNumber")) {
                    caller.put("customerNumber", m.get("customerNumber").asText() + "-" + run);
                }
                yield Api.intake().contentType(ContentType.JSON)
                        .body(Map.of("caller", caller, "note", text, "takenBy", "replay"))
                        .post("/api/intake/phone");
            }
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
    }

    private static void report(List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder("\nStorm replay: ").append(outcomes.size()).append(" messages\n");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            String truth = o.expected() == null ? "unrelated" : "about " + o.expected();
            String got = o.decision() + (o.incidentKey() == null ? "" : " " + o.incidentKey());
            counts.merge(String.format("%-14s -> %s", truth, got), 1, Integer::sum);
            boolean wrong = (o.expected() == null) != (!"AUTO_LINKED".equals(o.decision()) && !"SUGGESTED".equals(o.decision()))
                    || (o.expected() != null && !o.expected().equals(o.incidentKey()));
            if (wrong) {
                sb.append("  miss: expected ").append(o.expected()).append(", got ").append(got).append(": ")
                        .append(o.text().replace('\n', ' '), 0, Math.min(80, o.text().length())).append('\n');
            }
        }
        counts.forEach((k, v) -> sb.append(String.format("  %-40s %3d%n", k, v)));
        System.out.println(sb);
    }
}
