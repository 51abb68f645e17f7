package io.lotse.incident;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.lotse.support.Mailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Incidents, tickets, links, replies and the queue over HTTP, with roles and errors. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class IncidentAndTicketApiTest {

    @BeforeEach
    void quiet() {
        Api.resolveAllActiveIncidents();
    }

    @Test
    void declaringNeedsOpsAndValidInput() {
        Map<String, Object> body = Map.of("title", "Mailserver langsam", "statusPageUrl", "https://status.example/9");
        given().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("admin", "wrong").contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(401);
        Api.agent().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(403).contentType("application/problem+json");
        Api.ops().contentType(ContentType.JSON).body(Map.of("description", "no title")).post("/api/incidents")
                .then().statusCode(400).body("detail", containsString("title"));
        Api.ops().contentType(ContentType.JSON).body(Map.of("title", "x", "statusPageUrl", "ftp://nope")).post("/api/incidents")
                .then().statusCode(422);
        Api.ops().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201)
                .header("Location", containsString("/api/incidents/"))
                .body("status", equalTo("INVESTIGATING"))
                .body("startedAt", notNullValue())
                .body("id", notNullValue());
    }

    @Test
    void unknownIdsAre404AndUnknownIncidentInLinkIs422() {
        Api.agent().get("/api/tickets/999999").then().statusCode(404).contentType("application/problem+json")
                .body("title", notNullValue()).body("detail", containsString("999999"));
        Api.agent().get("/api/incidents/999999").then().statusCode(404);
        int ticket = postEmail(mail(Api.uniqueAddress("link"), "Vertrag", "Ich möchte meinen Vertrag ändern.",
                Api.uniqueMessageId())).statusCode(202).extract().path("ticketId");
        Api.agent().contentType(ContentType.JSON).body(Map.of("incidentId", 999999)).put("/api/tickets/" + ticket + "/incident")
                .then().statusCode(422).contentType("application/problem+json");
        Api.agent().contentType(ContentType.JSON).body(Map.of("incidentId", 1)).put("/api/tickets/999999/incident")
                .then().statusCode(404);
        Api.agent().get("/api/tickets?status=BOGUS").then().statusCode(400);
    }

    @Test
    void theClassifierLearnsFromAnUnlinkAndAsksBeforeAnsweringTheSameMistakeAgain() {
        Api.resolveAllActiveIncidents();
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar",
                "Seit 14:44 ist das Rechenzentrum ohne Strom.", "https://status.example/learn");
        // A club's website that a form letter of its umbrella association sends people to ask about.
        String text = "Die Webseite vom Kleingartenverein Sonnenhang ist nicht erreichbar.";
        int first = postEmail(mail(Api.uniqueAddress("verein"), "Webseite Kleingartenverein", text,
                Api.uniqueMessageId())).log().ifValidationFails().statusCode(202).body("triage.decision", equalTo("AUTO_LINKED"))
                .extract().path("ticketId");
        // The agent knows: that site is not hosted here.
        Api.agent().delete("/api/tickets/" + first + "/incident").then().statusCode(200);

        int second = postEmail(mail(Api.uniqueAddress("verein"), "Webseite Kleingartenverein", text, Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("SUGGESTED"))
                .body("triage.incidentId", equalTo((int) incident))
                .body("triage.autoReply", equalTo(false))
                .body("triage.reasons", hasItem(containsString("resembles ticket " + first + ", which a person unlinked")))
                .extract().path("ticketId");
        // Everybody else in the storm is still answered.
        int storm = postEmail(mail(Api.uniqueAddress("storm"), "Webseite down", "Unsere Webseite ist seit ein paar Minuten nicht erreichbar.",
                Api.uniqueMessageId())).statusCode(202).body("triage.decision", equalTo("AUTO_LINKED"))
                .extract().path("ticketId");

        Api.resolveAllActiveIncidents();
        for (int t : List.of(first, second, storm)) { // nothing left for another test's re-triage
            Api.agent().contentType(ContentType.JSON).body(Map.of("status", "SOLVED")).put("/api/tickets/" + t + "/status")
                    .then().statusCode(200);
        }
    }

    @Test
    void linkUnlinkAndAgentReplyOnTheTicketsChannel() throws Exception {
        long incident = Api.declareIncident("Mailserver: E-Mails kommen nicht an",
                "Eingehende E-Mails werden verzögert zugestellt.", "https://status.example/mail");
        String customer = Api.uniqueAddress("reply");
        String firstId = Api.uniqueMessageId();
        int ticket = postEmail(mail(customer, "Frage zu meinem Tarif", "Kann ich meinen Tarif wechseln?", firstId))
                .statusCode(202).body("triage.decision", equalTo("UNRELATED")).extract().path("ticketId");

        Api.agent().contentType(ContentType.JSON).body(Map.of("incidentId", incident)).put("/api/tickets/" + ticket + "/incident")
                .then().statusCode(200).body("incidentId", equalTo((int) incident));
        Api.agent().get("/api/tickets?incidentId=" + incident).then().statusCode(200).body("items.id", hasItem(ticket));
        Api.agent().get("/api/incidents/" + incident).then().body("linkedTickets", equalTo(1));
        Api.agent().delete("/api/tickets/" + ticket + "/incident").then().statusCode(200).body("incidentId", nullValue());

        Api.agent().contentType(ContentType.JSON).body(Map.of("text", "Ja, das geht jederzeit zum Monatsende."))
                .post("/api/tickets/" + ticket + "/replies")
                .then().statusCode(201).body("deliveryState", equalTo("QUEUED"));
        List<MimeMessage> got = Mailbox.await(customer, 1, Mailbox.PATIENCE);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).getSubject()).isEqualTo("Re: Frage zu meinem Tarif [#" + ticket + "]");
        assertThat(Mailbox.header(got.get(0), "In-Reply-To")).isEqualTo("<" + firstId + ">");
        assertThat(Mailbox.header(got.get(0), "Auto-Submitted")).isNull();

        Api.agent().contentType(ContentType.JSON).body(Map.of("text", "")).post("/api/tickets/" + ticket + "/replies")
                .then().statusCode(400);
        // The customer answers our reply: it joins the ticket through our own Message-ID.
        String ourId = got.get(0).getMessageID();
        postEmail(mail(customer, "Re: Frage zu meinem Tarif", "Danke!", Api.uniqueMessageId(), "In-Reply-To: " + ourId))
                .statusCode(202).body("ticketId", equalTo(ticket)).body("created", equalTo(false));
    }

    @Test
    void statusUpdateReachesLinkedRequestersOnceAndResolvedIncidentRefusesMore() {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "",
                "https://status.example/rz");
        String customer = Api.uniqueAddress("update");
        postEmail(mail(customer, "Webseite weg", "Unsere Webseite ist nicht erreichbar!", Api.uniqueMessageId()))
                .statusCode(202).body("triage.decision", equalTo("AUTO_LINKED"));
        assertThat(Mailbox.await(customer, 1, Mailbox.PATIENCE)).hasSize(1);

        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", "Die Notstromversorgung läuft wieder an.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates")
                .then().statusCode(201).body("status", equalTo("IDENTIFIED"))
                .body("updates[0].notified", equalTo(1));
        List<MimeMessage> got = Mailbox.await(customer, 2, Mailbox.PATIENCE);
        assertThat(got).hasSize(2);
        assertThat(Mailbox.body(got.get(1))).contains("Notstromversorgung");

        Api.agent().contentType(ContentType.JSON).body(Map.of("status", "RESOLVED", "message", "x"))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(403);
        Api.ops().contentType(ContentType.JSON).body(Map.of("status", "RESOLVED", "message", "Alles läuft wieder."))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201).body("resolvedAt", notNullValue());
        Api.ops().contentType(ContentType.JSON).body(Map.of("status", "MONITORING", "message", "again"))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(409);
        Api.ops().contentType(ContentType.JSON).body(Map.of("status", "SOMETHING", "message", "x"))
                .post("/api/incidents/999999/updates").then().statusCode(400);
        Api.agent().get("/api/incidents?active=true").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem((int) incident)));
    }

    @Test
    void queueShowsIncidentAsOneRowAndOtherTicketsSeparately() {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "",
                "https://status.example/q");
        for (int i = 0; i < 3; i++) {
            postEmail(mail(Api.uniqueAddress("storm"), "Webseite down", "Unsere Webseite ist seit Minuten nicht erreichbar.",
                    Api.uniqueMessageId())).statusCode(202).body("triage.decision", equalTo("AUTO_LINKED"));
        }
        int invoice = postEmail(mail(Api.uniqueAddress("rechnung"), "Rechnung", "Bitte senden Sie mir die Rechnung erneut zu.",
                Api.uniqueMessageId())).statusCode(202).extract().path("ticketId");

        Api.agent().get("/api/queue").then().statusCode(200)
                .body("items.find { it.kind == 'INCIDENT' && it.incidentId == " + incident + " }.openTickets", equalTo(3))
                .body("items.findAll { it.kind == 'TICKET' }.ticketId", hasItem(invoice))
                .body("items.findAll { it.kind == 'TICKET' && it.ticketId == " + invoice + " }.waitingSince", notNullValue())
                .body("items.size()", greaterThanOrEqualTo(2));
        given().get("/api/queue").then().statusCode(401);
    }

    @Test
    void mailThenCallFromTheSameCustomerIsOneCase() {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "",
                "https://status.example/case");
        String customer = Api.uniqueAddress("twice");
        int mailed = postEmail(mail(customer, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202).body("triage.decision", equalTo("AUTO_LINKED")).extract().path("ticketId");
        int called = Api.intake().contentType(ContentType.JSON)
                .body(Map.of("caller", Map.of("name", "Frau Zwei", "email", customer),
                        "note", "Kd. ruft an, Webseite nicht erreichbar, hat schon gemailt"))
                .post("/api/intake/phone").then().statusCode(202)
                .body("triage.autoReply", equalTo(false))
                .body("triage.reasons", hasItem(containsString("same case as ticket " + mailed)))
                .extract().path("ticketId");
        Api.agent().get("/api/tickets/" + called).then().body("duplicateOf", equalTo(mailed));
        Api.agent().get("/api/tickets/" + mailed).then().body("duplicates", hasItem(called));
        Api.agent().get("/api/incidents/" + incident).then().body("linkedTickets", equalTo(1)).body("customers", equalTo(1));

        // Words too few to decide on alone ("immer noch down" names no service) continue the customer's case.
        int chatted = Api.intake().contentType(ContentType.JSON)
                .body(Map.of("conversationId", "case-" + System.nanoTime(), "messageId", "m1",
                        "customer", Map.of("name", "Frau Zwei", "email", customer), "text", "immer noch down"))
                .post("/api/intake/chat").then().statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.incidentId", equalTo((int) incident))
                .body("triage.autoReply", equalTo(false))
                .body("triage.reasons", hasItem(containsString("the same customer's open ticket " + mailed)))
                .extract().path("ticketId");
        Api.agent().get("/api/tickets/" + chatted).then().body("duplicateOf", equalTo(mailed));
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("conversationId", "case-" + System.nanoTime(), "messageId", "m1",
                        "customer", Map.of("name", "Jemand", "email", Api.uniqueAddress("stranger")), "text", "immer noch down"))
                .post("/api/intake/chat").then().statusCode(202)
                .body("triage.decision", equalTo("SUGGESTED"));

        // Not about an incident: the same request by mail and phone is one case too.
        String other = Api.uniqueAddress("invoice-twice");
        int first = postEmail(mail(other, "Rechnung Oktober doppelt abgebucht",
                "Der Betrag der Rechnung Oktober wurde doppelt abgebucht, bitte erstatten.", Api.uniqueMessageId()))
                .statusCode(202).extract().path("ticketId");
        int second = Api.intake().contentType(ContentType.JSON)
                .body(Map.of("caller", Map.of("name", "Herr Drei", "email", other),
                        "note", "Kd. ruft an: Rechnung Oktober doppelt abgebucht, will Erstattung"))
                .post("/api/intake/phone").then().statusCode(202).extract().path("ticketId");
        Api.agent().get("/api/tickets/" + second).then().body("duplicateOf", equalTo(first));
        List<Integer> queued = Api.agent().get("/api/queue").then().extract().path("items.findAll { it.kind == 'TICKET' }.ticketId");
        assertThat(queued).contains(first).doesNotContain(second);
    }

    @Test
    void fullTextSearchFindsTickets() throws InterruptedException {
        String word = "Zauberwort" + System.nanoTime();
        int ticket = postEmail(mail(Api.uniqueAddress("search"), "Suche", "Bitte prüfen: " + word, Api.uniqueMessageId()))
                .statusCode(202).extract().path("ticketId");
        // The index catches up with the database within a few seconds.
        for (int i = 0; i < 50; i++) {
            List<Integer> ids = Api.agent().get("/api/tickets?q=" + word).then().statusCode(200).extract().path("items.id");
            if (ids.contains(ticket)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ticket " + ticket + " not found by full-text search");
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        Api.agent().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        Api.agent().delete("/api/queue").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void openApiAndHealthNeedNoCredentials() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/intake/email"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
