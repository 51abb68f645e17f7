package io.lotse.reply;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.lotse.support.Mailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Storm budgets: automatic mail is throttled, per address and globally, and nothing is lost. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
@TestProfile(StormBudgetTest.SmallBudgets.class)
class StormBudgetTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lotse.reply.automatic-per-minute", "2", "lotse.reply.automatic-per-address-per-hour", "1");
        }
    }

    @Test
    void globalBudgetHoldsBackAutomaticMailWithoutLosingIt() {
        Api.resolveAllActiveIncidents();
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", "https://status.example/budget");
        List<String> customers = new ArrayList<>();
        List<Integer> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String c = Api.uniqueAddress("budget");
            customers.add(c);
            tickets.add(postEmail(mail(c, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                    .statusCode(202).body("triage.autoReply", equalTo(true)).extract().path("ticketId"));
        }
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until && customers.stream().filter(c -> !Mailbox.to(c).isEmpty()).count() < 2) {
            Mailbox.settle(customers.get(0), Duration.ofMillis(200));
        }
        // Well within the minute: nothing beyond the budget may follow.
        Mailbox.settle(customers.get(0), Duration.ofSeconds(3));
        long delivered = customers.stream().filter(c -> !Mailbox.to(c).isEmpty()).count();
        assertThat(delivered).as("automatic mails sent within the first minute").isEqualTo(2);
        long queued = tickets.stream()
                .filter(t -> "QUEUED".equals(Api.agent().get("/api/tickets/" + t).then().extract()
                        .path("messages.find { it.kind == 'AUTO_REPLY' }.deliveryState")))
                .count();
        assertThat(queued).as("the others wait in the outbox").isEqualTo(3);
        // An agent's reply is not held back by the automatic budget.
        String human = customers.get(4);
        Api.agent().contentType("application/json").body(Map.of("text", "Wir melden uns persönlich."))
                .post("/api/tickets/" + tickets.get(4) + "/replies").then().statusCode(201);
        assertThat(Mailbox.await(human, 1, Mailbox.PATIENCE)).isNotEmpty();
        Api.resolveAllActiveIncidents();
    }

    @Test
    void perAddressBudgetStopsASecondAutomaticMailWithinTheHour() {
        Api.resolveAllActiveIncidents();
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", "https://status.example/a");
        String customer = Api.uniqueAddress("flood");
        postEmail(mail(customer, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202).body("triage.autoReply", equalTo(true));
        Api.resolveAllActiveIncidents();
        Api.declareIncident("E-Mail-Störung: Mails kommen nicht an", "Der Mailserver nimmt keine Mails an.",
                "https://status.example/b");
        postEmail(mail(customer, "Mails kommen nicht an", "Bei uns kommen keine E-Mails mehr an, Mailserver gestört?",
                Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.autoReply", equalTo(false))
                .body("triage.reasons", hasItem(org.hamcrest.Matchers.containsString("limit of automatic mails")));
        Api.resolveAllActiveIncidents();
    }
}
