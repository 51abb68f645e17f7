package io.lotse.web;

import io.lotse.incident.Incident;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The queue as the console pages it: the same deduplication as {@code QueueService} (an active incident is
 * one row; every other open ticket is its own row, longest waiting first), but read as projections, in
 * pages, with the filters and counters the page needs. Four queries whatever the size of the queue, so
 * that the page stays fast in a storm with thousands of open tickets.
 */
@ApplicationScoped
public class ConsoleQueue {

    /** How far back "arrivals per minute" looks: long enough to smooth, short enough to show a surge. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(10);

    private final Clock clock;

    ConsoleQueue(Clock clock) {
        this.clock = clock;
    }

    public record Filters(Optional<Channel> channel, boolean suggestedOnly, Optional<String> mineOf, int limit) {
    }

    public record IncidentRow(long id, String title, String status, long openTickets, long customers,
            long newSinceLook, double arrivalsPerMinute, Instant startedAt) {
        public String rate() {
            return String.format(java.util.Locale.ROOT, "%.1f", arrivalsPerMinute);
        }
    }

    public record TicketRow(long id, String subject, Channel channel, String customer, Instant waitingSince,
            Long suggestedIncidentId, String suggestedTitle) {
    }

    public record Page(List<IncidentRow> incidents, List<TicketRow> tickets, long totalTickets, Instant since) {
        public boolean more() {
            return tickets.size() < totalTickets;
        }
    }

    @Transactional
    public Page read(Filters filters, Instant since) {
        EntityManager em = Ticket.getEntityManager();
        List<Incident> active = Incident.active();
        Map<Long, String> titles = active.stream().collect(Collectors.toMap(i -> i.id, i -> i.title));
        Set<Long> activeIds = titles.isEmpty() ? Set.of(-1L) : titles.keySet();
        Instant now = clock.instant();

        Map<Long, Object[]> counts = new HashMap<>();
        if (!titles.isEmpty()) {
            for (Object[] row : em.createQuery("""
                            select t.incidentId, count(t), count(distinct t.customer.id),
                                   sum(case when t.createdAt > :since then 1 else 0 end),
                                   sum(case when t.createdAt > :recent then 1 else 0 end)
                            from Ticket t
                            where t.incidentId in :ids and t.status = :open and t.duplicateOf is null
                            group by t.incidentId""", Object[].class)
                    .setParameter("since", since)
                    .setParameter("recent", now.minus(RATE_WINDOW))
                    .setParameter("ids", activeIds)
                    .setParameter("open", TicketStatus.OPEN)
                    .getResultList()) {
                counts.put((Long) row[0], row);
            }
        }
        List<IncidentRow> incidents = active.stream().map(i -> {
            Object[] c = counts.get(i.id);
            long recent = c == null ? 0 : number(c[4]);
            return new IncidentRow(i.id, i.title, i.status.name(), c == null ? 0 : number(c[1]),
                    c == null ? 0 : number(c[2]), c == null ? 0 : number(c[3]),
                    recent / (double) RATE_WINDOW.toMinutes(), i.startedAt);
        }).toList();

        StringBuilder where = new StringBuilder("""
                t.status = :open and t.duplicateOf is null and (t.incidentId is null or t.incidentId not in :ids)""");
        filters.channel().ifPresent(c -> where.append(" and t.channel = :channel"));
        if (filters.suggestedOnly()) {
            where.append(" and t.triageDecision = 'SUGGESTED' and t.triageIncidentId in :ids");
        }
        if (filters.mineOf().isPresent()) {
            // "Mine": tickets this person answered or linked; Lotse has no assignment, so that is what they touched.
            where.append(" and (t.id in (select m.ticket.id from Message m where m.createdBy = :me)"
                    + " or t.id in (select f.ticketId from LinkFeedback f where f.createdBy = :me))");
        }
        TypedQuery<Object[]> rows = em.createQuery("""
                select t.id, t.subject, t.channel, c.name, c.email, c.phone, coalesce(t.waitingSince, t.createdAt),
                       t.triageDecision, t.triageIncidentId
                from Ticket t join t.customer c""" + " where " + where + " order by coalesce(t.waitingSince, t.createdAt), t.id", Object[].class);
        TypedQuery<Long> total = em.createQuery("select count(t) from Ticket t where " + where, Long.class);
        for (TypedQuery<?> q : List.of(rows, total)) {
            q.setParameter("open", TicketStatus.OPEN).setParameter("ids", activeIds);
            filters.channel().ifPresent(c -> q.setParameter("channel", c));
            filters.mineOf().ifPresent(me -> q.setParameter("me", me));
        }
        List<TicketRow> tickets = rows.setMaxResults(filters.limit()).getResultList().stream().map(r -> {
            Long triageIncident = (Long) r[8];
            Long suggested = "SUGGESTED".equals(r[7]) && triageIncident != null && titles.containsKey(triageIncident)
                    ? triageIncident : null;
            // One line per ticket in the list: a subject of a thousand characters must not push the queue away.
            return new TicketRow((Long) r[0], io.lotse.platform.Texts.fit((String) r[1], 140), (Channel) r[2], customer(r),
                    (Instant) r[6], suggested,
                    suggested == null ? null : titles.get(suggested));
        }).toList();
        return new Page(incidents, tickets, total.getSingleResult(), since);
    }

    private static String customer(Object[] r) {
        String name = (String) r[3];
        String contact = r[4] != null ? (String) r[4] : (String) r[5];
        if (name == null || name.isBlank()) {
            return contact == null ? "unknown" : contact;
        }
        return contact == null ? name : name + " <" + contact + ">";
    }

    private static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
