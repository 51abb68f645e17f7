package io.lotse.intake.email.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The IMAP poller against a real IMAP server (GreenMail). The mailboxes' own workers run meanwhile (every
 * second); {@link MailboxPoller#pollOnce} waits for a round of theirs to finish and then does one more, so after
 * it everything importable is imported whoever did it.
 */
@QuarkusTest
@QuarkusTestResource(value = GreenMailImapResource.class, restrictToAnnotatedClass = true)
class MailboxPollerTest {

    private static final String IMPORTED = MailboxRound.IMPORTED_KEYWORD;

    @Inject
    MailboxPoller poller;

    @ConfigProperty(name = "quarkus.mailer.port")
    int mailerPort;

    @Test
    void deliveredMailsBecomeTicketsAndAreFlaggedSoTheNextRoundImportsNothing() {
        String tag = tag();
        List<Mail> mails = List.of(mail(tag, "eins"), mail(tag, "zwei"), mail(tag, "drei"));
        append("INBOX", mails);

        poller.pollOnce("test");

        Map<String, Flags> flags = ImapClient.flagsByMessageId(GreenMailImapResource.imapPort(), "INBOX");
        for (Mail m : mails) {
            assertThat(ticketsWithSubject(m.subject())).as(m.subject()).hasSize(1);
            assertThat(flags.get(m.messageId()).contains(Flags.Flag.SEEN)).as("\\Seen on " + m.subject()).isTrue();
            assertThat(flags.get(m.messageId()).contains(IMPORTED)).as(IMPORTED + " on " + m.subject()).isTrue();
        }
        long ticket = ticketsWithSubject(mails.get(0).subject()).get(0);
        Api.admin().get("/api/tickets/" + ticket).then().statusCode(200)
                .body("channel", equalTo("EMAIL"))
                .body("customer.email", equalTo(mails.get(0).from()));

        assertThat(poller.pollOnce("test")).as("a second round").isZero();
        for (Mail m : mails) {
            assertThat(ticketsWithSubject(m.subject())).as(m.subject()).hasSize(1);
        }
    }

    @Test
    void mailLargerThanTheIntakeLimitIsLeftInTheMailboxAndAgentsAreToldOnce() {
        String tag = tag();
        Mail big = new Mail("Riesig " + tag, "gross-" + tag + "@kunde.example", Api.uniqueMessageId(),
                "Anhang: " + "0123456789abcdef".repeat(GreenMailImapResource.MAX_MESSAGE_BYTES / 16));
        append("INBOX", List.of(big));
        try {
            poller.pollOnce("test");
            poller.pollOnce("test");

            assertThat(ticketsWithSubject(big.subject())).isEmpty();
            List<Long> placeholders = ticketsWithSubject("[too large to import] " + big.subject());
            assertThat(placeholders).as("one placeholder ticket after two rounds").hasSize(1);
            Api.admin().get("/api/tickets/" + placeholders.get(0)).then().statusCode(200)
                    .body("customer.email", org.hamcrest.Matchers.equalTo(big.from()))
                    .body("messages[0].body", org.hamcrest.Matchers.containsString("waits unchanged in imap:test"));
            Flags flags = ImapClient.flagsByMessageId(GreenMailImapResource.imapPort(), "INBOX").get(big.messageId());
            assertThat(flags.contains(IMPORTED)).isFalse();
            assertThat(flags.contains(Flags.Flag.SEEN)).isFalse();
        } finally {
            ImapClient.delete(GreenMailImapResource.imapPort(), "INBOX", big.messageId());
        }
    }

    @Test
    void moveModeMovesImportedMailIntoTheTargetFolder() {
        String tag = tag();
        List<Mail> mails = List.of(mail(tag, "a"), mail(tag, "b"));
        append(GreenMailImapResource.MOVE_FOLDER, mails);

        poller.pollOnce("moved");

        int port = GreenMailImapResource.imapPort();
        Map<String, Flags> left = ImapClient.flagsByMessageId(port, GreenMailImapResource.MOVE_FOLDER);
        Map<String, Flags> moved = ImapClient.flagsByMessageId(port, "Lotse/Imported");
        for (Mail m : mails) {
            assertThat(ticketsWithSubject(m.subject())).as(m.subject()).hasSize(1);
            assertThat(left).as("left in " + GreenMailImapResource.MOVE_FOLDER).doesNotContainKey(m.messageId());
            assertThat(moved).as("in Lotse/Imported").containsKey(m.messageId());
        }
        assertThat(poller.pollOnce("moved")).as("a second round").isZero();
    }

    @Test
    void idleImportsNewMailAtOnceWithoutWaitingForTheInterval() throws InterruptedException {
        // The mailbox "idling" has a one-minute interval: a ticket within seconds came through IMAP IDLE.
        Mail m = mail(tag(), "idle");
        append(GreenMailImapResource.IDLE_FOLDER, List.of(m));

        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ticketsWithSubject(m.subject()).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertThat(ticketsWithSubject(m.subject())).hasSize(1);
        Flags flags = ImapClient.flagsByMessageId(GreenMailImapResource.imapPort(), GreenMailImapResource.IDLE_FOLDER)
                .get(m.messageId());
        assertThat(flags.contains(IMPORTED)).isTrue();
    }

    @Test
    void outboundMailStillGoesToTheSuiteSmtpServer() {
        // Both test resources run GreenMail; only GreenMailResource's may receive what Lotse sends.
        assertThat(mailerPort).isEqualTo(GreenMailResource.greenMail().getSmtp().getPort());
        assertThat(mailerPort).isNotEqualTo(GreenMailImapResource.greenMail().getSmtp().getPort());
    }

    @Test
    void unknownMailboxNameIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> poller.pollOnce("nope"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private record Mail(String subject, String from, String messageId, String body) {
        Mail(String subject, String from, String messageId) {
            this(subject, from, messageId, "Unser Server antwortet nicht mehr. " + subject);
        }

        byte[] raw() {
            return Api.mail(from, subject, body, messageId).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Mail mail(String tag, String what) {
        return new Mail("Postfach " + what + " " + tag, Api.uniqueAddress("imap"), Api.uniqueMessageId());
    }

    private static void append(String folder, List<Mail> mails) {
        ImapClient.append(GreenMailImapResource.imapPort(), folder, mails.stream().map(Mail::raw).toList());
    }

    /** From the ticket list (the database), not the search index, which follows a moment later. */
    private static List<Long> ticketsWithSubject(String subject) {
        List<Map<String, Object>> items = Api.admin().get("/api/tickets?size=500").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(t -> subject.equals(t.get("subject")))
                .map(t -> ((Number) t.get("id")).longValue()).toList();
    }
}
