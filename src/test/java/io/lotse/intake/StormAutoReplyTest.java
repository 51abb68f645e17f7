package io.lotse.intake;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.lotse.support.Mailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The afternoon Lotse exists for: a data centre is down, customers write, each gets one answer. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class StormAutoReplyTest {

    static final String STATUS_PAGE = "https://status.hoster.example/incidents/rz-leipzig";

    @BeforeEach
    void onlyOurIncident() {
        Api.resolveAllActiveIncidents();
    }

    @Test
    void germanOutageMailIsLinkedAndAnsweredOnceWithThreadingHeaders() throws Exception {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar",
                "Seit 14:44 ist das Rechenzentrum Leipzig ohne Strom.", STATUS_PAGE);
        String customer = Api.uniqueAddress("jana");
        String messageId = Api.uniqueMessageId();

        int ticketId = postEmail(mail("Jana Vogt <" + customer + ">", "Webseite down",
                "Hallo,\n\nUnsere Webseite ist seit ein paar Minuten nicht erreichbar.\n\nViele Grüße\nJana Vogt", messageId))
                .statusCode(202)
                .body("created", equalTo(true))
                .body("duplicate", equalTo(false))
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.incidentId", equalTo((int) incident))
                .body("triage.autoReply", equalTo(true))
                .body("triage.automated", equalTo(false))
                .body("triage.reasons", hasItem(org.hamcrest.Matchers.containsString("incident " + incident)))
                .extract().path("ticketId");

        List<MimeMessage> replies = Mailbox.await(customer, 1, Mailbox.PATIENCE);
        assertThat(replies).hasSize(1);
        MimeMessage reply = replies.get(0);
        assertThat(Mailbox.header(reply, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(Mailbox.header(reply, "In-Reply-To")).isEqualTo("<" + messageId + ">");
        assertThat(Mailbox.header(reply, "References")).contains("<" + messageId + ">");
        assertThat(reply.getSubject()).isEqualTo("Re: Webseite down [#" + ticketId + "]");
        String body = Mailbox.body(reply);
        assertThat(body).contains(STATUS_PAGE).contains("Störung").contains("#" + ticketId);

        // A second mail from the same customer about the same incident: linked, but no second answer.
        postEmail(mail("Jana Vogt <" + customer + ">", "Immer noch nichts",
                "Unser Shop ist immer noch offline, was ist da los?", Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.autoReply", equalTo(false));
        assertThat(Mailbox.settle(customer, Duration.ofSeconds(3))).hasSize(1);

        Api.agent().get("/api/tickets/" + ticketId).then().statusCode(200)
                .body("incidentId", equalTo((int) incident))
                .body("messages.direction", hasItem("OUTBOUND"))
                .body("messages.find { it.direction == 'OUTBOUND' }.automatic", equalTo(true))
                .body("messages[0].text", notNullValue());
    }

    @Test
    void customersWhoWroteBeforeTheDeclarationAreLinkedAndAnsweredWhenOpsDeclare() {
        String early = Api.uniqueAddress("early");
        String invoice = Api.uniqueAddress("early-invoice");
        int earlyTicket = postEmail(mail(early, "Webseite down", "Unsere Webseite ist seit fünf Minuten nicht erreichbar!",
                Api.uniqueMessageId()))
                .statusCode(202).body("triage.decision", equalTo("UNRELATED")).extract().path("ticketId");
        int invoiceTicket = postEmail(mail(invoice, "Rechnung", "Bitte schicken Sie mir die Rechnung für Oktober.",
                Api.uniqueMessageId())).statusCode(202).extract().path("ticketId");

        long incident = Api.ops().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("title", "Stromausfall im Rechenzentrum: Webhosting nicht erreichbar",
                        "statusPageUrl", STATUS_PAGE,
                        "startedAt", java.time.OffsetDateTime.now().minusMinutes(30).toString()))
                .post("/api/incidents").then().statusCode(201).extract().<Integer>path("id").longValue();

        Api.agent().get("/api/tickets/" + earlyTicket).then()
                .body("incidentId", equalTo((int) incident))
                .body("triage.reasons[0]", org.hamcrest.Matchers.containsString("re-triaged"));
        Api.agent().get("/api/tickets/" + invoiceTicket).then().body("incidentId", org.hamcrest.Matchers.nullValue());
        assertThat(Mailbox.await(early, 1, Mailbox.PATIENCE)).hasSize(1);
        assertThat(Mailbox.settle(invoice, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void anAutomaticLinkIsHandedToAnAgentWhenABetterFittingIncidentIsDeclaredLater() {
        long mailboxes = declare("Postfach-Cluster: Ordner in IMAP und Webmail leer oder unvollständig",
                "Nach einer Storage-Migration werden die Ordnerindizes neu aufgebaut. Ordner erscheinen in Outlook, "
                        + "Thunderbird und im Webmail leer oder unvollständig, Mails doppelt oder ungelesen.",
                List.of("IMAP", "Webmail"), Duration.ofMinutes(40));
        String customer = Api.uniqueAddress("kasse");
        int ticketId = postEmail(mail(customer, "Kasse sendet keine Mails",
                "Hallo, unser altes Kassensystem schickt jeden Abend den Tagesabschluss per Mail. Vorhin kam am Bildschirm "
                        + "nur 'SMTP: connection failed'. Die Zugangsdaten sind unverändert.", Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.incidentId", equalTo((int) mailboxes))
                .extract().path("ticketId");
        assertThat(Mailbox.await(customer, 1, Mailbox.PATIENCE)).hasSize(1);

        long oldTls = declare("Verbindungsfehler älterer Mailprogramme und Kassensysteme nach TLS-Änderung",
                "Auf den Mail-Loadbalancern sind TLS 1.0 und 1.1 deaktiviert. Ältere Mailprogramme und Geräte (Outlook 2010, "
                        + "Kassensysteme, Scanner) können keine Mails mehr per SMTP versenden: connection failed.",
                List.of("Mail-Loadbalancer", "SMTP-Versand"), Duration.ofMinutes(30));

        // Taken off the mailbox incident, the TLS incident suggested: an agent corrects what the customer was told.
        Api.agent().get("/api/tickets/" + ticketId).then()
                .body("incidentId", nullValue())
                .body("triage.decision", equalTo("SUGGESTED"))
                .body("triage.incidentId", equalTo((int) oldTls))
                .body("triage.reasons[0]", containsString("better than incident " + mailboxes))
                .body("messages.find { it.kind == 'AUTO_REPLY' }.incidentId", equalTo((int) mailboxes));
        assertThat(Mailbox.settle(customer, Duration.ofSeconds(2))).as("nothing sent automatically a second time").hasSize(1);
    }

    private static long declare(String title, String description, List<String> components, Duration startedAgo) {
        return Api.ops().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("title", title, "description", description, "components", components,
                        "statusPageUrl", STATUS_PAGE, "startedAt", java.time.OffsetDateTime.now().minus(startedAgo).toString()))
                .post("/api/incidents").then().statusCode(201).extract().<Integer>path("id").longValue();
    }

    @Test
    void invoiceQuestionDuringOutageIsUnrelatedAndGetsNoAnswer() {
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", STATUS_PAGE);
        String customer = Api.uniqueAddress("buchhaltung");
        postEmail(mail(customer, "Frage zur Rechnung",
                "Guten Tag, ich habe eine Frage zu meiner Rechnung vom Oktober: Der Betrag ist doppelt abgebucht worden.",
                Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("UNRELATED"))
                .body("triage.autoReply", equalTo(false));
        assertThat(Mailbox.settle(customer, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void englishCustomerGetsEnglishAnswer() {
        Api.declareIncident("Power outage in data centre: web hosting unreachable", "Web hosting is down.", STATUS_PAGE);
        String customer = Api.uniqueAddress("john");
        postEmail(mail(customer, "Website down", "Hi, our website has been down for a few minutes, we get 503 errors. Please help!",
                Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"));
        List<MimeMessage> replies = Mailbox.await(customer, 1, Mailbox.PATIENCE);
        assertThat(replies).hasSize(1);
        assertThat(Mailbox.body(replies.get(0))).contains("thank you for your message").contains(STATUS_PAGE);
    }

    @Test
    void outOfOfficeMailIsNeverAnswered() {
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", STATUS_PAGE);
        String robot = Api.uniqueAddress("urlaub");
        postEmail(mail(robot, "Automatische Antwort: Webseite nicht erreichbar",
                "Ich bin bis 30.11. nicht im Büro. Ihre Nachricht zur nicht erreichbaren Webseite wird nicht weitergeleitet.",
                Api.uniqueMessageId(), "Auto-Submitted: auto-replied"))
                .statusCode(202)
                .body("triage.automated", equalTo(true))
                .body("triage.autoReply", equalTo(false));
        assertThat(Mailbox.settle(robot, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void resolvedIncidentAttractsNoNewTickets() {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", STATUS_PAGE);
        Api.resolveAllActiveIncidents();
        postEmail(mail(Api.uniqueAddress("spaet"), "Webseite", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("UNRELATED"))
                .body("triage.incidentId", org.hamcrest.Matchers.not(equalTo((int) incident)));
    }
}
