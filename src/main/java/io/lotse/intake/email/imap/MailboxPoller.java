package io.lotse.intake.email.imap;

import io.lotse.intake.IntakeConfig;
import io.lotse.intake.email.EmailIntake;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes mail from the configured IMAP mailboxes ({@link MailboxConfig}) into Lotse through {@link EmailIntake},
 * one worker thread per enabled mailbox. A message is flagged or moved only after its ticket is committed, and
 * intake recognises a message it has seen, so a crash at any point loses no message and stores none twice.
 */
@ApplicationScoped
public class MailboxPoller {

    private static final Logger LOG = Logger.getLogger(MailboxPoller.class);
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final MailboxConfig config;
    private final EmailIntake intake;
    private final IntakeConfig intakeConfig;
    private final Map<String, MailboxRound> rounds = new LinkedHashMap<>();
    private final List<MailboxWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService kicker;

    MailboxPoller(MailboxConfig config, EmailIntake intake, IntakeConfig intakeConfig) {
        this.config = config;
        this.intake = intake;
        this.intakeConfig = intakeConfig;
    }

    synchronized void start(@Observes StartupEvent ignored) {
        if (config.mailboxes().isEmpty()) {
            LOG.debug("No mailboxes configured (lotse.mailbox.<name>.*); mail comes in over HTTP only");
            return;
        }
        long maxBytes = intakeConfig.maxMessageBytes().asLongValue();
        config.mailboxes().forEach((name, mailbox) -> rounds.put(name,
                new MailboxRound(name, mailbox, raw -> intake.receive(raw, "imap:" + name), intake::tooLarge, maxBytes)));
        kicker = Executors.newSingleThreadScheduledExecutor(daemon("lotse-mailbox-idle-kicker"));
        rounds.forEach((name, round) -> {
            MailboxConfig.Mailbox mailbox = config.mailboxes().get(name);
            if (!mailbox.enabled()) {
                LOG.infof("Mailbox %s is configured but disabled (lotse.mailbox.%s.enabled=false)", name, name);
                return;
            }
            MailboxWorker worker = new MailboxWorker(name, mailbox, round, kicker);
            // Platform threads, not virtual ones: Angus Mail blocks inside synchronized blocks (a whole IDLE),
            // which on Java 21 would pin a carrier thread for as long.
            Thread thread = daemon("lotse-mailbox-" + name).newThread(worker);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        });
    }

    synchronized void stop(@Observes ShutdownEvent ignored) {
        workers.forEach(MailboxWorker::stop);
        for (int i = 0; i < threads.size(); i++) {
            try {
                threads.get(i).join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (threads.get(i).isAlive()) {
                workers.get(i).abort();
            }
        }
        workers.clear();
        threads.clear();
        if (kicker != null) {
            kicker.shutdownNow();
            try {
                kicker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs one round over the named mailbox now, on a connection of its own (also for a disabled mailbox), and
     * returns how many messages it took from the mailbox. Waits while the worker is in a round of its own.
     *
     * @throws IllegalArgumentException no such mailbox is configured
     * @throws IllegalStateException the mailbox cannot be read
     */
    public int pollOnce(String mailboxName) {
        MailboxRound round;
        synchronized (this) {
            round = rounds.get(mailboxName);
        }
        if (round == null) {
            throw new IllegalArgumentException("no mailbox " + mailboxName + " is configured (lotse.mailbox."
                    + mailboxName + ".*)");
        }
        try (MailboxConnection connection = MailboxConnection.open(config.mailboxes().get(mailboxName))) {
            return round.run(connection, () -> true).imported();
        } catch (MessagingException e) {
            throw new IllegalStateException("mailbox " + mailboxName + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        };
    }
}
