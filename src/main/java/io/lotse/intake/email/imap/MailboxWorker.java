package io.lotse.intake.email.imap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads one mailbox for as long as the service runs: connect, import, wait for new mail (IMAP IDLE, or the
 * interval), again. A broken connection is thrown away and a new one opened after a doubling pause, so the
 * worker never dies of a server that is down or a password that is wrong; it keeps saying so in the log.
 */
final class MailboxWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(MailboxWorker.class);

    private final String name;
    private final MailboxConfig.Mailbox config;
    private final MailboxRound round;
    /** Ends IDLE at least every interval, so failed messages are retried and servers' IDLE timeouts never hit. */
    private final ScheduledExecutorService kicker;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile MailboxConnection connection;

    MailboxWorker(String name, MailboxConfig.Mailbox config, MailboxRound round, ScheduledExecutorService kicker) {
        this.name = name;
        this.config = config;
        this.round = round;
        this.kicker = kicker;
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(config.interval());
        boolean announced = false;
        while (running()) {
            try {
                if (connection == null) {
                    connection = MailboxConnection.open(config);
                    if (!announced) {
                        announce(connection);
                        announced = true;
                    }
                }
                MailboxRound.Result result = round.run(connection, this::running);
                backoff.reset();
                if (!result.more()) {
                    waitForMail(connection);
                }
            } catch (MessagingException | RuntimeException e) {
                // Whatever broke, the connection is suspect: start afresh after a pause.
                closeConnection();
                if (!running()) {
                    break;
                }
                Duration pause = backoff.next();
                reportFailure(e, pause);
                pause(pause);
            }
        }
        closeConnection();
        LOG.debugf("Mailbox %s: worker stopped", name);
    }

    /** Asks the worker to finish the message at hand and stop; ends an IDLE or a pause at once. */
    void stop() {
        stopped.countDown();
        MailboxConnection c = connection;
        if (c != null) {
            c.wakeIdle();
        }
    }

    /** Last resort when {@link #stop} did not end the worker in time: closing the store ends any IDLE or read. */
    void abort() {
        stopped.countDown();
        closeConnection();
    }

    private boolean running() {
        return stopped.getCount() > 0;
    }

    private void waitForMail(MailboxConnection c) throws MessagingException {
        if (!config.idle() || !c.supportsIdle()) {
            pause(config.interval());
            return;
        }
        long every = Math.max(1000, config.interval().toMillis());
        ScheduledFuture<?> kick = kicker.scheduleWithFixedDelay(c::wakeIdle, every, every, TimeUnit.MILLISECONDS);
        try {
            // Returns on the first change the server reports (new mail) or when the kick ends the IDLE.
            c.folder().idle(true);
        } finally {
            kick.cancel(false);
        }
    }

    private void pause(Duration d) {
        try {
            stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    private void closeConnection() {
        MailboxConnection c = connection;
        connection = null;
        if (c != null) {
            c.close();
        }
    }

    private void announce(MailboxConnection c) {
        String every = readable(config.interval());
        String waiting = !config.idle() ? "polling every " + every
                : c.supportsIdle() ? "IMAP IDLE (and a round at least every " + every + ")"
                : "polling every " + every + " (the server has no IDLE)";
        LOG.infof("Mailbox %s: reading %s as %s at %s:%d, %s; imported messages are %s", name, config.folder(),
                config.username(), config.host(), config.port(), waiting,
                config.afterProcessing() == MailboxConfig.AfterProcessing.MOVE
                        ? "moved to " + config.moveTo()
                        : "flagged \\Seen and " + MailboxRound.IMPORTED_KEYWORD);
        if (config.afterProcessing() == MailboxConfig.AfterProcessing.FLAG && !c.supportsKeywords()) {
            LOG.warnf("Mailbox %s: the server keeps no keywords in %s, so Lotse marks imported messages \\Seen only "
                    + "and imports only unread ones: a message a person opens before Lotse reads it is never "
                    + "imported. Set lotse.mailbox.%s.after-processing=MOVE to avoid that.", name, config.folder(), name);
        }
    }

    private void reportFailure(Exception e, Duration pause) {
        String where = config.username() + " at " + config.host() + ":" + config.port();
        String hint = e instanceof AuthenticationFailedException
                ? "Check lotse.mailbox." + name + ".username and the password (LOTSE_MAILBOX_" + envName() + "_PASSWORD)."
                : "Check that the server is reachable and lotse.mailbox." + name + ".host/port/ssl/folder are right.";
        LOG.warnf("Mailbox %s (%s): %s. Trying again in %s. %s", name, where, describe(e), readable(pause), hint);
        LOG.debugf(e, "Mailbox %s: failure in detail", name);
    }

    /** 30s, 1m, 2h30m rather than ISO-8601's PT30S. */
    static String readable(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private String envName() {
        return name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String describe(Throwable e) {
        String own = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
        Throwable cause = e.getCause();
        return cause == null || cause == e || cause.getMessage() == null ? own : own + " (" + cause.getMessage() + ")";
    }
}
