package io.lotse.intake.email;

import io.lotse.intake.IntakeOutcome;
import io.lotse.intake.IntakeService;
import io.lotse.platform.Conflict;
import io.lotse.platform.NotFound;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** What admins do with unreadable mail: look at it, fetch the raw bytes, and re-process it after a fix. */
@ApplicationScoped
public class Quarantine {

    private final EmailAdapter adapter;
    private final IntakeService intake;
    private final Clock clock;

    Quarantine(EmailAdapter adapter, IntakeService intake, Clock clock) {
        this.adapter = adapter;
        this.intake = intake;
        this.clock = clock;
    }

    /** A quarantined mail without its bytes. */
    public record Entry(long id, String source, String reason, long sizeBytes, String status, Long ticketId,
            Long releasedTo, int attempts, String lastError, Instant receivedAt, Instant updatedAt) {
        static Entry of(QuarantinedMail q) {
            return new Entry(q.id, q.source, q.reason, q.sizeBytes, q.status, q.ticketId, q.releasedTo, q.attempts,
                    q.lastError, q.receivedAt, q.updatedAt);
        }
    }

    public List<Entry> list(Optional<String> status) {
        return QuarkusTransaction.requiringNew().call(() -> (status.isPresent()
                ? QuarantinedMail.<QuarantinedMail>list("status = ?1 order by id desc", status.get())
                : QuarantinedMail.<QuarantinedMail>list("order by id desc")).stream().map(Entry::of).toList());
    }

    public byte[] raw(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Base64.getDecoder().decode(find(id).contentBase64));
    }

    /**
     * Parses the mail again. If it can be read now, it goes down the normal intake path (and becomes the
     * ticket it should have been; the placeholder is solved); if not, the attempt is recorded: 409.
     */
    public Entry retry(long id) {
        QuarantinedMail held = QuarkusTransaction.requiringNew().call(() -> find(id));
        if (!QuarantinedMail.HELD.equals(held.status)) {
            throw new Conflict("Quarantined mail " + id + " was already re-processed into ticket " + held.releasedTo + ".");
        }
        byte[] raw = Base64.getDecoder().decode(held.contentBase64);
        IntakeOutcome outcome;
        try {
            outcome = intake.receive(adapter.toInbound(raw));
        } catch (UnparseableMailException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                QuarantinedMail q = find(id);
                q.attempts++;
                q.lastError = e.getMessage().length() > 1900 ? e.getMessage().substring(0, 1900) : e.getMessage();
                q.updatedAt = clock.instant();
            });
            throw new Conflict("Quarantined mail " + id + " still cannot be read: " + e.getMessage());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            QuarantinedMail q = find(id);
            q.attempts++;
            q.status = QuarantinedMail.RELEASED;
            q.releasedTo = outcome.ticketId();
            q.lastError = null;
            q.updatedAt = clock.instant();
            if (q.ticketId != null && !q.ticketId.equals(outcome.ticketId())) {
                Ticket placeholder = Ticket.findById(q.ticketId);
                if (placeholder != null) {
                    placeholder.status = TicketStatus.SOLVED;
                    placeholder.waitingSince = null;
                    placeholder.updatedAt = clock.instant();
                }
            }
            return Entry.of(q);
        });
    }

    private static QuarantinedMail find(long id) {
        return QuarantinedMail.<QuarantinedMail>findByIdOptional(id).orElseThrow(() -> new NotFound("Quarantined mail", id));
    }
}
