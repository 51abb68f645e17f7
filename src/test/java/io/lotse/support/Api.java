package io.lotse.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Calls the service over HTTP exactly as integrations do. */
public final class Api {

    public static final String INTAKE_TOKEN = "test-intake-token";
    public static final String ADMIN_PASSWORD = "admin-secret";
    public static final String AGENT = "agent-anna";
    public static final String OPS = "ops-otto";
    public static final String USER_PASSWORD = "correct horse battery";
    private static final AtomicLong SEQ = new AtomicLong();

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification agent() {
        ensureUser(AGENT, "agent");
        return given().auth().preemptive().basic(AGENT, USER_PASSWORD);
    }

    public static RequestSpecification ops() {
        ensureUser(OPS, "ops");
        return given().auth().preemptive().basic(OPS, USER_PASSWORD);
    }

    public static RequestSpecification intake() {
        return given().header("Authorization", "Bearer " + INTAKE_TOKEN);
    }

    private static void ensureUser(String name, String role) {
        int status = admin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", USER_PASSWORD, "roles", List.of(role)))
                .post("/api/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("cannot create test user " + name + ": " + status);
        }
    }

    /** A unique e-mail address, so tests never read each other's mail. */
    public static String uniqueAddress(String who) {
        return who + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@kunde.example";
    }

    public static String uniqueMessageId() {
        return UUID.randomUUID() + "@mail.kunde.example";
    }

    /** Resolves every active incident, so a test's triage sees only the incidents it declares itself. */
    public static void resolveAllActiveIncidents() {
        List<Integer> ids = admin().get("/api/incidents?active=true").then().statusCode(200).extract().path("id");
        for (Integer id : ids) {
            admin().contentType(ContentType.JSON)
                    .body(Map.of("status", "RESOLVED", "message", "test cleanup", "notifyLinked", false))
                    .post("/api/incidents/" + id + "/updates");
        }
    }

    public static long declareIncident(String title, String description, String statusPageUrl) {
        return ops().contentType(ContentType.JSON)
                .body(Map.of("title", title, "description", description, "components", List.of("Webhosting"),
                        "statusPageUrl", statusPageUrl))
                .post("/api/incidents")
                .then().statusCode(201)
                .extract().<Integer>path("id").longValue();
    }

    public static ValidatableResponse postEmail(String raw) {
        return intake().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8))
                .post("/api/intake/email").then();
    }

    /** A plain RFC 5322 mail. */
    public static String mail(String from, String subject, String body, String messageId, String... extraHeaders) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(from).append("\r\n");
        sb.append("To: support@hoster.example\r\n");
        sb.append("Subject: ").append(subject).append("\r\n");
        sb.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))).append("\r\n");
        sb.append("Message-ID: <").append(messageId).append(">\r\n");
        for (String h : extraHeaders) {
            sb.append(h).append("\r\n");
        }
        sb.append("MIME-Version: 1.0\r\n");
        sb.append("Content-Type: text/plain; charset=UTF-8\r\n");
        sb.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
        sb.append(body).append("\r\n");
        return sb.toString();
    }
}
