package io.lotse.intake;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three intake endpoints: authentication, content types, limits, redelivery and threading. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class IntakeContractTest {

    @BeforeEach
    void quiet() {
        Api.resolveAllActiveIncidents();
    }

    @Test
    void intakeWithoutTokenIs401AndStoresNothing() {
        int ticketsBefore = Api.agent().get("/api/tickets?size=1").then().extract().path("total");
        String sender = Api.uniqueAddress("anon");
        given().contentType("message/rfc822").body(mail(sender, "Hallo", "Test", Api.uniqueMessageId()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/intake/email")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON)
                .body(Map.of("conversationId", "c-x", "text", "hi"))
                .post("/api/intake/chat")
                .then().statusCode(401);
        // Users' credentials do not open intake.
        Api.admin().contentType(ContentType.JSON).body(Map.of("conversationId", "c-x", "text", "hi"))
                .post("/api/intake/chat").then().statusCode(401);
        // Counted in the database (the search index catches up only after a moment).
        Api.agent().get("/api/tickets?size=1").then().statusCode(200).body("total", equalTo(ticketsBefore));
    }

    @Test
    void wrongContentTypeIs415() {
        Api.intake().contentType(ContentType.TEXT).body("hello").post("/api/intake/email")
                .then().statusCode(415).contentType("application/problem+json");
        Api.intake().contentType(ContentType.TEXT).body("hello").post("/api/intake/chat")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void oversizedMailIs413AndEmptyMailIs400() {
        int ticketsBefore = Api.agent().get("/api/tickets?size=1").then().extract().path("total");
        int quarantinedBefore = Api.admin().get("/api/quarantine").then().extract().path("size()");
        byte[] huge = new byte[26 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Api.intake().contentType("message/rfc822").body(huge).post("/api/intake/email")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        Api.intake().contentType("message/rfc822").body(new byte[0]).post("/api/intake/email")
                .then().statusCode(400).contentType("application/problem+json");
        // Refused means nothing stored: no partial ticket, no quarantine entry (the sender keeps the mail).
        Api.agent().get("/api/tickets?size=1").then().body("total", equalTo(ticketsBefore));
        Api.admin().get("/api/quarantine").then().body("size()", equalTo(quarantinedBefore));
    }

    @Test
    void malformedAndInvalidJsonIs400WithoutInternals() {
        Api.intake().contentType(ContentType.JSON).body("{\"conversationId\": ").post("/api/intake/chat")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("not valid JSON"))
                .body("detail", org.hamcrest.Matchers.not(containsString("com.fasterxml")));
        Api.intake().contentType(ContentType.JSON).body("{bad").post("/api/intake/chat")
                .then().statusCode(400).body("detail", containsString("at line 1"));
        Api.intake().contentType(ContentType.JSON).body(Map.of("conversationId", "c-1")).post("/api/intake/chat")
                .then().statusCode(400).body("detail", containsString("text"));
        Api.intake().contentType(ContentType.JSON).body(Map.of("note", "Kd. ruft an")).post("/api/intake/phone")
                .then().statusCode(400).body("detail", containsString("caller"));
    }

    @Test
    void sameMessageIdTwiceReturnsEarlierResultAsDuplicate() {
        String raw = mail(Api.uniqueAddress("dup"), "Frage", "Wie ändere ich meinen DNS-Eintrag?", Api.uniqueMessageId());
        int ticket = postEmail(raw).statusCode(202).body("duplicate", equalTo(false)).extract().path("ticketId");
        int message = postEmail(raw).statusCode(202)
                .body("duplicate", equalTo(true))
                .body("ticketId", equalTo(ticket))
                .extract().path("messageId");
        Api.agent().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("messages.size()", equalTo(1))
                .body("messages[0].id", equalTo(message));
    }

    @Test
    void replyWithInReplyToOrSubjectTagJoinsTicket() {
        String customer = Api.uniqueAddress("thread");
        String first = Api.uniqueMessageId();
        int ticket = postEmail(mail(customer, "DNS", "Bitte den MX-Eintrag ändern.", first))
                .statusCode(202).body("created", equalTo(true)).extract().path("ticketId");
        postEmail(mail(customer, "Re: DNS", "Noch eine Ergänzung.", Api.uniqueMessageId(), "In-Reply-To: <" + first + ">"))
                .statusCode(202).body("created", equalTo(false)).body("ticketId", equalTo(ticket));
        postEmail(mail(customer, "Nachtrag [#" + ticket + "]", "Und noch etwas.", Api.uniqueMessageId()))
                .statusCode(202).body("created", equalTo(false)).body("ticketId", equalTo(ticket));
        // A colleague at the customer's company continues the ticket by its number ...
        postEmail(mail("kollegin@kunde.example", "Re: Nachtrag [#" + ticket + "]", "Ich übernehme ab hier.",
                Api.uniqueMessageId())).statusCode(202).body("created", equalTo(false)).body("ticketId", equalTo(ticket));
        // ... but anybody can type a number: from a stranger the tag alone starts a ticket of its own.
        postEmail(mail(Api.uniqueAddress("fremd").replace("@kunde.example", "@elsewhere.example"),
                "Nachtrag [#" + ticket + "]", "Ich hänge mich mal dran.", Api.uniqueMessageId()))
                .statusCode(202).body("created", equalTo(true));
        // Our Message-ID format names the ticket; made up by a stranger it is only a claim, like the tag.
        String forged = "In-Reply-To: <lotse.0123456789abcdef.t" + ticket + "@lotse.local>";
        postEmail(mail(Api.uniqueAddress("fremd").replace("@kunde.example", "@elsewhere.example"), "Re: DNS",
                "Ich auch.", Api.uniqueMessageId(), forged)).statusCode(202).body("created", equalTo(true));
        postEmail(mail(customer, "Re: DNS", "Noch eine Frage.", Api.uniqueMessageId(), forged))
                .statusCode(202).body("created", equalTo(false)).body("ticketId", equalTo(ticket));
        Api.agent().get("/api/tickets/" + ticket).then().body("messages.size()", equalTo(5));
    }

    @Test
    void absurdHeadersAreStoredNotRejected() {
        // Regression: a 1,500-character Message-ID and a NUL in the subject used to break the insert (500).
        String longId = "lang-" + "x".repeat(1500) + "@mail.kunde.example";
        String raw = mail(Api.uniqueAddress("odd"), "=?utf-8?q?Null=00Byte?= " + "lang ".repeat(300), "Inhalt", longId);
        int ticket = postEmail(raw).statusCode(202).body("duplicate", equalTo(false)).extract().path("ticketId");
        postEmail(raw).statusCode(202).body("duplicate", equalTo(true)).body("ticketId", equalTo(ticket));
        Api.agent().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("messages[0].subject", org.hamcrest.Matchers.startsWith("NullByte lang"));
    }

    @Test
    void ourOwnMailComingBackIsMachineSentAndNeverAnswered() {
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", "https://status.example/own");
        postEmail(mail("support@lotse.local", "Re: Webseite nicht erreichbar",
                "Uns ist eine Störung bekannt: Webseite nicht erreichbar.", Api.uniqueMessageId(), "X-Lotse-Ticket: 1"))
                .statusCode(202)
                .body("triage.automated", equalTo(true))
                .body("triage.autoReply", equalTo(false));
    }

    @Test
    void attachmentsAreListedOnTheStoredMessage() {
        String raw = "From: Kunde <" + Api.uniqueAddress("files") + ">\r\n"
                + "Subject: Logs\r\nMessage-ID: <" + Api.uniqueMessageId() + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nAnbei das Fehlerprotokoll.\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"fehler.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"fehler.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "JVBERi0xLjQKJeLjz9MK\r\n--b1--\r\n";
        int ticket = Api.intake().contentType("message/rfc822").body(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/intake/email").then().statusCode(202).extract().path("ticketId");
        Api.agent().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("messages[0].text", equalTo("Anbei das Fehlerprotokoll."))
                .body("messages[0].attachments[0].filename", equalTo("fehler.pdf"))
                .body("messages[0].attachments[0].mimeType", equalTo("application/pdf"))
                .body("messages[0].attachments[0].sizeBytes", equalTo(15));
    }

    @Test
    void chatConversationJoinsItsTicketAndMessageIdDeduplicates() {
        String conversation = "c-" + Api.uniqueMessageId();
        Map<String, Object> line = Map.of("conversationId", conversation, "messageId", "m1",
                "customer", Map.of("name", "Jana Vogt", "email", Api.uniqueAddress("chat")),
                "text", "Hallo, wie kann ich mein Passwort ändern?");
        int ticket = Api.intake().contentType(ContentType.JSON).body(line).post("/api/intake/chat")
                .then().statusCode(202)
                .body("created", equalTo(true))
                .body("reply", nullValue())
                .body("triage.decision", equalTo("UNRELATED"))
                .extract().path("ticketId");
        Api.intake().contentType(ContentType.JSON).body(line).post("/api/intake/chat")
                .then().statusCode(202).body("duplicate", equalTo(true)).body("ticketId", equalTo(ticket));
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("conversationId", conversation, "messageId", "m2", "text", "Hallo?"))
                .post("/api/intake/chat")
                .then().statusCode(202).body("created", equalTo(false)).body("ticketId", equalTo(ticket));
    }

    @Test
    void chatDuringOutageGetsReplyOncePerCustomer() {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "",
                "https://status.hoster.example/1");
        String email = Api.uniqueAddress("chatter");
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("conversationId", "c-" + Api.uniqueMessageId(), "customer", Map.of("name", "Jana", "email", email),
                        "text", "Hallo, ist bei euch was kaputt? Unser Shop lädt nicht, Webseite nicht erreichbar"))
                .post("/api/intake/chat")
                .then().statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.incidentId", equalTo((int) incident))
                .body("triage.autoReply", equalTo(true))
                .body("reply.text", containsString("https://status.hoster.example/1"));
        // A new conversation of the same customer: linked again, but not answered twice.
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("conversationId", "c-" + Api.uniqueMessageId(), "customer", Map.of("email", email),
                        "text", "Webseite immer noch nicht erreichbar!"))
                .post("/api/intake/chat")
                .then().statusCode(202)
                .body("triage.autoReply", equalTo(false))
                .body("reply", nullValue());
    }

    @Test
    void phoneNoteDuringOutageReturnsScript() {
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "",
                "https://status.hoster.example/2");
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("caller", Map.of("name", "Herr Brandt", "phone", "+49 341 5550123",
                                "customerNumber", "K-" + Api.uniqueMessageId().substring(0, 8)),
                        "note", "Kd. ruft an, Webseite seit ein paar Minuten nicht erreichbar, Rückruf gewünscht", "takenBy", "mara"))
                .post("/api/intake/phone")
                .then().statusCode(202)
                .body("created", equalTo(true))
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("script", containsString("https://status.hoster.example/2"));
        Api.intake().contentType(ContentType.JSON)
                .body(Map.of("caller", Map.of("name", "Frau Kühn", "phone", "0341 5550999"),
                        "note", "Fragt nach Angebot für zusätzlichen Speicherplatz", "takenBy", "mara"))
                .post("/api/intake/phone")
                .then().statusCode(202)
                .body("triage.decision", equalTo("UNRELATED"))
                .body("script", nullValue())
                .body("ticketId", notNullValue());
    }
}
