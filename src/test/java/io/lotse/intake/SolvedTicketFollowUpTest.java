package io.lotse.intake;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a mail to a solved ticket does: a person reopens it, a robot does not. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class SolvedTicketFollowUpTest {

    @Test
    void outOfOfficeReplyLeavesASolvedTicketSolvedAndACustomerReopensIt() {
        String customer = Api.uniqueAddress("solved");
        int ticket = postEmail(mail(customer, "Frage zum Tarif", "Kann ich meinen Tarif wechseln?", Api.uniqueMessageId()))
                .statusCode(202).extract().path("ticketId");
        Api.agent().contentType(ContentType.JSON).body(Map.of("status", "SOLVED"))
                .put("/api/tickets/" + ticket + "/status").then().statusCode(200);

        // An out-of-office robot answering our last mail, recognisable only by its words.
        postEmail(mail(customer, "Re: Frage zum Tarif [#" + ticket + "]",
                "Vielen Dank für Ihre Nachricht. Ich bin bis zum 14.03. nicht im Büro. In dringenden Fällen wenden Sie"
                        + " sich bitte an meine Kollegin.", Api.uniqueMessageId()))
                .statusCode(202)
                .body("ticketId", equalTo(ticket))
                .body("triage.automated", equalTo(true))
                .body("triage.autoReply", equalTo(false));
        Api.agent().get("/api/tickets/" + ticket).then().body("status", equalTo("SOLVED"));

        postEmail(mail(customer, "Re: Frage zum Tarif [#" + ticket + "]", "Und was kostet der größere Tarif?",
                Api.uniqueMessageId()))
                .statusCode(202).body("ticketId", equalTo(ticket)).body("triage.automated", equalTo(false));
        Api.agent().get("/api/tickets/" + ticket).then().body("status", equalTo("OPEN"));
    }
}
