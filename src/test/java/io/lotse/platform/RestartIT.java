package io.lotse.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.lotse.support.PackagedService;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service the way the README does (a plain {@code java -jar} on the embedded default),
 * stops it, starts it again on the same data directory, and finds everything still there, including
 * the search index, which it rebuilds from the database after being deleted.
 */
class RestartIT {

    private static final String TOKEN = "restart-token";
    private static final String PASSWORD = "restart-admin-password";
    private Process process;
    /** One per test: JUnit makes a new instance for every test method. */
    private final Map<String, String> database = PackagedService.ownDatabase();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void dataSurviveARestartAndAMissingIndexIsRebuilt() throws Exception {
        String jar = System.getProperty("lotse.app.jar");
        Assumptions.assumeTrue(jar != null && Files.exists(Path.of(jar)), "packaged jar not found: " + jar);
        Path dataDir = Files.createTempDirectory("lotse-restart");
        int port = PackagedService.freePort();

        start(jar, dataDir, port);
        int incident = admin(port).contentType(ContentType.JSON)
                .body(Map.of("title", "Stromausfall im Rechenzentrum: Webhosting nicht erreichbar",
                        "statusPageUrl", "https://status.example/restart"))
                .post("/api/incidents").then().statusCode(201).extract().path("id");
        String mail = "From: kunde@restart.example\r\nSubject: Webseite\r\nMessage-ID: <restart-1@restart.example>\r\n\r\n"
                + "Unsere Webseite ist nicht erreichbar. Suchwort: Restartprobe\r\n";
        int ticket = given().port(port).header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822")
                .body(mail.getBytes(StandardCharsets.UTF_8)).post("/api/intake/email")
                .then().statusCode(202).extract().path("ticketId");
        awaitSearchHit(port, "Restartprobe", ticket);
        stopGracefully();

        // Delete the index: it is a projection of the database and must come back by itself.
        deleteRecursively(dataDir.resolve("index"));
        start(jar, dataDir, port);
        admin(port).get("/api/incidents/" + incident).then().statusCode(200)
                .body("title", equalTo("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar"));
        admin(port).get("/api/tickets/" + ticket).then().statusCode(200).body("incidentId", equalTo(incident));
        // The same message again is still recognised as a redelivery.
        given().port(port).header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822")
                .body(mail.getBytes(StandardCharsets.UTF_8)).post("/api/intake/email")
                .then().statusCode(202).body("duplicate", equalTo(true)).body("ticketId", equalTo(ticket));
        awaitSearchHit(port, "Restartprobe", ticket);
    }

    private void start(String jar, Path dataDir, int port) throws IOException, InterruptedException {
        process = PackagedService.start(jar, List.of(
                "-Dquarkus.http.port=" + port,
                "-Dlotse.data-dir=" + dataDir.toAbsolutePath(),
                "-Dlotse.intake.tokens=" + TOKEN,
                "-Dlotse.admin.initial-password=" + PASSWORD,
                "-Dquarkus.mailer.port=" + PackagedService.freePort()),
                database, dataDir.resolveSibling(dataDir.getFileName() + ".log"), port);
    }

    private void stopGracefully() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    private static RequestSpecification admin(int port) {
        return given().port(port).auth().preemptive().basic("admin", PASSWORD);
    }

    private static void awaitSearchHit(int port, String word, int ticket) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            List<Integer> ids = admin(port).get("/api/tickets?q=" + word).then().statusCode(200).extract().path("items.id");
            if (ids.contains(ticket)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("ticket " + ticket + " not found by search for " + word);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
