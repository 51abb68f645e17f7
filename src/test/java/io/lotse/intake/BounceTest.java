package io.lotse.intake;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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

/** A bounce of our own answer joins the customer's ticket and stops further mail to that address. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class BounceTest {

    @BeforeEach
    void quiet() {
        Api.resolveAllActiveIncidents();
    }

    @Test
    void bounceOfOurAutoReplyJoinsTicketMarksAddressAndStopsLaterMail() throws Exception {
        long incident = Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "",
                "https://status.example/bounce");
        String customer = Api.uniqueAddress("gone");
        int ticket = postEmail(mail(customer, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202).body("triage.autoReply", equalTo(true)).extract().path("ticketId");
        List<MimeMessage> sent = Mailbox.await(customer, 1, Mailbox.PATIENCE);
        assertThat(sent).hasSize(1);
        String ourId = sent.get(0).getMessageID();

        String dsn = "From: MAILER-DAEMON@mx.kunde.example\r\n"
                + "To: support@lotse.local\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <" + Api.uniqueMessageId() + ">\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r1\"\r\n\r\n"
                + "--r1\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--r1\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.kunde.example\r\n\r\nFinal-Recipient: rfc822; " + customer + "\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 mailbox unknown\r\n"
                + "--r1\r\nContent-Type: text/rfc822-headers\r\n\r\n"
                + "From: support@lotse.local\r\nTo: " + customer + "\r\nSubject: Re: Webseite down [#" + ticket + "]\r\n"
                + "Message-ID: " + ourId + "\r\n"
                + "--r1--\r\n";
        postEmail(dsn).statusCode(202)
                .body("ticketId", equalTo(ticket))
                .body("created", equalTo(false))
                .body("triage.automated", equalTo(true))
                .body("triage.autoReply", equalTo(false));

        Api.agent().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("messages.find { it.kind == 'AUTO_REPLY' }.deliveryState", equalTo("BOUNCED"))
                .body("messages.find { it.kind == 'AUTO_REPLY' }.deliveryError", startsWith("bounced: smtp; 550"));

        // A later status update is not sent to the bouncing address, and says why.
        Api.ops().contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", "Ursache gefunden.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);
        assertThat(Mailbox.settle(customer, Duration.ofSeconds(3))).hasSize(1);
        Api.agent().get("/api/tickets/" + ticket).then()
                .body("messages.find { it.kind == 'STATUS_UPDATE' }.deliveryState", equalTo("FAILED"))
                .body("messages.find { it.kind == 'STATUS_UPDATE' }.deliveryError", org.hamcrest.Matchers.containsString("bounced"));
    }
}
