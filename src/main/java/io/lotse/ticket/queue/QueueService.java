package io.lotse.ticket.queue;

import io.lotse.incident.Incident;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.lotse.ticket.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deduplicated work list: each active incident is one row however many tickets it has; every other
 * open ticket is its own row, longest waiting first, with the incident triage suggests for it.
 */
@ApplicationScoped
public class QueueService {

    @Transactional
    public List<QueueItem> queue() {
        List<Incident> active = Incident.active();
        Set<Long> activeIds = active.stream().map(i -> i.id).collect(Collectors.toSet());
        Map<Long, long[]> counts = new HashMap<>();
        if (!activeIds.isEmpty()) {
            List<Object[]> rows = Ticket.getEntityManager().createQuery("""
                            select t.incidentId, count(t), count(distinct t.customer.id) from Ticket t
                            where t.incidentId in ?1 and t.status = ?2 and t.duplicateOf is null
                            group by t.incidentId""", Object[].class)
                    .setParameter(1, activeIds)
                    .setParameter(2, TicketStatus.OPEN)
                    .getResultList();
            for (Object[] row : rows) {
                counts.put((Long) row[0], new long[] {(Long) row[1], (Long) row[2]});
            }
        }
        List<QueueItem> items = new ArrayList<>();
        for (Incident i : active) {
            long[] c = counts.getOrDefault(i.id, new long[] {0, 0});
            items.add(new QueueItem.IncidentItem(i.id, i.title, i.status.name(), c[0], c[1], i.startedAt));
        }
        List<Ticket> waiting = Ticket.find("""
                        select t from Ticket t join fetch t.customer
                        where t.status = ?1 and t.duplicateOf is null and (t.incidentId is null or t.incidentId not in ?2)
                        order by coalesce(t.waitingSince, t.createdAt), t.id""",
                TicketStatus.OPEN, activeIds.isEmpty() ? Set.of(-1L) : activeIds).list();
        for (Ticket t : waiting) {
            Long suggested = "SUGGESTED".equals(t.triageDecision) && t.triageIncidentId != null
                    && activeIds.contains(t.triageIncidentId) ? t.triageIncidentId : null;
            items.add(new QueueItem.TicketItem(t.id, t.subject, t.channel, TicketView.CustomerView.of(t.customer),
                    t.waitingSince == null ? t.createdAt : t.waitingSince, suggested));
        }
        return items;
    }
}
