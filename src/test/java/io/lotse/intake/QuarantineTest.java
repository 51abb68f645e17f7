package io.lotse.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.intake.email.EmailAdapter;
import io.lotse.intake.email.QuarantinedMail;
import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Mail that cannot be read is kept raw, shown to agents, listed for admins, and can be retried. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class QuarantineTest {

    @Test
    void unreadableMailIsQuarantinedShownAsTicketAndNeverLost() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = 0;

        int ticket = Api.intake().contentType("message/rfc822").body(garbage).post("/api/intake/email")
                .then().statusCode(202)
                .body("triage.decision", equalTo("UNRELATED"))
                .body("triage.autoReply", equalTo(false))
                .extract().path("ticketId");
        Api.agent().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("messages[0].body", containsString("quarantine"));

        List<Map<String, Object>> held = Api.admin().get("/api/quarantine?status=HELD").then().statusCode(200)
                .extract().path("findAll { it.ticketId == " + ticket + " }");
        assertThat(held).hasSize(1);
        int id = (Integer) held.get(0).get("id");
        assertThat(held.get(0).get("sizeBytes")).isEqualTo(4096);

        byte[] kept = Api.admin().get("/api/quarantine/" + id + "/raw").then().statusCode(200).extract().asByteArray();
        assertThat(kept).isEqualTo(garbage);

        Api.admin().post("/api/quarantine/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json");
        Api.admin().get("/api/quarantine").then()
                .body("find { it.id == " + id + " }.attempts", equalTo(1))
                .body("find { it.id == " + id + " }.lastError", org.hamcrest.Matchers.notNullValue());

        // The same bytes again: recognised, nothing stored twice.
        Api.intake().contentType("message/rfc822").body(garbage).post("/api/intake/email")
                .then().statusCode(202).body("duplicate", equalTo(true)).body("ticketId", equalTo(ticket));
        List<Object> again = Api.admin().get("/api/quarantine").then().extract().path("findAll { it.ticketId == " + ticket + " }");
        assertThat(again).hasSize(1);

        Api.agent().get("/api/quarantine").then().statusCode(403);
        Api.admin().post("/api/quarantine/999999/retry").then().statusCode(404);
    }

    @Inject
    EmailAdapter adapter;

    @Inject
    IntakeService intake;

    @Test
    void mailThatCanBeReadAfterAFixBecomesItsTicketAndThePlaceholderIsSolved() {
        // Held while an earlier version could not read it (as after a parser bug); readable now.
        String subject = "Rechnung " + java.util.UUID.randomUUID();
        byte[] raw = Api.mail(Api.uniqueAddress("held"), subject, "Bitte senden Sie mir die Rechnung erneut.",
                Api.uniqueMessageId()).getBytes(StandardCharsets.UTF_8);
        long placeholder = intake.receive(adapter.placeholder(raw, "parser bug in an earlier version")).ticketId();
        long id = QuarkusTransaction.requiringNew().call(() -> {
            QuarantinedMail q = new QuarantinedMail();
            q.source = "http";
            q.reason = "parser bug in an earlier version";
            q.sizeBytes = raw.length;
            q.contentBase64 = Base64.getEncoder().encodeToString(raw);
            q.status = QuarantinedMail.HELD;
            q.ticketId = placeholder;
            q.receivedAt = Instant.now();
            q.updatedAt = q.receivedAt;
            q.persist();
            return q.id;
        });

        int released = Api.admin().post("/api/quarantine/" + id + "/retry").then().statusCode(200)
                .body("status", equalTo("RELEASED"))
                .body("attempts", equalTo(1))
                .extract().path("releasedTo");
        Api.agent().get("/api/tickets/" + released).then().statusCode(200)
                .body("subject", equalTo(subject))
                .body("messages[0].text", equalTo("Bitte senden Sie mir die Rechnung erneut."));
        Api.agent().get("/api/tickets/" + placeholder).then().body("status", equalTo("SOLVED"));
        Api.admin().post("/api/quarantine/" + id + "/retry").then().statusCode(409)
                .body("detail", containsString("already re-processed into ticket " + released));
        // The raw bytes stay available after the release: nothing a customer sent disappears.
        assertThat(Api.admin().get("/api/quarantine/" + id + "/raw").then().statusCode(200).extract().asByteArray())
                .isEqualTo(raw);
    }
}
