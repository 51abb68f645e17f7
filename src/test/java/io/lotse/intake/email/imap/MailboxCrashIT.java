package io.lotse.intake.email.imap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lotse.support.Api;
import io.lotse.support.PackagedService;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.Flags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL while its poller is importing a full mailbox, starts it again on the
 * same data, and finds every mail imported exactly once and every one flagged: a message is flagged only after
 * its ticket is committed, and one that was committed but not yet flagged is recognised by its Message-ID.
 */
class MailboxCrashIT {

    /**
     * Enough for several rounds on each side of the kill. Intake takes about 0.12 s a mail on a two-core
     * machine, so this keeps the whole test, two starts of the service included, under a minute.
     */
    private static final int MAILS = 150;
    private static final String PASSWORD = "crash-admin-password";
    /** SIGKILL as the exit status the JDK reports on Linux: 128 + 9. */
    private static final int KILLED = 137;

    private GreenMail greenMail;
    private Process process;
    /** One per test: JUnit makes a new instance for every test method. */
    private final Map<String, String> database = PackagedService.ownDatabase();

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void killedWhileImportingLosesNoMailAndStoresNoneTwice() throws Exception {
        String jar = System.getProperty("lotse.app.jar");
        Assumptions.assumeTrue(jar != null && Files.exists(Path.of(jar)), "packaged jar not found: " + jar);
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        greenMail.setUser(GreenMailImapResource.USER, GreenMailImapResource.USER, GreenMailImapResource.PASSWORD);
        int imapPort = greenMail.getImap().getPort();

        Set<String> subjects = new HashSet<>();
        List<byte[]> raws = new ArrayList<>();
        for (int i = 1; i <= MAILS; i++) {
            String subject = String.format("Absturzprobe %03d", i);
            subjects.add(subject);
            raws.add(Api.mail("kunde-" + i + "@crash.example", subject, "Server weg? Mail Nummer " + i,
                    "crash-" + i + "@crash.example").getBytes(StandardCharsets.UTF_8));
        }
        ImapClient.append(imapPort, "INBOX", raws);

        Path dataDir = Files.createTempDirectory("lotse-mailbox-crash");
        int port = PackagedService.freePort();
        start(jar, dataDir, port, imapPort, "first");
        long beforeKill = awaitTickets(port, n -> n >= 20, Duration.ofSeconds(30));
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("killed with SIGKILL").isEqualTo(KILLED);
        long flaggedAtKill = flagged(imapPort);
        assertThat(beforeKill).as("the kill must come while the poller is still at work").isLessThan(MAILS);

        start(jar, dataDir, port, imapPort, "second");
        awaitTickets(port, n -> n >= MAILS, Duration.ofSeconds(40));
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (flagged(imapPort) < MAILS && System.nanoTime() < end) {
            Thread.sleep(200);
        }

        List<String> stored = admin(port).get("/api/tickets?size=500").then().statusCode(200)
                .extract().path("items.subject");
        Set<String> distinct = new HashSet<>(stored);
        System.out.printf("MailboxCrashIT: %d tickets seen before the kill (%d mails flagged at the kill), "
                + "%d tickets after the restart, %d duplicates%n", beforeKill, flaggedAtKill, stored.size(),
                stored.size() - distinct.size());
        assertThat(stored).as("one ticket per mail").hasSize(MAILS);
        assertThat(distinct).as("every mail, each once").isEqualTo(subjects);
        assertThat(flagged(imapPort)).as("every mail flagged").isEqualTo(MAILS);
    }

    private long flagged(int imapPort) {
        Map<String, Flags> flags = ImapClient.flagsByMessageId(imapPort, "INBOX");
        return flags.values().stream().filter(f -> f.contains(MailboxRound.IMPORTED_KEYWORD)).count();
    }

    private void start(String jar, Path dataDir, int port, int imapPort, String run) throws Exception {
        String mailbox = "-Dlotse.mailbox.crash.";
        List<String> options = List.of(
                "-Dquarkus.http.port=" + port,
                "-Dlotse.data-dir=" + dataDir.toAbsolutePath(),
                "-Dlotse.intake.tokens=crash-token",
                "-Dlotse.admin.initial-password=" + PASSWORD,
                "-Dquarkus.mailer.port=" + PackagedService.freePort(),
                mailbox + "host=127.0.0.1",
                mailbox + "port=" + imapPort,
                mailbox + "ssl=false",
                mailbox + "username=" + GreenMailImapResource.USER,
                mailbox + "interval=1s",
                mailbox + "idle=false",
                // Small rounds, so that the kill is likely to fall between a commit and its flag.
                mailbox + "max-messages-per-round=25");
        // The password the documented way: from the environment only.
        Map<String, String> environment = new java.util.HashMap<>(database);
        environment.put("LOTSE_MAILBOX_CRASH_PASSWORD", GreenMailImapResource.PASSWORD);
        process = PackagedService.start(jar, options, environment,
                dataDir.resolveSibling(dataDir.getFileName() + "-" + run + ".log"), port);
    }

    /** Polls the ticket count until it satisfies {@code done}; returns the count then. */
    private static long awaitTickets(int port, LongPredicate done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        long total = 0;
        while (System.nanoTime() < end) {
            total = admin(port).get("/api/tickets?size=1").then().statusCode(200)
                    .extract().<Number>path("total").longValue();
            if (done.test(total)) {
                return total;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("ticket count still " + total + " after " + timeout);
    }

    private static RequestSpecification admin(int port) {
        return given().port(port).auth().preemptive().basic("admin", PASSWORD);
    }
}
