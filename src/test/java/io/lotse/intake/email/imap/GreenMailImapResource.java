package io.lotse.intake.email.imap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * A real IMAP server (GreenMail, in-process) with one support account and three mailboxes configured on it:
 * {@code test} (INBOX, FLAG, polling), {@code moved} (folder MoveIn, MOVE) and {@code idling} (folder IdleIn,
 * IDLE with a long interval, so only IDLE can make it fast). Only the mailer's SMTP stays with
 * {@link io.lotse.support.GreenMailResource}: this resource sets no {@code quarkus.mailer.*} key.
 */
public class GreenMailImapResource implements QuarkusTestResourceLifecycleManager {

    static final String USER = "support@hoster.example";
    static final String PASSWORD = "imap-secret";
    static final String MOVE_FOLDER = "MoveIn";
    static final String IDLE_FOLDER = "IdleIn";
    /** Small, so that the test of an over-large mail need not build megabytes. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private static volatile GreenMail greenMail;

    static GreenMail greenMail() {
        return greenMail;
    }

    static int imapPort() {
        return greenMail.getImap().getPort();
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.start();
        greenMail.setUser(USER, USER, PASSWORD);
        ImapClient.createFolder(imapPort(), MOVE_FOLDER);
        ImapClient.createFolder(imapPort(), IDLE_FOLDER);

        Map<String, String> config = new HashMap<>();
        mailbox(config, "test", "INBOX", Map.of("idle", "false", "interval", "1s"));
        mailbox(config, "moved", MOVE_FOLDER, Map.of("idle", "false", "interval", "1s", "after-processing", "MOVE"));
        // A minute between rounds: a mail imported within seconds got there through IDLE.
        mailbox(config, "idling", IDLE_FOLDER, Map.of("idle", "true", "interval", "1m"));
        config.put("lotse.intake.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES));
        return config;
    }

    private static void mailbox(Map<String, String> config, String name, String folder, Map<String, String> extra) {
        String p = "lotse.mailbox." + name + ".";
        config.put(p + "host", "127.0.0.1");
        config.put(p + "port", String.valueOf(imapPort()));
        config.put(p + "ssl", "false");
        config.put(p + "username", USER);
        config.put(p + "password", PASSWORD);
        config.put(p + "folder", folder);
        extra.forEach((k, v) -> config.put(p + k, v));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
