package io.lotse.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins create intake tokens (shown once, stored hashed) and revoke them; intake accepts them meanwhile. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class IntakeTokenApiTest {

    /** The documented delay for other replicas is lotse.intake.token-refresh (5 s); on this one it is immediate. */
    private static final Duration REVOCATION_DELAY = Duration.ofSeconds(5);

    @Test
    void createdTokenOpensIntakeIsNeverListedAndStopsWorkingWhenRevoked() throws InterruptedException {
        Response created = Api.admin().contentType(ContentType.JSON).body(Map.of("name", "chat widget"))
                .post("/api/intake-tokens");
        created.then().statusCode(201).body("name", equalTo("chat widget")).body("id", notNullValue())
                .body("token", matchesPattern("lot_[A-Za-z0-9_-]{43}"));
        String token = created.path("token");
        int id = created.path("id");

        chat(token, "m1").then().statusCode(202);

        String list = Api.admin().get("/api/intake-tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo("chat widget"))
                .body("find { it.id == " + id + " }.active", equalTo(true))
                .body("find { it.id == " + id + " }.createdBy", equalTo("admin"))
                .extract().asString();
        assertThat(list).doesNotContain(token).doesNotContain(token.substring(4)).doesNotContain(IntakeTokens.sha256Hex(token));

        // The use is written with the next reload of the token set (at most once a minute per token).
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        Object lastUsed = null;
        while (lastUsed == null && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            lastUsed = Api.admin().get("/api/intake-tokens").path("find { it.id == " + id + " }.lastUsedAt");
        }
        assertThat(lastUsed).as("lastUsedAt after a use").isNotNull();

        Api.admin().delete("/api/intake-tokens/" + id).then().statusCode(200).body("active", equalTo(false))
                .body("revokedAt", notNullValue());
        Instant deadline = Instant.now().plus(REVOCATION_DELAY).plusSeconds(1);
        int status = chat(token, "m2").statusCode();
        while (status != 401 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = chat(token, "m2").statusCode();
        }
        assertThat(status).as("revoked token").isEqualTo(401);
        // Revoking again changes nothing; the configured tokens still work.
        Api.admin().delete("/api/intake-tokens/" + id).then().statusCode(200).body("active", equalTo(false));
        chat(Api.INTAKE_TOKEN, "m3").then().statusCode(202);
        Api.admin().delete("/api/intake-tokens/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsManageTokensAndANameIsNeeded() {
        Api.agent().get("/api/intake-tokens").then().statusCode(403);
        Api.agent().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/intake-tokens").then().statusCode(403);
        Api.ops().delete("/api/intake-tokens/1").then().statusCode(403);
        given().get("/api/intake-tokens").then().statusCode(401);
        // An intake token does not open the admin API, and the admin API is not behind the intake check.
        Api.intake().get("/api/intake-tokens").then().statusCode(401);
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", " ")).post("/api/intake-tokens").then().statusCode(400);
        Api.admin().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(101))).post("/api/intake-tokens")
                .then().statusCode(400);
        List<?> before = Api.admin().get("/api/intake-tokens").path("$");
        Api.admin().contentType(ContentType.JSON).body("{}").post("/api/intake-tokens").then().statusCode(400);
        assertThat(Api.admin().get("/api/intake-tokens").<List<?>>path("$")).hasSameSizeAs(before);
    }

    @Test
    void aTokenThatLooksRightButWasNeverIssuedIsRefused() {
        chat("lot_" + "A".repeat(43), "x1").then().statusCode(401);
        chat("", "x2").then().statusCode(401);
    }

    private static Response chat(String token, String messageId) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("conversationId", "c-token-" + messageId + "-" + Api.uniqueMessageId(), "messageId", messageId,
                        "customer", Map.of("name", "Widget", "email", Api.uniqueAddress("token")),
                        "text", "Hallo, wie ändere ich mein Passwort?"))
                .post("/api/intake/chat");
    }
}
