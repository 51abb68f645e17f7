package io.lotse.reply;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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

/** Status updates, resolution, corrections and the chat widget's view of a conversation. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class CustomerCommunicationTest {

    static final String TITLE = "Stromausfall im Rechenzentrum: Webhosting nicht erreichbar";

    @BeforeEach
    void quiet() {
        Api.resolveAllActiveIncidents();
    }

    @Test
    void resolutionNotifiesOnceSolvesPlainTicketsAndKeepsMixedOnesOpen() {
        long incident = Api.declareIncident(TITLE, "", "https://status.example/resolve");
        String plain = Api.uniqueAddress("plain");
        String mixed = Api.uniqueAddress("mixed");
        int plainTicket = postEmail(mail(plain, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202).body("triage.decision", equalTo("AUTO_LINKED")).extract().path("ticketId");
        String mixedId = Api.uniqueMessageId();
        int mixedTicket = postEmail(mail(mixed, "Webseite down", "Unsere Webseite ist nicht erreichbar.", mixedId))
                .statusCode(202).body("triage.decision", equalTo("AUTO_LINKED")).extract().path("ticketId");
        // A follow-up that asks something else: after the incident a human must answer it.
        postEmail(mail(mixed, "Re: Webseite down", "Und noch etwas: bitte schicken Sie mir die Rechnung für Oktober erneut.",
                Api.uniqueMessageId(), "In-Reply-To: <" + mixedId + ">"))
                .statusCode(202).body("ticketId", equalTo(mixedTicket))
                .body("triage.reasons[0]", containsString("asks more than the incident"));
        Mailbox.await(plain, 1, Mailbox.PATIENCE);

        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "RESOLVED", "message", "Der Strom ist zurück, alle Systeme laufen.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);

        List<MimeMessage> got = Mailbox.await(plain, 2, Mailbox.PATIENCE);
        assertThat(got).hasSize(2);
        assertThat(Mailbox.body(got.get(1))).contains("ist behoben").contains("Der Strom ist zurück");
        Api.agent().get("/api/tickets/" + plainTicket).then().body("status", equalTo("SOLVED"));
        Api.agent().get("/api/tickets/" + mixedTicket).then().body("status", equalTo("OPEN")).body("waitingSince", notNullValue());
        List<Integer> queued = Api.agent().get("/api/queue").then().extract().path("items.findAll { it.kind == 'TICKET' }.ticketId");
        assertThat(queued).contains(mixedTicket).doesNotContain(plainTicket);

        Api.ops().get("/api/incidents/" + incident + "/notifications").then().statusCode(200)
                .body("[0].recipients", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("[0].deliveries.ticketId", hasItem(plainTicket))
                .body("[0].deliveries.ticketId", hasItem(mixedTicket))
                .body("[0].byState.SENT", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        Api.agent().get("/api/incidents/" + incident + "/notifications").then().statusCode(403);
        Api.ops().get("/api/incidents/999999/notifications").then().statusCode(404);
    }

    @Test
    void anOutageReportWithAnInvoiceQuestionGetsTheStatusAndStaysForAPerson() {
        long incident = Api.declareIncident(TITLE, "", "https://status.example/mixed");
        String customer = Api.uniqueAddress("twothings");
        int ticket = postEmail(mail(customer, "Shop offline + neue Rechnungsadresse",
                "Hallo, zwei Dinge: 1. Unser Shop ist seit einer Viertelstunde nicht erreichbar. 2. Bitte schicken Sie"
                        + " die Rechnungen ab sofort an unsere neue Rechnungsadresse: Hauptstr. 5, 04109 Leipzig.",
                Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.autoReply", equalTo(true))
                .body("triage.reasons", hasItem(containsString("asks about an invoice")))
                .extract().path("ticketId");

        MimeMessage answer = Mailbox.await(customer, 1, Mailbox.PATIENCE).get(0);
        assertThat(Mailbox.body(answer)).contains("https://status.example/mixed")
                .contains("Ihre weitere Frage in Ihrer Nachricht beantwortet Ihnen ein")
                .doesNotContain("Falls Ihr Anliegen etwas anderes betrifft");
        Api.agent().get("/api/tickets/" + ticket).then().body("triage.otherRequest", equalTo(true));

        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "RESOLVED", "message", "Alles läuft wieder.", "notifyLinked", false))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);
        Api.agent().get("/api/tickets/" + ticket).then().body("status", equalTo("OPEN"));
        List<Integer> queued = Api.agent().get("/api/queue").then().extract().path("items.findAll { it.kind == 'TICKET' }.ticketId");
        assertThat(queued).contains(ticket);
    }

    @Test
    void unlinkingAnAnsweredTicketOffersACorrectionAndStopsLaterUpdates() {
        long incident = Api.declareIncident(TITLE, "", "https://status.example/unlink");
        String customer = Api.uniqueAddress("wrong");
        int ticket = postEmail(mail(customer, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202).body("triage.autoReply", equalTo(true)).extract().path("ticketId");
        Mailbox.await(customer, 1, Mailbox.PATIENCE);

        Api.agent().delete("/api/tickets/" + ticket + "/incident").then().statusCode(200)
                .body("incidentId", nullValue())
                .body("correctionSuggestion", containsString("betraf Ihr Anliegen nicht"));
        Api.agent().get("/api/tickets/" + ticket).then().body("correctionSuggestion", nullValue());

        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", "Ursache gefunden.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);
        assertThat(Mailbox.settle(customer, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void chatWidgetFetchesAnswersAndUpdatesAfterACursor() {
        long incident = Api.declareIncident(TITLE, "", "https://status.example/chat");
        String conversation = "c-" + Api.uniqueMessageId();
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "messageId", "m1",
                        "customer", Map.of("name", "Mia", "email", Api.uniqueAddress("chatfetch")),
                        "text", "Hallo, unser Shop ist nicht erreichbar!"))
                .post("/api/intake/chat").then().statusCode(202).body("reply.text", notNullValue());
        int cursor = Api.intake().get("/api/intake/chat/" + conversation + "/messages").then().statusCode(200)
                .body("messages.size()", equalTo(2))
                .body("messages[0].direction", equalTo("INBOUND"))
                .body("messages[1].kind", equalTo("AUTO_REPLY"))
                .extract().path("cursor");

        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "MONITORING", "message", "Alles läuft wieder, wir beobachten.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);
        Api.intake().get("/api/intake/chat/" + conversation + "/messages?after=" + cursor).then().statusCode(200)
                .body("messages.size()", equalTo(1))
                .body("messages[0].kind", equalTo("STATUS_UPDATE"))
                .body("messages[0].text", containsString("wir beobachten"));

        io.restassured.RestAssured.given().get("/api/intake/chat/" + conversation + "/messages").then().statusCode(401);
        Api.intake().get("/api/intake/chat/unknown-conversation/messages").then().statusCode(404);
    }
}
