package io.lotse.reply;

import io.lotse.ticket.Customer;
import io.lotse.ticket.DeliveryState;
import io.lotse.ticket.Message;
import io.lotse.ticket.MessageKind;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers queued mail over SMTP. Each message is claimed with a conditional update before it is sent,
 * so several replicas never send the same one; a failure is retried with a doubling pause and finally
 * recorded as FAILED with its reason. A claim left behind by a crash is taken up again after
 * {@code lotse.reply.claim-timeout}.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final int BATCH = 50;

    /** Internal: asks for a sending round off the committing thread. */
    record Wake() {
    }

    private final ReactiveMailer mailer;
    private final LiveNotices notices;
    private final ReplyComposer composer;
    private final ReplyConfig config;
    private final Clock clock;
    private final Event<Wake> wake;
    private final AtomicBoolean running = new AtomicBoolean();

    OutboxSender(ReactiveMailer mailer, ReplyConfig config, Clock clock, Event<Wake> wake, LiveNotices notices,
            ReplyComposer composer) {
        this.notices = notices;
        this.composer = composer;
        if (config.claimTimeout().compareTo(config.sendTimeout()) <= 0) {
            // Otherwise a replica could take over a mail another replica is still sending, and send it twice.
            throw new IllegalArgumentException("lotse.reply.claim-timeout (" + config.claimTimeout()
                    + ") must be longer than lotse.reply.send-timeout (" + config.sendTimeout() + ")");
        }
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.wake = wake;
    }

    void afterQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.MailQueued queued) {
        wake.fireAsync(new Wake());
    }

    void onWake(@ObservesAsync Wake ignored) {
        sendDue();
    }

    @Scheduled(every = "${lotse.reply.send-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** Sends everything due now; returns how many went out. Rounds never overlap within one instance. */
    public int sendDue() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            List<Object[]> due;
            long budget = automaticBudgetLeft();
            do {
                due = QuarkusTransaction.requiringNew().call(this::dueIds);
                for (Object[] row : due) {
                    long id = (Long) row[0];
                    boolean automatic = (Boolean) row[1];
                    if (automatic && budget <= 0) {
                        // Waits in the outbox for a later round: throttled, not lost. Agents' mail goes on.
                        continue;
                    }
                    if (claim(id) && deliver(id)) {
                        sent++;
                        budget -= automatic ? 1 : 0;
                    }
                }
            } while (due.size() == BATCH && budget > 0);
        } finally {
            running.set(false);
        }
        return sent;
    }

    /** Id and automatic flag of the messages due now, oldest first. */
    private List<Object[]> dueIds() {
        Instant now = clock.instant();
        return Message.getEntityManager().createQuery("""
                        select m.id, m.automatic from Message m
                        where (m.deliveryState = ?1 and m.nextAttemptAt <= ?2)
                           or (m.deliveryState = ?3 and m.nextAttemptAt <= ?4)
                        order by m.id""", Object[].class)
                .setParameter(1, DeliveryState.QUEUED)
                .setParameter(2, now)
                .setParameter(3, DeliveryState.SENDING)
                .setParameter(4, now.minus(config.claimTimeout()))
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** The global storm budget: automatic mails that may still go out this minute, across all replicas. */
    private long automaticBudgetLeft() {
        Instant minuteAgo = clock.instant().minus(Duration.ofMinutes(1));
        long recent = QuarkusTransaction.requiringNew().call(() -> Message.count(
                "automatic = true and channel = ?1 and deliveryState = ?2 and sentAt >= ?3",
                io.lotse.ticket.Channel.EMAIL, DeliveryState.SENT, minuteAgo));
        return config.automaticPerMinute() - recent;
    }

    /** Conditional update: only one sender anywhere wins a message. */
    private boolean claim(long id) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> Message.update(
                "deliveryState = ?1, nextAttemptAt = ?2 where id = ?3 and ((deliveryState = ?4 and nextAttemptAt <= ?2) "
                        + "or (deliveryState = ?1 and nextAttemptAt <= ?5))",
                DeliveryState.SENDING, now, id, DeliveryState.QUEUED, now.minus(config.claimTimeout())) == 1);
    }

    private boolean deliver(long id) {
        boolean dropped = QuarkusTransaction.requiringNew().call(() -> {
            Message m = Message.findById(id);
            boolean known = m.to != null && Customer.findByEmail(m.to.toLowerCase(java.util.Locale.ROOT))
                    .map(c -> c.bouncing).orElse(false);
            if (known) {
                // Mail there came back before: retrying would only bounce again (and hurt our reputation).
                m.deliveryState = DeliveryState.FAILED;
                m.deliveryError = "not sent: mail to " + m.to + " bounced before";
                m.nextAttemptAt = null;
                return true;
            }
            return OutboxChecks.outdated(m).map(reason -> {
                m.deliveryState = DeliveryState.CANCELLED;
                m.deliveryError = reason;
                m.nextAttemptAt = null;
                return true;
            }).orElse(false);
        });
        if (dropped) {
            return false;
        }
        Mail mail = QuarkusTransaction.requiringNew().call(() -> toMail(refreshed(Message.findById(id))));
        try {
            mailer.send(mail).await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> recordFailure(Message.findById(id), e));
            return false;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Message m = Message.findById(id);
            m.deliveryState = DeliveryState.SENT;
            m.sentAt = clock.instant();
            m.deliveryAttempts++;
            m.deliveryError = null;
            m.nextAttemptAt = null;
        });
        return true;
    }

    private void recordFailure(Message m, RuntimeException e) {
        m.deliveryAttempts++;
        String reason = rootMessage(e);
        m.deliveryError = reason.length() > 1900 ? reason.substring(0, 1900) : reason;
        if (m.deliveryAttempts >= config.maxAttempts()) {
            m.deliveryState = DeliveryState.FAILED;
            m.nextAttemptAt = null;
            LOG.errorf("Giving up on message %d to %s after %d attempts: %s. Check the SMTP settings "
                    + "(quarkus.mailer.*) and the address; the failure is shown on ticket %d.",
                    m.id, m.to, m.deliveryAttempts, reason, m.ticket.id);
        } else {
            Duration doubled = config.firstRetryDelay().multipliedBy(1L << Math.min(m.deliveryAttempts - 1, 20));
            Duration pause = doubled.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : doubled;
            m.deliveryState = DeliveryState.QUEUED;
            m.nextAttemptAt = clock.instant().plus(pause);
            LOG.warnf("Sending message %d failed (attempt %d, next in %s): %s", m.id, m.deliveryAttempts, pause, reason);
        }
    }

    /**
     * An automatic answer is written again with the incident's live status just before it is sent, so
     * that it says what is true then, however long it waited (SMTP down, storm budget, a crash); the
     * stored text is what the customer gets.
     */
    private Message refreshed(Message m) {
        if (m.kind != MessageKind.AUTO_REPLY || m.incidentId == null) {
            return m;
        }
        notices.current(m.incidentId).ifPresent(notice -> {
            String text = composer.autoReply(m.ticket.language, m.ticket.customer.name, m.ticket.id, notice,
                    m.ticket.otherRequest);
            m.text = text;
            m.body = text;
        });
        return m;
    }

    private static Mail toMail(Message m) {
        Mail mail = Mail.withText(m.to, m.subject, m.body);
        mail.addHeader("Message-ID", "<" + m.headerMessageId + ">");
        if (m.inReplyTo != null) {
            mail.addHeader("In-Reply-To", "<" + m.inReplyTo + ">");
        }
        if (m.references != null && !m.references.isBlank()) {
            mail.addHeader("References", String.join(" ",
                    java.util.Arrays.stream(m.references.strip().split("\\s+")).map(id -> "<" + id + ">").toList()));
        }
        if (m.automatic) {
            // RFC 3834: mark our automatic mail so that well-behaved robots do not answer it ("auto-replied"
            // for the answer to a customer's mail, "auto-generated" for status notices), and ask Exchange
            // not to send out-of-office replies to it.
            mail.addHeader("Auto-Submitted", m.kind == MessageKind.AUTO_REPLY ? "auto-replied" : "auto-generated");
            mail.addHeader("X-Auto-Response-Suppress", "All");
        }
        mail.addHeader("X-Lotse-Ticket", String.valueOf(m.ticket.id));
        return mail;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
