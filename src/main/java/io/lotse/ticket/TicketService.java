package io.lotse.ticket;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Comparator;

/** Reads tickets and changes their status. Full-text search comes from the index, as ids. */
@ApplicationScoped
public class TicketService {

    private final Clock clock;

    TicketService(Clock clock) {
        this.clock = clock;
    }

    public record Filter(Optional<TicketStatus> status, Optional<Long> incidentId, Optional<List<Long>> ids) {
    }

    @Transactional
    public TicketView get(long id) {
        return TicketView.of(find(id));
    }

    @Transactional
    public TicketView.Page list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        filter.status().ifPresent(s -> {
            where.append(" and status = :status");
            params.and("status", s);
        });
        filter.incidentId().ifPresent(i -> {
            where.append(" and incidentId = :incident");
            params.and("incident", i);
        });
        if (filter.ids().isPresent()) {
            if (filter.ids().get().isEmpty()) {
                return new TicketView.Page(List.of(), page, size, 0);
            }
            where.append(" and id in :ids");
            params.and("ids", filter.ids().get());
        }
        if (filter.ids().isPresent()) {
            // A search: the index's relevance order, filtered by the database, paged here.
            List<Long> order = filter.ids().get();
            List<Ticket> hits = Ticket.<Ticket>list(where.toString(), params).stream()
                    .sorted(Comparator.comparingInt(t -> order.indexOf(t.id)))
                    .toList();
            int from = Math.min(page * size, hits.size());
            List<TicketView.Summary> items = hits.subList(from, Math.min(from + size, hits.size())).stream()
                    .map(TicketView.Summary::of).toList();
            return new TicketView.Page(items, page, size, hits.size());
        }
        PanacheQuery<Ticket> query = Ticket.find(where + " order by id desc", params);
        long total = query.count();
        List<TicketView.Summary> items = query.page(page, size).list().stream().map(TicketView.Summary::of).toList();
        return new TicketView.Page(items, page, size, total);
    }

    @Transactional
    public TicketView setStatus(long id, TicketStatus status) {
        Ticket t = find(id);
        t.status = status;
        t.updatedAt = clock.instant();
        if (status == TicketStatus.SOLVED) {
            t.waitingSince = null;
        }
        return TicketView.of(t);
    }

    static Ticket find(long id) {
        return Ticket.<Ticket>findByIdOptional(id).orElseThrow(() -> new TicketNotFound(id));
    }
}
