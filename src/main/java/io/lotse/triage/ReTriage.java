package io.lotse.triage;

import io.lotse.incident.Incident;
import io.lotse.incident.IncidentDeclared;
import io.lotse.reply.Outbox;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * When ops declare an incident, the customers who wrote before it was declared are usually the first to
 * be affected. Their open, unlinked tickets from the incident's start onwards are scored again against
 * all active incidents and linked or suggested; answers follow the same policy as at intake (never to
 * machines, never twice, not where an agent has already answered).
 *
 * <p>Tickets Lotse linked to another incident meanwhile are scored again too: "Outlook 2010: Verbindung
 * fehlgeschlagen" was linked to the mailbox incident that was the only one declared, and fits the TLS change
 * declared an hour later. Where the new incident now scores highest, the old link would not have been made
 * automatically: it is taken back and the new incident suggested, so an agent confirms it and corrects the
 * answer the customer may have had. Nothing is sent automatically a second time.
 */
@ApplicationScoped
public class ReTriage {

    private static final Logger LOG = Logger.getLogger(ReTriage.class);
    /** Enough for the first hours of a storm; older tickets are for agents to link by hand. */
    static final int MAX_TICKETS = 2000;

    private final TriageService triage;
    private final InventoryCheck inventory;
    private final Answers answers;
    private final Outbox outbox;

    ReTriage(TriageService triage, InventoryCheck inventory, Answers answers, Outbox outbox) {
        this.triage = triage;
        this.inventory = inventory;
        this.answers = answers;
        this.outbox = outbox;
    }

    /** Runs right after the declaring transaction committed, so the declaration is never held up or undone. */
    void afterDeclared(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncidentDeclared declared) {
        try {
            Result r = QuarkusTransaction.requiringNew().call(() -> reTriage(declared.incidentId()));
            if (r.scored() > 0 || r.moved() > 0) {
                LOG.infof("Re-triaged %d waiting ticket(s) for new incident %d: %d linked, %d suggested, %d taken from"
                        + " another incident", r.scored(), declared.incidentId(), r.linked(), r.suggested(), r.moved());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Re-triage for incident %d failed; the incident stands, waiting tickets keep their state "
                    + "and can be linked by hand", declared.incidentId());
        }
    }

    /** {@code moved}: automatic links to another incident taken back in favour of a suggestion of the new one. */
    public record Result(int scored, int linked, int suggested, int moved) {
    }

    Result reTriage(long incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null || !incident.status.active()) {
            return new Result(0, 0, 0, 0);
        }
        List<Ticket> waiting = Ticket.find("""
                        select t from Ticket t join fetch t.customer
                        where t.status = ?1 and t.incidentId is null and t.duplicateOf is null and t.automated = false
                          and t.createdAt >= ?2
                        order by t.id""",
                TicketStatus.OPEN, incident.startedAt.minus(IncidentMatcher.CLOCK_SKEW))
                .page(0, MAX_TICKETS).list();
        int linked = 0;
        int suggested = 0;
        for (Ticket ticket : waiting) {
            List<Message> inbound = inbound(ticket);
            if (inbound.isEmpty()) {
                continue;
            }
            Message first = inbound.get(0);
            Message last = inbound.get(inbound.size() - 1);
            TriageDecision d = decideAgain(ticket, inbound);
            if (d.decision() == Decision.UNRELATED) {
                continue;
            }
            List<String> reasons = new ArrayList<>(d.reasons());
            reasons.add(0, "re-triaged when incident " + incidentId + " was declared");
            TriageDecision again = new TriageDecision(d.decision(), d.incidentId(), d.score(), reasons, d.requests());
            TriageService.record(ticket, again);
            if (again.decision() == Decision.AUTO_LINKED) {
                linked++;
                answers.answer(new Answers.Occasion(ticket, ticket.customer,
                        Optional.ofNullable(ticket.customer.email).map(e -> e.toLowerCase(Locale.ROOT)),
                        Optional.of(last), first.subject, first.automated, false), again, reasons);
                ticket.triageReasons = String.join("\n", reasons);
            } else {
                suggested++;
            }
            ticket.updatedAt = Instant.now();
        }
        int moved = reconsiderLinkedElsewhere(incident);
        return new Result(waiting.size(), linked, suggested, moved);
    }

    private int reconsiderLinkedElsewhere(Incident incident) {
        List<Ticket> linkedElsewhere = Ticket.find("""
                        select t from Ticket t join fetch t.customer
                        where t.status = ?1 and t.incidentId is not null and t.incidentId <> ?2 and t.linkSource = ?3
                          and t.duplicateOf is null and t.automated = false and t.createdAt >= ?4
                        order by t.id""",
                TicketStatus.OPEN, incident.id, "AUTO", incident.startedAt.minus(IncidentMatcher.CLOCK_SKEW))
                .page(0, MAX_TICKETS).list();
        int moved = 0;
        for (Ticket ticket : linkedElsewhere) {
            List<Message> inbound = inbound(ticket);
            if (inbound.isEmpty()) {
                continue;
            }
            TriageDecision d = decideAgain(ticket, inbound);
            // The new incident scores highest now: the old link would not have been made automatically (at best
            // the two would have been within the margin), so a person decides.
            if (d.decision() == Decision.UNRELATED || d.incidentId().filter(id -> id.equals(incident.id)).isEmpty()) {
                continue;
            }
            long before = ticket.incidentId;
            // A wrong answer still waiting in the outbox is not sent.
            outbox.cancelWaiting(ticket.id, before);
            List<String> reasons = new ArrayList<>(d.reasons());
            reasons.add(0, "re-triaged when incident " + incident.id + " was declared: it fits this ticket better than"
                    + " incident " + before + ", to which Lotse had linked it");
            reasons.add("suggested to an agent instead: the customer may have had the answer about incident " + before
                    + "; an agent confirms the link and corrects it");
            ticket.incidentId = null;
            ticket.linkSource = null;
            TriageService.record(ticket, new TriageDecision(Decision.SUGGESTED, d.incidentId(), d.score(), reasons,
                    d.requests()));
            Instant now = Instant.now();
            ticket.updatedAt = now;
            if (ticket.waitingSince == null) {
                ticket.waitingSince = now;
            }
            moved++;
        }
        return moved;
    }

    private static List<Message> inbound(Ticket ticket) {
        return Message.list("ticket.id = ?1 and direction = ?2 order by id", ticket.id, Direction.INBOUND);
    }

    /** The ticket's inbound words, all of them, against the incidents active now. */
    private TriageDecision decideAgain(Ticket ticket, List<Message> inbound) {
        Message first = inbound.get(0);
        StringBuilder words = new StringBuilder();
        inbound.forEach(m -> words.append(m.text == null ? "" : m.text).append('\n'));
        return inventory.apply(ticket.customer.id, triage.decideFor(ticket.id, first.subject, words.toString(),
                first.sentAt == null ? first.receivedAt : first.sentAt, first.automated));
    }
}
