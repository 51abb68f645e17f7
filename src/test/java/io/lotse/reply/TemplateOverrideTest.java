package io.lotse.reply;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.lotse.support.Mailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins reword customer messages without a rebuild; a broken text is refused, never sent. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class TemplateOverrideTest {

    @Test
    void brokenOverridesAreRefusedAndAValidOneIsUsedAtOnce() {
        Api.admin().contentType(ContentType.JSON).body(Map.of("body", "Hallo {#if m.customerName}{m.customerName}"))
                .put("/api/templates/autoReply/de").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("does not parse"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("body", "Hallo {m.nosuchfield} {m.statusPageUrl}"))
                .put("/api/templates/autoReply/de").then().statusCode(422).body("detail", containsString("sample data"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("body", "Hallo, wir wissen Bescheid."))
                .put("/api/templates/autoReply/de").then().statusCode(422).body("detail", containsString("status page"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("body", "x")).put("/api/templates/nosuch/de").then().statusCode(404);
        Api.agent().get("/api/templates").then().statusCode(403);

        String custom = "Moin {m.customerName}! Bekannte Störung: {m.incidentTitle}. Alles Weitere: {m.statusPageUrl} (#{m.ticketId})";
        Api.admin().contentType(ContentType.JSON).body(Map.of("body", custom)).post("/api/templates/autoReply/de/preview")
                .then().statusCode(200).body("rendered", containsString("Moin Jana Vogt!"));
        try {
            Api.admin().contentType(ContentType.JSON).body(Map.of("body", custom)).put("/api/templates/autoReply/de")
                    .then().statusCode(200).body("overridden", equalTo(true));
            Api.resolveAllActiveIncidents();
            Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", "https://status.example/tpl");
            String customer = Api.uniqueAddress("tpl");
            postEmail(mail("Jana Vogt <" + customer + ">", "Webseite down", "Unsere Webseite ist nicht erreichbar.",
                    Api.uniqueMessageId())).statusCode(202).body("triage.autoReply", equalTo(true));
            assertThat(Mailbox.body(Mailbox.await(customer, 1, Mailbox.PATIENCE).get(0)))
                    .contains("Moin Jana Vogt! Bekannte Störung: Stromausfall").contains("https://status.example/tpl");
        } finally {
            Api.admin().delete("/api/templates/autoReply/de").then().statusCode(200).body("overridden", equalTo(false));
            Api.resolveAllActiveIncidents();
        }
    }
}
