package io.lotse.intake.email;

import io.lotse.intake.IntakeOutcome;
import io.lotse.intake.IntakeService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The one way raw e-mail enters Lotse, whoever delivers it (the HTTP intake, the mailbox poller): the
 * bytes are taken apart and go down the common intake path. A mail that cannot be read is not refused:
 * it is kept raw in the quarantine and shown to agents as a placeholder ticket, so nothing is lost.
 */
@ApplicationScoped
public class EmailIntake {

    private static final Logger LOG = Logger.getLogger(EmailIntake.class);

    private final EmailAdapter adapter;
    private final IntakeService intake;
    private final Clock clock;

    EmailIntake(EmailAdapter adapter, IntakeService intake, Clock clock) {
        this.adapter = adapter;
        this.intake = intake;
        this.clock = clock;
    }

    /** Stores the message and answers as the contract says; the same bytes twice give a duplicate. */
    public IntakeOutcome receive(byte[] raw, String source) {
        try {
            return intake.receive(adapter.toInbound(raw));
        } catch (UnparseableMailException e) {
            return quarantine(raw, source, e.getMessage());
        }
    }

    /**
     * A mail too large to take in: not stored (the mailbox keeps it), but agents get a ticket naming the
     * sender and subject, so a customer's request does not wait unseen in a mailbox nobody reads.
     */
    public IntakeOutcome tooLarge(OversizedMail mail) {
        IntakeOutcome placeholder = intake.receive(adapter.tooLargePlaceholder(mail));
        if (!placeholder.duplicate()) {
            LOG.warnf("E-mail from %s in %s (%s, %d bytes) is larger than lotse.intake.max-message-bytes; it stays there"
                    + " unimported, placeholder ticket %d tells agents. Read it in the mailbox or raise the limit.",
                    mail.fromAddress(), mail.source(), mail.place(), mail.sizeBytes(), placeholder.ticketId());
        }
        return placeholder;
    }

    private IntakeOutcome quarantine(byte[] raw, String source, String reason) {
        IntakeOutcome placeholder = intake.receive(adapter.placeholder(raw, reason));
        if (!placeholder.duplicate()) {
            long id = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                QuarantinedMail q = new QuarantinedMail();
                q.source = source;
                q.reason = reason.length() > 1900 ? reason.substring(0, 1900) : reason;
                q.sizeBytes = raw.length;
                q.contentBase64 = Base64.getEncoder().encodeToString(raw);
                q.status = QuarantinedMail.HELD;
                q.ticketId = placeholder.ticketId();
                q.receivedAt = now;
                q.updatedAt = now;
                q.persist();
                return q.id;
            });
            LOG.warnf("Unreadable e-mail from %s (%d bytes) quarantined as #%d with placeholder ticket %d: %s. "
                    + "Fix the cause, then POST /api/quarantine/%d/retry.", source, raw.length, id,
                    placeholder.ticketId(), reason, id);
        }
        return placeholder;
    }
}
