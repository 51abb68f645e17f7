package io.lotse.triage;

import io.lotse.incident.Incident;
import io.lotse.incident.IncidentUpdate;
import io.lotse.incident.LinkFeedback;
import io.lotse.reply.ReplyConfig;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.Subjects;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.lotse.triage.index.SearchIndex;
import io.lotse.triage.index.TriageVocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classifies a ticket against the incidents active right now. The incidents are read from the database
 * on every call (there are few), so every replica decides on the same, current set; the index supplies
 * the analysis and how rare each word is among tickets.
 */
@ApplicationScoped
public class TriageService {

    /** The rarity of a word in about a third of all tickets; more common words are not weighed lower. */
    static final double STORM_PROOF_RARITY = 1.0;

    private static final int CONFIRMED_TICKETS = 30;
    private static final int AUTOMATIC_TICKETS = 30;
    private static final int LINKED_CHARS = 600;
    private static final int UNLINKED_TICKETS = 50;

    private final SearchIndex index;
    private final TriageConfig config;
    private final Clock clock;
    private final ZoneId customersZone;

    TriageService(SearchIndex index, TriageConfig config, ReplyConfig replyConfig, Clock clock) {
        this.index = index;
        this.config = config;
        this.clock = clock;
        this.customersZone = replyConfig.timeZone();
    }

    /**
     * Decides for a stored ticket: as {@link #decide}, but a person's earlier correction stands: a ticket
     * an agent took off an incident is not put back on it. Must run inside a transaction.
     */
    public TriageDecision decideFor(long ticketId, String subject, String text, Instant sentAt, boolean machineSent) {
        TriageDecision d = decide(new TicketText(subject == null ? "" : subject, text == null ? "" : text, sentAt,
                machineSent, openCases(ticketId), repliesTo(ticketId, subject)));
        if (d.decision() == Decision.UNRELATED || d.incidentId().isEmpty()
                || !LinkFeedback.unlinked(ticketId, d.incidentId().get())) {
            return d;
        }
        List<String> reasons = new ArrayList<>(d.reasons());
        reasons.add("not linked: an agent unlinked this ticket from incident " + d.incidentId().get() + " before");
        return TriageDecision.unrelated(d.score(), reasons);
    }

    /** Writes the decision onto the ticket, linking it when the decision is automatic. */
    public static void record(Ticket ticket, TriageDecision d) {
        ticket.triageDecision = d.decision().name();
        ticket.triageIncidentId = d.incidentId().orElse(null);
        ticket.triageScore = Math.round(d.score() * 1000) / 1000.0; // as the intake answer shows it
        ticket.triageReasons = String.join("\n", d.reasons());
        if (d.decision() == Decision.AUTO_LINKED) {
            ticket.incidentId = d.incidentId().orElseThrow();
            ticket.linkSource = "AUTO";
            // "Shop offline + neue Rechnungsadresse": the outage part is answered, the rest needs a person,
            // so the ticket is not solved with the incident.
            ticket.otherRequest = ticket.otherRequest || !d.requests().isEmpty();
        }
    }

    /** Must run inside a transaction. */
    public TriageDecision decide(String subject, String text, Instant sentAt, boolean machineSent) {
        return decide(new TicketText(subject == null ? "" : subject, text == null ? "" : text, sentAt, machineSent));
    }

    private TriageDecision decide(TicketText ticket) {
        List<IncidentProfile> active = Incident.active().stream().map(TriageService::profile).toList();
        // A storm makes its own words common among tickets; they must not lose weight because of it (the
        // first tickets would then be linked and the hundredth only suggested). Rare words still weigh more.
        IncidentMatcher matcher = new IncidentMatcher(index.analyzer(), term -> Math.max(STORM_PROOF_RARITY, index.idf(term)),
                config.thresholds(), TriageVocabulary.defaults(), customersZone);
        return matcher.decide(ticket, active);
    }

    /**
     * The same customer's other open tickets of the last {@code same-case-window} that are linked to an
     * incident: incident id to the first such ticket.
     */
    private Map<Long, Long> openCases(long ticketId) {
        Map<Long, Long> cases = new HashMap<>();
        Ticket.getEntityManager().createQuery("""
                        select t.incidentId, min(t.id) from Ticket t
                        where t.customer.id = (select s.customer.id from Ticket s where s.id = ?1)
                          and t.id <> ?1 and t.status = ?2 and t.incidentId is not null and t.createdAt >= ?3
                        group by t.incidentId""", Object[].class)
                .setParameter(1, ticketId)
                .setParameter(2, TicketStatus.OPEN)
                .setParameter(3, clock.instant().minus(config.sameCaseWindow()))
                .getResultList()
                .forEach(row -> cases.put((Long) row[0], (Long) row[1]));
        return cases;
    }

    /**
     * The customer's latest mail ticket of the last {@code same-case-window} that is linked to an incident (or
     * was suggested for one) and whose subject this reply's subject answers ("AW: Webseite down" to
     * "Webseite down"). The mail itself carried no thread headers, or it would have joined that ticket.
     */
    private Optional<TicketText.EarlierCase> repliesTo(long ticketId, String subject) {
        String thread = Subjects.thread(subject);
        if (!Subjects.isReply(subject) || thread.isEmpty()) {
            return Optional.empty();
        }
        return Ticket.<Ticket>list("""
                        customer.id = (select s.customer.id from Ticket s where s.id = ?1) and id <> ?1
                          and channel = ?2 and createdAt >= ?3
                          and (incidentId is not null or (triageDecision = ?4 and triageIncidentId is not null))
                        order by id desc""",
                        ticketId, Channel.EMAIL, clock.instant().minus(config.sameCaseWindow()), Decision.SUGGESTED.name())
                .stream()
                .filter(t -> thread.equals(Subjects.thread(t.subject)))
                .findFirst()
                .map(t -> new TicketText.EarlierCase(t.id, t.incidentId != null ? t.incidentId : t.triageIncidentId));
    }

    static IncidentProfile profile(Incident incident) {
        StringBuilder text = new StringBuilder();
        if (incident.description != null) {
            text.append(incident.description).append('\n');
        }
        incident.componentList().forEach(c -> text.append(c).append('\n'));
        IncidentUpdate.ofIncident(incident.id).forEach(u -> text.append(u.message).append('\n'));
        boolean startKnown = incident.createdAt != null
                && incident.startedAt.isBefore(incident.createdAt.minus(IncidentMatcher.CLOCK_SKEW));
        return new IncidentProfile(incident.id, incident.title, text.toString(), incident.startedAt, linked(incident),
                unlinked(incident), startKnown, incident.componentList());
    }

    /**
     * The words of tickets already linked to the incident: those a person linked first, then the newest
     * automatic ones. Each ticket is capped in length, so one chatty ticket cannot take the profile over;
     * the matcher weighs confirmed links more than automatic ones, so automatic links reinforce
     * themselves only weakly.
     */
    private static List<IncidentProfile.LinkedTicket> linked(Incident incident) {
        List<Ticket> confirmed = Ticket.find("incidentId = ?1 and linkSource = ?2 order by updatedAt desc",
                incident.id, "AGENT").page(0, CONFIRMED_TICKETS).list();
        List<Ticket> automatic = Ticket.find("incidentId = ?1 and linkSource = ?2 order by updatedAt desc",
                incident.id, "AUTO").page(0, AUTOMATIC_TICKETS).list();
        List<Ticket> all = new ArrayList<>(confirmed);
        all.addAll(automatic);
        Map<Long, String> words = firstWords(all);
        return all.stream().map(t -> new IncidentProfile.LinkedTicket(words.get(t.id), "AGENT".equals(t.linkSource)))
                .toList();
    }

    /** Tickets a person unlinked from the incident and nobody linked again: the classifier's counter-examples. */
    private static List<IncidentProfile.UnlinkedTicket> unlinked(Incident incident) {
        List<Long> ids = LinkFeedback.getEntityManager().createQuery("""
                        select f.ticketId from LinkFeedback f where f.incidentId = ?1 and f.verdict = ?2
                        order by f.id desc""", Long.class)
                .setParameter(1, incident.id).setParameter(2, LinkFeedback.UNLINK)
                .setMaxResults(UNLINKED_TICKETS).getResultList();
        List<Ticket> tickets = ids.isEmpty() ? List.of() : Ticket.<Ticket>list("id in ?1", ids).stream()
                .filter(t -> !incident.id.equals(t.incidentId)).toList();
        Map<Long, String> words = firstWords(tickets);
        return tickets.stream().map(t -> new IncidentProfile.UnlinkedTicket(t.id, words.get(t.id))).toList();
    }

    /** Subject and first customer message of each ticket, capped so that one chatty ticket weighs no more. */
    private static Map<Long, String> firstWords(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> first = new HashMap<>();
        // Only the first inbound message of each ticket is read: a long conversation's follow-ups would be
        // loaded for nothing on every decision.
        List<Object[]> rows = Message.getEntityManager()
                .createQuery("""
                        select m.ticket.id, m.text from Message m where m.id in (
                          select min(f.id) from Message f where f.ticket.id in ?1 and f.direction = ?2
                          group by f.ticket.id)""", Object[].class)
                .setParameter(1, tickets.stream().map(t -> t.id).toList())
                .setParameter(2, Direction.INBOUND)
                .getResultList();
        for (Object[] row : rows) {
            first.put((Long) row[0], row[1] == null ? "" : (String) row[1]);
        }
        Map<Long, String> words = new HashMap<>();
        for (Ticket t : tickets) {
            String w = (t.subject == null ? "" : t.subject) + "\n" + first.getOrDefault(t.id, "");
            words.put(t.id, w.substring(0, Math.min(w.length(), LINKED_CHARS)));
        }
        return words;
    }
}
