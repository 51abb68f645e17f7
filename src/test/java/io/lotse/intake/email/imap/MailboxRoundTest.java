package io.lotse.intake.email.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lotse.intake.IntakeOutcome;
import io.lotse.support.Api;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One {@link MailboxRound} against a real IMAP server (GreenMail, in-process), with intake replaced by a
 * function that fails for one chosen message: no Quarkus, no database. Covers the failure path: the message
 * whose intake throws is left exactly as it was (unmarked, unread) while the others are imported, and only it
 * is handed over again in the next round.
 */
class MailboxRoundTest {

    private static final String IMPORTED = MailboxRound.IMPORTED_KEYWORD;
    private static final String MOVE_FOLDER = "MoveIn";
    private static final String MOVE_TO = "Lotse/Imported";
    private static final long MAX_MESSAGE_BYTES = 64 * 1024;
    private static final java.util.function.Function<io.lotse.intake.email.OversizedMail, IntakeOutcome> NOTHING_TOO_LARGE =
            mail -> {
                throw new AssertionError("no mail in these tests is larger than the limit: " + mail);
            };

    /** Subjects starting with this make intake throw while {@link #failing} is set. */
    private static final String BROKEN = "Kaputt";

    private GreenMail greenMail;
    private int port;

    private final AtomicBoolean failing = new AtomicBoolean(true);
    /** The subjects handed to intake, in order, by every round so far; cleared by {@link #run}. */
    private final List<String> handedOver = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong();

    /** What the poller's intake seam gets: raw bytes in, an outcome out, an exception when storing fails. */
    private final Function<byte[], IntakeOutcome> intake = raw -> {
        String subject = subjectOf(raw);
        handedOver.add(subject);
        if (failing.get() && subject.startsWith(BROKEN)) {
            throw new IllegalStateException("intake failed for " + subject);
        }
        long id = ids.incrementAndGet();
        return new IntakeOutcome(id, id, true, false,
                new IntakeOutcome.Triage("UNRELATED", null, 0.0, List.of(), false, false),
                Optional.empty(), Optional.empty());
    };

    @BeforeEach
    void startImap() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        greenMail.start();
        greenMail.setUser(GreenMailImapResource.USER, GreenMailImapResource.USER, GreenMailImapResource.PASSWORD);
        port = greenMail.getImap().getPort();
        ImapClient.createFolder(port, MOVE_FOLDER);
    }

    @AfterEach
    void stopImap() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void messageWhoseIntakeFailsStaysUnflaggedAndTheOthersAreImported() throws MessagingException {
        Mail before = mail("Postfach vorher");
        Mail broken = mail(BROKEN + " Postfach");
        Mail after = mail("Postfach nachher");
        ImapClient.append(port, "INBOX", raws(before, broken, after));
        Mailbox config = new Mailbox("INBOX", MailboxConfig.AfterProcessing.FLAG);
        MailboxRound round = new MailboxRound("test", config, intake, NOTHING_TOO_LARGE, MAX_MESSAGE_BYTES);

        try (MailboxConnection connection = MailboxConnection.open(config)) {
            assertThat(connection.supportsKeywords()).as("GreenMail keeps keywords").isTrue();

            assertThat(run(round, connection)).isEqualTo(new MailboxRound.Result(2, 1, 0, false));
            assertThat(handedOver).containsExactly(before.subject(), broken.subject(), after.subject());
            Map<String, Flags> flags = ImapClient.flagsByMessageId(port, "INBOX");
            assertUntouched(flags.get(broken.messageId()));
            for (Mail m : List.of(before, after)) {
                assertThat(flags.get(m.messageId()).contains(IMPORTED)).as(IMPORTED + " on " + m.subject()).isTrue();
                assertThat(flags.get(m.messageId()).contains(Flags.Flag.SEEN)).as("\\Seen on " + m.subject()).isTrue();
            }

            // The next round hands over the failing message alone, and it fails again.
            assertThat(run(round, connection)).isEqualTo(new MailboxRound.Result(0, 1, 0, false));
            assertThat(handedOver).containsExactly(broken.subject());
            assertUntouched(ImapClient.flagsByMessageId(port, "INBOX").get(broken.messageId()));

            // Once intake works again, it is imported and marked like the others.
            failing.set(false);
            assertThat(run(round, connection)).isEqualTo(new MailboxRound.Result(1, 0, 0, false));
            assertThat(handedOver).containsExactly(broken.subject());
            Flags now = ImapClient.flagsByMessageId(port, "INBOX").get(broken.messageId());
            assertThat(now.contains(IMPORTED)).isTrue();
            assertThat(now.contains(Flags.Flag.SEEN)).isTrue();

            assertThat(run(round, connection)).as("nothing left").isEqualTo(MailboxRound.Result.EMPTY);
            assertThat(handedOver).isEmpty();
        }
    }

    @Test
    void withMoveAFailingMessageStaysInTheFolderUnreadAndTheOthersAreMoved() throws MessagingException {
        Mail before = mail("Verschieben vorher");
        Mail broken = mail(BROKEN + " Verschieben");
        Mail after = mail("Verschieben nachher");
        ImapClient.append(port, MOVE_FOLDER, raws(before, broken, after));
        Mailbox config = new Mailbox(MOVE_FOLDER, MailboxConfig.AfterProcessing.MOVE);
        MailboxRound round = new MailboxRound("moved", config, intake, NOTHING_TOO_LARGE, MAX_MESSAGE_BYTES);

        try (MailboxConnection connection = MailboxConnection.open(config)) {
            assertThat(run(round, connection)).isEqualTo(new MailboxRound.Result(2, 1, 0, false));
            Map<String, Flags> left = ImapClient.flagsByMessageId(port, MOVE_FOLDER);
            Map<String, Flags> moved = ImapClient.flagsByMessageId(port, MOVE_TO);
            assertThat(left).containsOnlyKeys(broken.messageId());
            assertUntouched(left.get(broken.messageId()));
            assertThat(moved).containsOnlyKeys(before.messageId(), after.messageId());

            assertThat(run(round, connection)).isEqualTo(new MailboxRound.Result(0, 1, 0, false));
            assertThat(handedOver).containsExactly(broken.subject());
            assertThat(ImapClient.flagsByMessageId(port, MOVE_FOLDER)).containsOnlyKeys(broken.messageId());

            failing.set(false);
            assertThat(run(round, connection)).isEqualTo(new MailboxRound.Result(1, 0, 0, false));
            assertThat(handedOver).containsExactly(broken.subject());
            assertThat(ImapClient.flagsByMessageId(port, MOVE_FOLDER)).isEmpty();
            assertThat(ImapClient.flagsByMessageId(port, MOVE_TO))
                    .containsOnlyKeys(before.messageId(), broken.messageId(), after.messageId());
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** One round as the worker runs it; {@link #handedOver} then holds just this round's messages. */
    private MailboxRound.Result run(MailboxRound round, MailboxConnection connection) throws MessagingException {
        handedOver.clear();
        return round.run(connection, () -> true);
    }

    private static void assertUntouched(Flags flags) {
        assertThat(flags).as("the failing message is still in the folder").isNotNull();
        assertThat(flags.contains(IMPORTED)).as(IMPORTED + " on the failing message").isFalse();
        assertThat(flags.contains(Flags.Flag.SEEN)).as("the failing message still unread for people").isFalse();
    }

    private static String subjectOf(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)).getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Mail(String subject, String messageId) {
        byte[] raw() {
            return Api.mail(Api.uniqueAddress("imap"), subject, "Unser Server antwortet nicht mehr. " + subject,
                    messageId).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static Mail mail(String subject) {
        return new Mail(subject, Api.uniqueMessageId());
    }

    private static List<byte[]> raws(Mail... mails) {
        return List.of(mails).stream().map(Mail::raw).toList();
    }

    /** The configuration a mailbox on the test server gets; plain IMAP, no IDLE (a round is run by hand). */
    private final class Mailbox implements MailboxConfig.Mailbox {
        private final String folder;
        private final MailboxConfig.AfterProcessing afterProcessing;

        Mailbox(String folder, MailboxConfig.AfterProcessing afterProcessing) {
            this.folder = folder;
            this.afterProcessing = afterProcessing;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public boolean ssl() {
            return false;
        }

        @Override
        public String username() {
            return GreenMailImapResource.USER;
        }

        @Override
        public String password() {
            return GreenMailImapResource.PASSWORD;
        }

        @Override
        public String folder() {
            return folder;
        }

        @Override
        public MailboxConfig.AfterProcessing afterProcessing() {
            return afterProcessing;
        }

        @Override
        public String moveTo() {
            return MOVE_TO;
        }

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public boolean idle() {
            return false;
        }

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public int maxMessagesPerRound() {
            return 200;
        }
    }
}
