package io.lotse.intake.email.imap;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * One logged-in IMAP connection with the mailbox's folder open for writing (and, for MOVE, the target folder
 * looked up, created when missing). Closing it closes the store; a connection that failed is thrown away and
 * a new one opened, never repaired.
 */
final class MailboxConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailboxConnection.class);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Reads longer than the longest IDLE we wait for (an interval) plus a margin count as a dead connection. */
    private static final Duration READ_MARGIN = Duration.ofSeconds(60);
    /** Angus fetches message bodies in 16 KiB pieces by default, one round trip each; mails are larger. */
    private static final int FETCH_SIZE = 1024 * 1024;

    private final Store store;
    private final IMAPFolder folder;
    private final Optional<Folder> moveTarget;
    private final boolean idle;
    private final boolean move;
    private final boolean uidPlus;
    private final boolean keywords;

    private MailboxConnection(Store store, IMAPFolder folder, Optional<Folder> moveTarget) throws MessagingException {
        this.store = store;
        this.folder = folder;
        this.moveTarget = moveTarget;
        IMAPStore imap = (IMAPStore) store;
        this.idle = imap.hasCapability("IDLE");
        this.move = imap.hasCapability("MOVE");
        this.uidPlus = imap.hasCapability("UIDPLUS");
        Flags permanent = folder.getPermanentFlags();
        this.keywords = permanent != null && permanent.contains(Flags.Flag.USER);
    }

    static MailboxConnection open(MailboxConfig.Mailbox config) throws MessagingException {
        String protocol = config.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(properties(config, protocol));
        Store store = session.getStore(protocol);
        store.connect(config.host(), config.port(), config.username(), config.password());
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            Optional<Folder> target = config.afterProcessing() == MailboxConfig.AfterProcessing.MOVE
                    ? Optional.of(moveTarget(store, config.moveTo()))
                    : Optional.empty();
            return new MailboxConnection(store, folder, target);
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
    }

    private static Properties properties(MailboxConfig.Mailbox config, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put(p + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        props.put(p + "timeout", String.valueOf(config.interval().plus(READ_MARGIN).toMillis()));
        // Fetch with BODY.PEEK: a message whose import fails must not look read to the people using the mailbox.
        props.put(p + "peek", "true");
        props.put(p + "fetchsize", String.valueOf(FETCH_SIZE));
        if (config.ssl()) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** {@code /} in the configured name stands for the server's separator, which may be {@code .}. */
    private static Folder moveTarget(Store store, String name) throws MessagingException {
        char separator = store.getDefaultFolder().getSeparator();
        Folder target = store.getFolder(name.replace('/', separator));
        if (!target.exists()) {
            if (!target.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("cannot create folder " + name + " for moving imported messages");
            }
            LOG.infof("Created IMAP folder %s for imported messages", name);
        }
        return target;
    }

    IMAPFolder folder() {
        return folder;
    }

    /** Present with after-processing MOVE. */
    Optional<Folder> moveTarget() {
        return moveTarget;
    }

    boolean supportsIdle() {
        return idle;
    }

    boolean supportsMove() {
        return move;
    }

    boolean supportsUidPlus() {
        return uidPlus;
    }

    /** Whether the folder stores keywords such as {@value MailboxRound#IMPORTED_KEYWORD} permanently. */
    boolean supportsKeywords() {
        return keywords;
    }

    boolean isOpen() {
        return store.isConnected() && folder.isOpen();
    }

    /**
     * Ends an IDLE in progress on another thread: Angus finishes the IDLE before any other command on the
     * folder, and a NOOP is the cheapest such command. Safe to call when no IDLE is running.
     */
    void wakeIdle() {
        try {
            folder.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // The connection is broken or closing; the worker notices that itself and reconnects.
            LOG.debugf("Waking IDLE failed: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        closeQuietly(store);
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("Closing IMAP store: %s", e.getMessage());
        }
    }
}
