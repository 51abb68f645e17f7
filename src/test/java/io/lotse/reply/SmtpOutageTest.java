package io.lotse.reply;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The mail relay is down while an incident breaks: 50 customers write, each is answered, ops post a status
 * update to all of them. Nothing reaches anyone while SMTP is down; every mail waits in the outbox and is
 * retried. When the relay is back, every customer gets exactly one automatic answer and one status update.
 */
@QuarkusTest
@QuarkusTestResource(value = StoppableSmtpResource.class, restrictToAnnotatedClass = true)
class SmtpOutageTest {

    static final int CUSTOMERS = 50;
    static final String STATUS_PAGE = "https://status.hoster.example/incidents/smtp-outage";

    /** Outage mails, German and English, each of which the triage links to the incident on its own. */
    static final String[][] OUTAGE_MAILS = {
            {"Webseite down", "Hallo,\n\nunsere Webseite ist seit ein paar Minuten nicht erreichbar. Was ist da los?\n\nViele Grüße"},
            {"Website down", "Hi, our website has been down for 20 minutes. Getting a 503 error. Any news?"},
            {"Shop offline!!!", "Unser Onlineshop ist komplett offline, wir verlieren gerade Umsatz. Bitte dringend melden!"},
            {"Website not loading", "Hello, our website is not loading for a few minutes now. Is there a problem on your side?"},
            {"Störung?", "Gibt es gerade eine Störung? Unsere Webseite lädt nicht, Browser meldet Zeitüberschreitung."},
            {"Site unreachable", "Our online store is unreachable, customers get a timeout. Please advise."},
            {"Webseite lädt nicht", "Moin, unsere Webseite lädt nicht mehr, Fehler 503. Danke für Info."},
            {"Online-Shop nicht erreichbar", "Guten Tag,\n\nunser Online-Shop ist nicht erreichbar. Wir haben heute eine Aktion laufen!"},
    };

    @Test
    void everyCustomerGetsOneAnswerAndOneUpdateOnceTheRelayIsBack() throws Exception {
        int smtpPort = StoppableSmtpResource.port();
        assertThat(smtpPort).as("StoppableSmtpResource started in this class loader").isPositive();
        assertThat(ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class))
                .as("the mailer must point at the stoppable server, not at the suite-wide GreenMail")
                .isEqualTo(smtpPort);
        assertThat(ConfigProvider.getConfig().getValue("lotse.reply.first-retry-delay", Duration.class))
                .isEqualTo(Duration.ofSeconds(1));

        Api.resolveAllActiveIncidents();
        // One mail while the relay is up, so the mailer holds a pooled connection when the relay goes away.
        String regular = Api.uniqueAddress("warmup");
        int regularTicket = postEmail(mail(regular, "Rechnung Oktober",
                "Bitte schicken Sie mir die Rechnung für Oktober erneut.", Api.uniqueMessageId()))
                .statusCode(202).extract().path("ticketId");
        Api.agent().contentType(ContentType.JSON).body(Map.of("text", "Die Rechnung ist unterwegs."))
                .post("/api/tickets/" + regularTicket + "/replies").then().statusCode(201);
        assertThat(awaitMail(regular, Duration.ofSeconds(20))).as("the relay works before the outage").isTrue();

        StoppableSmtpResource.stopSmtp();
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum Leipzig: Webhosting nicht erreichbar",
                "Seit 14:44 ist das Rechenzentrum Leipzig ohne Strom. Webseiten, Shops und Webhosting-Pakete sind nicht "
                        + "erreichbar.", STATUS_PAGE);

        Map<String, Integer> ticketOf = new LinkedHashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = Api.uniqueAddress("outage" + i);
            String[] m = OUTAGE_MAILS[i % OUTAGE_MAILS.length];
            int ticket = postEmail(mail("Kunde " + i + " <" + customer + ">", m[0], m[1], Api.uniqueMessageId()))
                    .statusCode(202)
                    .body("triage.decision", equalTo("AUTO_LINKED"))
                    .body("triage.incidentId", equalTo((int) incident))
                    .body("triage.autoReply", equalTo(true))
                    .extract().path("ticketId");
            ticketOf.put(customer, ticket);
        }
        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", "Die Notstromversorgung läuft an.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);

        // While the relay is down, deliveries fail and are rescheduled, not lost and not given up.
        int probe = ticketOf.values().iterator().next();
        Map<String, Object> reply = awaitFailedAttempt(probe, Duration.ofSeconds(20));
        assertThat(reply.get("deliveryState")).as("rescheduled, not given up: " + reply).isEqualTo("QUEUED");
        assertThat((String) reply.get("deliveryError")).as("the SMTP failure is recorded").isNotBlank();
        assertThat(((Number) reply.get("deliveryAttempts")).intValue()).isGreaterThanOrEqualTo(1);
        Thread.sleep(3000);
        assertThat(StoppableSmtpResource.received()).isEmpty();
        String error = (String) reply.get("deliveryError");
        int attemptsBeforeRestart = Api.agent().get("/api/tickets/" + probe).then().statusCode(200).extract().jsonPath()
                .getInt("messages.find { it.kind == 'AUTO_REPLY' }.deliveryAttempts");

        StoppableSmtpResource.restartSmtp();
        long restartedAt = System.nanoTime();
        long end = restartedAt + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end && !allHave(ticketOf.keySet(), 2)) {
            Thread.sleep(250);
        }
        long deliveredAfter = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();
        // Anything extra would come in the same sending rounds; give it a moment to show up.
        Thread.sleep(3000);

        int raw = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ticketOf.entrySet()) {
            List<MimeMessage> got = StoppableSmtpResource.receivedBy(e.getKey());
            raw += got.size();
            Set<String> ids = new HashSet<>();
            int answers = 0;
            int updates = 0;
            for (MimeMessage m : got) {
                if (!ids.add(m.getMessageID())) {
                    continue;
                }
                String auto = header(m, "Auto-Submitted");
                if ("auto-replied".equals(auto)) {
                    answers++;
                    // Queued before the update, sent after it: the answer shows the status when it was sent.
                    if (!String.valueOf(m.getContent()).contains("Die Notstromversorgung läuft an.")) {
                        wrong.add(e.getKey() + ": the answer does not show the live status");
                    }
                } else if ("auto-generated".equals(auto) && m.getSubject() != null) {
                    updates++;
                }
            }
            if (got.size() != 2 || ids.size() != 2 || answers != 1 || updates != 1) {
                wrong.add(e.getKey() + " (ticket " + e.getValue() + "): " + got.size() + " mails, " + ids.size()
                        + " Message-IDs, " + answers + " answers, " + updates + " updates");
            }
        }
        System.out.printf("SmtpOutageTest: SMTP port %d; probe ticket %d had %d failed attempts before the restart "
                + "(%s); all %d customers had their mail %d ms after the restart; %d mails received%n",
                smtpPort, probe, attemptsBeforeRestart, error, CUSTOMERS, deliveredAfter, raw);
        assertThat(wrong).as("customers without exactly one answer and one update").isEmpty();
        assertThat(raw).isEqualTo(2 * CUSTOMERS);

        JsonPath report = Api.ops().get("/api/incidents/" + incident + "/notifications").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("$")).hasSize(1);
        // Only this test's customers: an open outage ticket another test left behind in the last minutes
        // is legitimately re-triaged into this incident when it is declared.
        java.util.Collection<Integer> ours = ticketOf.values();
        List<Map<String, Object>> deliveries = report.getList("[0].deliveries");
        List<Map<String, Object>> mine = deliveries.stream().filter(d -> ours.contains((Integer) d.get("ticketId"))).toList();
        assertThat(mine).hasSize(CUSTOMERS);
        assertThat(mine).allSatisfy(d -> assertThat(d.get("state")).isEqualTo("SENT"));
        assertThat(report.getList("[0].failures")).isEmpty();
        Api.agent().get("/api/tickets/" + probe).then().statusCode(200)
                .body("messages.find { it.kind == 'AUTO_REPLY' }.deliveryState", equalTo("SENT"));
    }

    @Test
    void whatWaitedInTheOutboxIsCheckedAgainWhenItIsSent() throws Exception {
        Api.resolveAllActiveIncidents();
        StoppableSmtpResource.stopSmtp();
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum Leipzig: Webhosting nicht erreichbar",
                "Seit 14:44 ist das Rechenzentrum Leipzig ohne Strom.", STATUS_PAGE);
        String wronglyLinked = Api.uniqueAddress("unlinked");
        String english = Api.uniqueAddress("english");
        int unlinkedTicket = postEmail(mail(wronglyLinked, "Webseite down", "Unsere Webseite ist nicht erreichbar.",
                Api.uniqueMessageId())).statusCode(202).body("triage.autoReply", equalTo(true)).extract().path("ticketId");
        int englishTicket = postEmail(mail(english, "Website down", "Hi, our website has been down for 20 minutes."
                + " Getting a 503 error.", Api.uniqueMessageId())).statusCode(202).body("triage.autoReply", equalTo(true))
                .extract().path("ticketId");

        // An agent corrects a link while the answer still waits: no answer and no correction are due.
        Api.agent().delete("/api/tickets/" + unlinkedTicket + "/incident").then().statusCode(200)
                .body("correctionSuggestion", org.hamcrest.Matchers.nullValue())
                .body("messages.find { it.kind == 'AUTO_REPLY' }.deliveryState", equalTo("CANCELLED"));
        // Two updates while the relay is down: only the newer one is still true when mail can go out.
        for (String[] update : new String[][] {{"IDENTIFIED", "Die Notstromversorgung läuft an."},
                {"MONITORING", "Alle Server laufen wieder, wir beobachten die Lage."}}) {
            Api.ops().contentType(ContentType.JSON)
                    .body(Map.of("status", update[0], "message", update[1], "notifyLinked", true))
                    .post("/api/incidents/" + incident + "/updates").then().statusCode(201);
        }
        awaitFailedAttempt(englishTicket, Duration.ofSeconds(20));
        StoppableSmtpResource.restartSmtp();

        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && StoppableSmtpResource.receivedBy(english).size() < 2) {
            Thread.sleep(250);
        }
        Thread.sleep(3000);
        assertThat(StoppableSmtpResource.receivedBy(wronglyLinked)).as("mail to the unlinked customer").isEmpty();
        List<MimeMessage> got = StoppableSmtpResource.receivedBy(english);
        assertThat(got).as("one answer and the newest update").hasSize(2);
        for (MimeMessage m : got) {
            String text = String.valueOf(m.getContent());
            assertThat(text).as("live status in English").contains("Alle Server laufen wieder").contains("Your reference: #"
                    + englishTicket).doesNotContain("Notstromversorgung");
        }
        JsonPath ticket = Api.agent().get("/api/tickets/" + englishTicket).then().statusCode(200).extract().jsonPath();
        assertThat(ticket.getList("messages.findAll { it.kind == 'STATUS_UPDATE' }.deliveryState"))
                .containsExactly("CANCELLED", "SENT");
        assertThat(ticket.getString("messages.find { it.kind == 'STATUS_UPDATE' }.deliveryError"))
                .startsWith("not sent: replaced by the newer status update");
    }

    /** Waits until the ticket's automatic answer has failed at least once; returns that message as JSON. */
    private static Map<String, Object> awaitFailedAttempt(int ticket, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Map<String, Object> reply = null;
        while (System.nanoTime() < end) {
            reply = Api.agent().get("/api/tickets/" + ticket).then().statusCode(200).extract().jsonPath()
                    .getMap("messages.find { it.kind == 'AUTO_REPLY' }");
            if (reply != null && ((Number) reply.get("deliveryAttempts")).intValue() >= 1) {
                return reply;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no failed delivery attempt recorded on ticket " + ticket + " within " + timeout
                + ": " + reply);
    }

    private static boolean awaitMail(String address, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!StoppableSmtpResource.receivedBy(address).isEmpty()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static boolean allHave(Set<String> customers, int n) {
        return customers.stream().allMatch(c -> StoppableSmtpResource.receivedBy(c).size() >= n);
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
