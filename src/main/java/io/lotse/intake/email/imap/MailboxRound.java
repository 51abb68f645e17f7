package io.lotse.intake.email.imap;

import io.lotse.intake.IntakeOutcome;
import io.lotse.intake.email.OversizedMail;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.logging.Logger;

/**
 * One pass over a mailbox folder: each message not yet imported is read raw and handed to intake, and only
 * after intake has committed its ticket is the message flagged or moved. A crash in between leaves the
 * message as it was; the next round hands it over again and intake recognises the Message-ID (or the bytes),
 * so it is neither lost nor stored twice.
 *
 * <p>Keeps, for the life of its worker, which messages it has already reported as failing, so that a message
 * that fails every round is logged in full once and briefly after that.
 */
final class MailboxRound {

    private static final Logger LOG = Logger.getLogger(MailboxRound.class);

    /** The IMAP keyword that marks a message as taken into Lotse (with after-processing FLAG). */
    static final String IMPORTED_KEYWORD = "$LotseImported";

    /** What one round did. {@code more} means messages were left for the next round by the per-round cap. */
    record Result(int imported, int failed, int skipped, boolean more) {
        static final Result EMPTY = new Result(0, 0, 0, false);
    }

    private final String name;
    private final MailboxConfig.Mailbox config;
    private final Function<byte[], IntakeOutcome> intake;
    private final Function<OversizedMail, IntakeOutcome> tooLarge;
    private final long maxMessageBytes;
    private final Set<Long> reported = new HashSet<>();

    MailboxRound(String name, MailboxConfig.Mailbox config, Function<byte[], IntakeOutcome> intake,
            Function<OversizedMail, IntakeOutcome> tooLarge, long maxMessageBytes) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.tooLarge = Objects.requireNonNull(tooLarge, "tooLarge");
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * Imports what is waiting. A message that fails is left as it was and the round goes on; a broken
     * connection ends the round with the exception. Stops between messages once {@code keepGoing} says so.
     * Synchronized because the worker and {@link MailboxPoller#pollOnce} share this round: two rounds over one
     * mailbox at once would hand the same message to intake twice.
     */
    synchronized Result run(MailboxConnection connection, BooleanSupplier keepGoing) throws MessagingException {
        IMAPFolder folder = connection.folder();
        Message[] pending = folder.search(pendingTerm(connection));
        if (pending.length == 0) {
            return Result.EMPTY;
        }
        // Oldest first (the server's order), so that a follow-up comes after the mail it answers.
        Message[] batch = Arrays.copyOf(pending, Math.min(pending.length, config.maxMessagesPerRound()));
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(batch, profile);

        int imported = 0;
        int failed = 0;
        int skipped = 0;
        for (Message message : batch) {
            if (!keepGoing.getAsBoolean()) {
                break;
            }
            switch (importOne(connection, message)) {
                case IMPORTED -> imported++;
                case FAILED -> failed++;
                case SKIPPED -> skipped++;
            }
        }
        // Failures are reported one by one already; a mailbox where only a failing message waits stays quiet.
        if (imported > 0) {
            LOG.infof("Mailbox %s: %d message(s) imported, %d failed (left for the next round), %d skipped",
                    name, imported, failed, skipped);
        }
        return new Result(imported, failed, skipped, pending.length > batch.length);
    }

    private enum Fate { IMPORTED, FAILED, SKIPPED }

    private Fate importOne(MailboxConnection connection, Message message) throws MessagingException {
        long uid = connection.folder().getUID(message);
        byte[] raw;
        try {
            int size = message.getSize();
            if (size > maxMessageBytes) {
                // The HTTP intake refuses such a mail (413) and stores nothing; so does the mailbox, without
                // downloading it. It stays unflagged in the mailbox for a person to deal with, and a
                // placeholder ticket (once per message) tells agents that it is there.
                if (reported.add(uid)) {
                    LOG.warnf("Mailbox %s: message UID %d has %d bytes, more than lotse.intake.max-message-bytes (%d); "
                            + "it is left in the mailbox unimported. Handle it by hand or raise the limit.",
                            name, uid, size, maxMessageBytes);
                    try {
                        tooLarge.apply(envelope(message, uid, size));
                    } catch (RuntimeException e) {
                        reported.remove(uid); // tell agents in the next round
                        LOG.errorf(e, "Mailbox %s: no placeholder ticket for the over-large message UID %d", name, uid);
                    }
                }
                return Fate.SKIPPED;
            }
            raw = read(message, size);
        } catch (MessageRemovedException e) {
            // Someone else (a person, another client) removed it meanwhile: nothing left to import.
            return Fate.SKIPPED;
        }

        IntakeOutcome outcome;
        try {
            outcome = intake.apply(raw);
        } catch (RuntimeException e) {
            reportFailure(message, uid, raw.length, e);
            return Fate.FAILED;
        }
        // Only now, with the ticket committed, does the mailbox learn that the message is done.
        markImported(connection, message);
        reported.remove(uid);
        LOG.debugf("Mailbox %s: UID %d -> ticket %d%s", name, uid, outcome.ticketId(),
                outcome.duplicate() ? " (already stored before, now marked)" : "");
        return Fate.IMPORTED;
    }

    private OversizedMail envelope(Message message, long uid, int size) throws MessagingException {
        Address[] from = message.getFrom();
        String fromName = "";
        String fromAddress = "";
        if (from != null && from.length > 0) {
            if (from[0] instanceof InternetAddress address) {
                fromName = address.getPersonal() == null ? "" : address.getPersonal();
                fromAddress = address.getAddress() == null ? "" : address.getAddress();
            } else {
                fromAddress = from[0].toString();
            }
        }
        String[] ids = message.getHeader("Message-ID");
        Optional<String> messageId = ids == null || ids.length == 0 ? Optional.empty()
                : Optional.of(ids[0].strip().replaceAll("^<|>$", "")).filter(id -> !id.isBlank());
        return new OversizedMail("imap:" + name + " (folder " + config.folder() + ")", "UID " + uid, size, fromName,
                fromAddress, Optional.ofNullable(message.getSubject()).orElse(""), messageId);
    }

    private static byte[] read(Message message, int size) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 1024));
        try {
            message.writeTo(out);
        } catch (IOException e) {
            // Angus reports a broken connection while streaming the body as an IOException.
            throw new MessagingException("reading the message failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private void reportFailure(Message message, long uid, int bytes, RuntimeException e) {
        String messageId = messageIdOf(message);
        if (reported.add(uid)) {
            LOG.errorf(e, "Mailbox %s: message UID %d (Message-ID %s, %d bytes) could not be imported; it stays "
                    + "unmarked in the mailbox and is tried again every round. Fix the cause shown below; the "
                    + "message can also be posted by hand to /api/intake/email.", name, uid, messageId, bytes);
        } else {
            LOG.warnf("Mailbox %s: message UID %d (Message-ID %s) failed again: %s", name, uid, messageId, e.getMessage());
        }
    }

    private static String messageIdOf(Message message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return ids == null || ids.length == 0 ? "(none)" : forLog(ids[0]);
        } catch (MessagingException e) {
            return "(unknown)";
        }
    }

    /** Header values are the sender's text: no line breaks into the log, and not a screenful of it. */
    private static String forLog(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= 200 ? clean : clean.substring(0, 200) + "…";
    }

    private void markImported(MailboxConnection connection, Message message) throws MessagingException {
        if (connection.moveTarget().isPresent()) {
            move(connection, message, connection.moveTarget().get());
            return;
        }
        Flags flags = new Flags(Flags.Flag.SEEN);
        if (connection.supportsKeywords()) {
            flags.add(IMPORTED_KEYWORD);
        }
        message.setFlags(flags, true);
    }

    private static void move(MailboxConnection connection, Message message, Folder target) throws MessagingException {
        Message[] one = {message};
        if (connection.supportsMove()) {
            connection.folder().moveMessages(one, target);
            return;
        }
        // Without MOVE (RFC 6851): copy, then delete. A crash between the two leaves the original, which the
        // next round imports as a duplicate (nothing new stored) and copies again.
        connection.folder().copyMessages(one, target);
        message.setFlag(Flags.Flag.DELETED, true);
        if (connection.supportsUidPlus()) {
            // UID EXPUNGE removes just this message, never one a person marked deleted.
            connection.folder().expunge(one);
        }
    }

    /**
     * FLAG: every message without our keyword, read or not (a person may have opened it in a mail client
     * already). Servers that keep no keywords get {@code \Seen} alone, which a person reading the mailbox
     * can set too, hence the warning. MOVE: everything in the folder. Messages marked deleted are left alone.
     */
    private SearchTerm pendingTerm(MailboxConnection connection) {
        SearchTerm notDeleted = new FlagTerm(new Flags(Flags.Flag.DELETED), false);
        if (connection.moveTarget().isPresent()) {
            return notDeleted;
        }
        if (connection.supportsKeywords()) {
            return new AndTerm(new FlagTerm(new Flags(IMPORTED_KEYWORD), false), notDeleted);
        }
        return new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false), notDeleted);
    }
}
