package io.lotse.reply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lotse.support.Api;
import io.lotse.support.PackagedService;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL while it is sending a status update to 50 customers, starts it
 * again on the same data, and finds that every customer got exactly one automatic answer and one update.
 *
 * <p>Mail reaches GreenMail through a small proxy that holds back each SMTP reply for a moment, as a
 * busy relay does, so that the fan-out takes a few seconds and the kill reliably lands in the middle of it.
 *
 * <p>Delivery is at least once: a mail whose SMTP transfer completed but whose SENT mark was lost in the kill
 * stays claimed (SENDING) and is sent again after {@code lotse.reply.claim-timeout}, with the same
 * Message-ID. Receivers deduplicate on it, so "exactly one" is counted by distinct Message-ID; the raw
 * duplicates are printed. The kill usually lands in exactly that window: GreenMail stores a mail before its
 * final "250", which the proxy holds back, and the test kills as soon as the third update has arrived, so the
 * re-claim after the claim timeout is exercised too (typically 1 raw duplicate).
 */
class FanOutCrashIT {

    private static final int CUSTOMERS = 50;
    private static final String PASSWORD = "fanout-admin-password";
    private static final String TOKEN = "fanout-token";
    /** SIGKILL as the exit status the JDK reports on Linux: 128 + 9. */
    private static final int KILLED = 137;
    /** How long the proxy holds back each reply of the SMTP server: about 4 replies per mail. */
    private static final long REPLY_DELAY_MS = 30;

    private GreenMail greenMail;
    private SlowProxy proxy;
    private Process process;
    /** One per test: JUnit makes a new instance for every test method. */
    private final Map<String, String> database = PackagedService.ownDatabase();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (proxy != null) {
            proxy.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void killedDuringFanOutEveryCustomerGetsOneAnswerAndOneUpdate() throws Exception {
        String jar = System.getProperty("lotse.app.jar");
        Assumptions.assumeTrue(jar != null && Files.exists(Path.of(jar)), "packaged jar not found: " + jar);
        long testStart = System.nanoTime();
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        proxy = new SlowProxy(greenMail.getSmtp().getPort(), REPLY_DELAY_MS);

        Path dataDir = Files.createTempDirectory("lotse-fanout-crash");
        int port = PackagedService.freePort();
        start(jar, dataDir, port, "first");
        long startedFirst = System.nanoTime();

        long incident = admin(port).contentType(ContentType.JSON)
                .body(Map.of("title", "Stromausfall im Rechenzentrum Leipzig: Webhosting nicht erreichbar",
                        "description", "Seit 14:44 ist das Rechenzentrum Leipzig ohne Strom. Webseiten, Shops und "
                                + "Webhosting-Pakete sind nicht erreichbar.",
                        "components", List.of("Webhosting"),
                        "statusPageUrl", "https://status.hoster.example/incidents/fanout"))
                .post("/api/incidents").then().statusCode(201).extract().<Integer>path("id").longValue();
        Map<String, Integer> ticketOf = new LinkedHashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "kunde-" + i + "@fanout.example";
            String[] m = SmtpOutageTest.OUTAGE_MAILS[i % SmtpOutageTest.OUTAGE_MAILS.length];
            String raw = Api.mail("Kunde " + i + " <" + customer + ">", m[0], m[1], "fanout-" + i + "@fanout.example");
            JsonPath answer = given().port(port).header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822")
                    .body(raw.getBytes(StandardCharsets.UTF_8)).post("/api/intake/email")
                    .then().statusCode(202).extract().jsonPath();
            assertThat(answer.getString("triage.decision")).as("mail " + i).isEqualTo("AUTO_LINKED");
            assertThat(answer.getBoolean("triage.autoReply")).as("mail " + i).isTrue();
            ticketOf.put(customer, answer.getInt("ticketId"));
        }
        long posted = System.nanoTime();
        // The answers are on their way; the update's mails are queued behind them and go out one by one.
        admin(port).contentType(ContentType.JSON)
                .body(Map.of("status", "IDENTIFIED", "message", "Die Notstromversorgung läuft an.", "notifyLinked", true))
                .post("/api/incidents/" + incident + "/updates").then().statusCode(201);
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (receivedOfKind("auto-generated") < 3 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed with SIGKILL").isEqualTo(KILLED);
        Thread.sleep(300); // a transfer cut off by the kill is not a mail; let GreenMail settle
        int answersAtKill = receivedOfKind("auto-replied");
        int updatesAtKill = receivedOfKind("auto-generated");
        assertThat(updatesAtKill).as("the kill must come while the update is being sent").isBetween(1, CUSTOMERS - 1);

        long killedAt = System.nanoTime();
        start(jar, dataDir, port, "second");
        long restartedAt = System.nanoTime();
        Map<String, Long> statesAfterRestart = updateStates(port, incident);
        // Done when every customer has both mails and the outbox holds nothing more: a claim lost in the kill
        // is sent again (with the same Message-ID) only after the claim timeout.
        long done = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < done && !(allReceived(ticketOf.keySet())
                && updateStates(port, incident).getOrDefault("SENT", 0L) == CUSTOMERS
                && statesOfAnswers(port, ticketOf).getOrDefault("SENT", 0L) == CUSTOMERS)) {
            Thread.sleep(250);
        }
        long drainedAfter = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();

        List<String> wrong = new ArrayList<>();
        int raw = 0;
        int rawDuplicates = 0;
        for (Map.Entry<String, Integer> e : ticketOf.entrySet()) {
            List<MimeMessage> got = receivedBy(e.getKey());
            raw += got.size();
            Map<String, String> kindById = new HashMap<>();
            for (MimeMessage m : got) {
                if (kindById.put(messageId(m), header(m, "Auto-Submitted")) != null) {
                    rawDuplicates++;
                }
            }
            long answers = kindById.values().stream().filter("auto-replied"::equals).count();
            long updates = kindById.values().stream().filter("auto-generated"::equals).count();
            if (kindById.size() != 2 || answers != 1 || updates != 1) {
                wrong.add(e.getKey() + " (ticket " + e.getValue() + "): " + got.size() + " mails, " + kindById.size()
                        + " Message-IDs, " + answers + " answers, " + updates + " updates");
            }
        }
        Map<String, Long> answerStates = statesOfAnswers(port, ticketOf);
        Map<String, Long> finalStates = updateStates(port, incident);
        System.out.printf("FanOutCrashIT: killed after %d of %d answers and %d of %d updates had arrived; update states "
                + "after the restart %s; all delivered %d ms after the restart; %d mails received, %d distinct, "
                + "%d raw duplicates (same Message-ID sent again: the at-least-once window); answers %s, updates %s; "
                + "took %d s (first start %d s, 50 mails %d s, update to kill %d s, second start %d s)%n",
                answersAtKill, CUSTOMERS, updatesAtKill, CUSTOMERS, statesAfterRestart, drainedAfter, raw,
                raw - rawDuplicates, rawDuplicates, answerStates, finalStates, seconds(testStart, System.nanoTime()),
                seconds(testStart, startedFirst), seconds(startedFirst, posted), seconds(posted, killedAt),
                seconds(killedAt, restartedAt));
        assertThat(wrong).as("customers without exactly one answer and one update (by Message-ID)").isEmpty();
        assertThat(answerStates).as("every answer marked SENT").isEqualTo(Map.of("SENT", (long) CUSTOMERS));
        assertThat(finalStates).as("every update marked SENT").isEqualTo(Map.of("SENT", (long) CUSTOMERS));
        assertThat(admin(port).get("/api/incidents/" + incident + "/notifications").then().statusCode(200)
                .extract().<Integer>path("[0].recipients")).isEqualTo(CUSTOMERS);
    }

    private static long seconds(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toSeconds();
    }

    private int receivedOfKind(String autoSubmitted) {
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (autoSubmitted.equals(header(m, "Auto-Submitted"))) {
                ids.add(messageId(m));
            }
        }
        return ids.size();
    }

    private boolean allReceived(Set<String> customers) {
        Map<String, Set<String>> kinds = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            kinds.computeIfAbsent(recipient(m), k -> new HashSet<>()).add(header(m, "Auto-Submitted"));
        }
        return customers.stream().allMatch(c -> kinds.getOrDefault(c, Set.of())
                .containsAll(Set.of("auto-replied", "auto-generated")));
    }

    private List<MimeMessage> receivedBy(String customer) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> customer.equals(recipient(m))).toList();
    }

    /** Delivery state of each customer's update, counted. */
    private static Map<String, Long> updateStates(int port, long incident) {
        List<Map<String, Object>> reports = admin(port).get("/api/incidents/" + incident + "/notifications").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Long> states = new java.util.TreeMap<>();
        for (Map<String, Object> report : reports) {
            @SuppressWarnings("unchecked")
            Map<String, Number> byState = (Map<String, Number>) report.get("byState");
            byState.forEach((k, v) -> states.merge(k, v.longValue(), Long::sum));
        }
        return states;
    }

    /** Delivery state of each customer's automatic answer, counted. */
    private static Map<String, Long> statesOfAnswers(int port, Map<String, Integer> ticketOf) {
        Map<String, Long> states = new java.util.TreeMap<>();
        for (int ticket : ticketOf.values()) {
            List<String> answers = admin(port).get("/api/tickets/" + ticket).then().statusCode(200).extract()
                    .jsonPath().getList("messages.findAll { it.kind == 'AUTO_REPLY' }.deliveryState");
            answers.forEach(s -> states.merge(s, 1L, Long::sum));
        }
        return states;
    }

    private void start(String jar, Path dataDir, int port, String run) throws Exception {
        List<String> options = List.of(
                "-Dquarkus.http.port=" + port,
                "-Dlotse.data-dir=" + dataDir.toAbsolutePath(),
                "-Dlotse.intake.tokens=" + TOKEN,
                "-Dlotse.admin.initial-password=" + PASSWORD,
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + proxy.port(),
                // A claim lost in the crash is taken up again quickly.
                "-Dlotse.reply.claim-timeout=5s",
                "-Dlotse.reply.send-timeout=4s",
                "-Dlotse.reply.send-interval=1s",
                "-Dlotse.reply.first-retry-delay=1s",
                // Cheap password hashes: every Basic-auth call pays one, and the test polls.
                "-Dlotse.security.bcrypt-cost=4");
        process = PackagedService.start(jar, options, database,
                dataDir.resolveSibling(dataDir.getFileName() + "-" + run + ".log"), port);
    }

    private static RequestSpecification admin(int port) {
        return given().port(port).auth().preemptive().basic("admin", PASSWORD);
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            var to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return to == null || to.length == 0 ? ""
                    : ((jakarta.mail.internet.InternetAddress) to[0]).getAddress().toLowerCase(java.util.Locale.ROOT);
        } catch (MessagingException e) {
            return "";
        }
    }

    /** A TCP relay to the SMTP server that holds back everything the server says by a fixed delay. */
    static final class SlowProxy implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final long delayMs;
        private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

        SlowProxy(int target, long delayMs) throws IOException {
            this.target = target;
            this.delayMs = delayMs;
            this.server = new ServerSocket();
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread accept = new Thread(this::acceptLoop, "smtp-proxy-accept");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket("127.0.0.1", target);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream, 0, "smtp-proxy-up");
                    pump(upstream, client, delayMs, "smtp-proxy-down");
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void pump(Socket from, Socket to, long delay, String name) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (delay > 0) {
                            Thread.sleep(delay);
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // one side went away (the service was killed): close both
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, name);
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() {
            closeQuietly(server);
            synchronized (sockets) {
                sockets.forEach(SlowProxy::closeQuietly);
            }
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed
            }
        }
    }
}
