package io.lotse.ticket;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional customer inventory: imported as CSV or JSON, it sharpens triage; without it nothing changes. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class InventoryTest {

    @BeforeEach
    void quiet() {
        Api.resolveAllActiveIncidents();
    }

    @Test
    void importedInventoryHoldsBackAnswersToUnaffectedCustomersAndNamesAffectedOnes() {
        String affected = Api.uniqueAddress("inv-web");
        String unaffected = Api.uniqueAddress("inv-mail");
        String csv = "customer,component,host\n" + affected + ",Webhosting,\n" + unaffected + ",E-Mail,mx2.hoster.example\n";
        Api.ops().contentType("text/csv").body(csv).post("/api/inventory").then().statusCode(200)
                .body("customers", equalTo(2)).body("assetsAdded", equalTo(3));
        Api.ops().contentType(ContentType.JSON)
                .body(List.of(Map.of("email", unaffected, "components", List.of("E-Mail"), "hosts", List.of())))
                .post("/api/inventory?replace=true").then().statusCode(200).body("assetsRemoved", equalTo(1));
        Api.agent().contentType("text/csv").body(csv).post("/api/inventory").then().statusCode(403);
        Api.ops().contentType("text/csv").body("name,thing\nx,y\n").post("/api/inventory").then().statusCode(400);

        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", "https://status.example/inv");
        postEmail(mail(affected, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("AUTO_LINKED"))
                .body("triage.reasons", hasItem(containsString("uses affected Webhosting")));
        postEmail(mail(unaffected, "Webseite down", "Unsere Webseite ist nicht erreichbar.", Api.uniqueMessageId()))
                .statusCode(202)
                .body("triage.decision", equalTo("SUGGESTED"))
                .body("triage.autoReply", equalTo(false))
                .body("triage.reasons", hasItem(containsString("none of the affected Webhosting")));
    }
}
