package io.lotse.intake.email.imap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.Map;

/**
 * The support mailboxes Lotse reads over IMAP, each under its own name:
 *
 * <pre>
 * lotse.mailbox.support.host=imap.example.com
 * lotse.mailbox.support.username=support@example.com
 * # the password only from the environment: LOTSE_MAILBOX_SUPPORT_PASSWORD=...
 * </pre>
 *
 * No mailbox configured means no polling at all. Every key below is per mailbox,
 * {@code lotse.mailbox.<name>.<key>}.
 */
@ConfigMapping(prefix = "lotse.mailbox")
public interface MailboxConfig {

    /** The mailboxes by name; the name only appears in keys, thread names and log lines. */
    @WithParentName
    Map<String, Mailbox> mailboxes();

    /** What happens to a message in the mailbox once its ticket is committed. */
    enum AfterProcessing {
        /**
         * Mark it {@code \Seen} and with the keyword {@value MailboxRound#IMPORTED_KEYWORD}; it stays where it
         * is. Messages without the keyword are imported, also ones a person already read in a mail client.
         */
        FLAG,
        /** Move it to {@code move-to}. Every message left in the folder is imported. */
        MOVE
    }

    /** One IMAP mailbox. */
    interface Mailbox {

        /** {@code host}: the IMAP server. Required. */
        String host();

        /** {@code port}: 993 is IMAPS; plain IMAP is usually 143. */
        @WithDefault("993")
        int port();

        /**
         * {@code ssl}: IMAP over TLS (IMAPS) with the server's certificate and host name checked. {@code false}
         * talks plain text, meant for a server on the same host or in tests only.
         */
        @WithDefault("true")
        boolean ssl();

        /** {@code username}: the login. Required. */
        String username();

        /**
         * {@code password}: required; set it in the environment only, e.g. {@code LOTSE_MAILBOX_SUPPORT_PASSWORD}
         * for the mailbox {@code support} (its {@code host} in application.properties lets the variable be
         * matched to the mailbox).
         */
        String password();

        /** {@code folder}: the folder read. */
        @WithDefault("INBOX")
        String folder();

        /** {@code after-processing}: FLAG or MOVE, see {@link AfterProcessing}. */
        @WithDefault("FLAG")
        AfterProcessing afterProcessing();

        /**
         * {@code move-to}: the folder imported messages are moved to with MOVE; created when missing. A
         * {@code /} separates levels whatever separator the server uses.
         */
        @WithDefault("Lotse/Imported")
        String moveTo();

        /**
         * {@code interval}: the pause between rounds when polling. With IDLE, new mail is read at once and a
         * round also runs at least this often, so that a message whose import failed is tried again.
         */
        @WithDefault("30s")
        Duration interval();

        /** {@code idle}: wait with IMAP IDLE where the server supports it; otherwise poll every interval. */
        @WithDefault("true")
        boolean idle();

        /** {@code enabled}: {@code false} keeps the configuration but does not read the mailbox. */
        @WithDefault("true")
        boolean enabled();

        /**
         * {@code max-messages-per-round}: the oldest this many are read in one round; the rest follow in the next
         * rounds, which start at once while messages are left. Bounds a round's time after a long outage.
         */
        @WithDefault("200")
        int maxMessagesPerRound();
    }
}
