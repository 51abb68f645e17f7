package io.lotse.triage.index;

import io.lotse.incident.Incident;
import io.lotse.incident.IncidentUpdate;
import io.lotse.ticket.Direction;
import io.lotse.ticket.Message;
import io.lotse.ticket.Ticket;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Brings the index up to date with the database: everything changed since the index's watermark, with
 * an overlap so that transactions that committed late are not missed (putting a document twice is
 * harmless). Runs at start (a missing index is rebuilt whole), on a short schedule (so replicas see each
 * other's tickets), and on demand after intake.
 */
@ApplicationScoped
public class IndexSync {

    private static final Logger LOG = Logger.getLogger(IndexSync.class);
    /** Longer than any intake transaction can take between setting updated_at and committing. */
    static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final int BATCH = 500;
    /** Covers commits that finish slightly out of order within this process's view. */
    static final Duration SHORT_OVERLAP = Duration.ofSeconds(5);
    static final Duration FULL_PASS_EVERY = Duration.ofMinutes(1);

    /** The newest ticket change this process has indexed, and when the last full pass ran. */
    private Instant lastSeen;
    private Instant lastFullPass = Instant.EPOCH;

    private final SearchIndex index;
    private final Clock clock;

    IndexSync(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        Instant before = index.watermark();
        int n = catchUp();
        if (Instant.EPOCH.equals(before) && n > 0) {
            LOG.infof("Rebuilt the search index from the database: %d documents", n);
        }
    }

    @Scheduled(every = "2s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            catchUp();
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("Index catch-up skipped", shuttingDown);
        }
    }

    /**
     * Indexes what changed since the watermark; returns the number of documents written. Most rounds look
     * back only a few seconds past what this process saw last, so a storm is not re-indexed every two
     * seconds; a full pass with the long overlap runs every minute to catch late commits of other replicas.
     */
    public synchronized int catchUp() {
        Instant now = clock.instant();
        boolean fullPass = lastSeen == null || lastFullPass.isBefore(now.minus(FULL_PASS_EVERY));
        Instant from = index.watermark().equals(Instant.EPOCH) ? Instant.EPOCH
                : fullPass ? index.watermark().minus(OVERLAP) : lastSeen.minus(SHORT_OVERLAP);
        int written = 0;
        written += QuarkusTransaction.requiringNew().call(() -> indexIncidents(from));
        long afterId = 0;
        Instant newest = lastSeen == null ? from : lastSeen;
        while (true) {
            long cursor = afterId;
            List<Ticket> batch = QuarkusTransaction.requiringNew().call(() -> indexTickets(from, cursor));
            written += batch.size();
            for (Ticket t : batch) {
                newest = t.updatedAt.isAfter(newest) ? t.updatedAt : newest;
            }
            if (batch.size() < BATCH) {
                break;
            }
            afterId = batch.get(batch.size() - 1).id;
        }
        lastSeen = newest;
        if (fullPass) {
            lastFullPass = now;
        }
        if (written > 0 || index.watermark().isBefore(now.minus(OVERLAP))) {
            index.commit(now);
        }
        return written;
    }

    private int indexIncidents(Instant from) {
        List<Incident> changed = Incident.list("updatedAt >= ?1", from);
        for (Incident i : changed) {
            StringBuilder text = new StringBuilder(i.title).append('\n');
            if (i.description != null) {
                text.append(i.description).append('\n');
            }
            i.componentList().forEach(c -> text.append(c).append('\n'));
            IncidentUpdate.ofIncident(i.id).forEach(u -> text.append(u.message).append('\n'));
            index.putIncident(i.id, text.toString());
        }
        return changed.size();
    }

    private List<Ticket> indexTickets(Instant from, long afterId) {
        List<Ticket> tickets = Ticket.find("updatedAt >= ?1 and id > ?2 order by id", from, afterId).page(0, BATCH).list();
        if (tickets.isEmpty()) {
            return tickets;
        }
        Map<Long, StringBuilder> texts = new HashMap<>();
        for (Ticket t : tickets) {
            texts.put(t.id, new StringBuilder(t.subject == null ? "" : t.subject).append('\n'));
        }
        List<Object[]> rows = Message.getEntityManager()
                .createQuery("select m.ticket.id, m.text from Message m where m.ticket.id in ?1 and m.direction = ?2",
                        Object[].class)
                .setParameter(1, tickets.stream().map(t -> t.id).toList())
                .setParameter(2, Direction.INBOUND)
                .getResultList();
        for (Object[] row : rows) {
            if (row[1] != null) {
                texts.get((Long) row[0]).append(row[1]).append('\n');
            }
        }
        texts.forEach((id, text) -> index.putTicket(id, text.toString()));
        return tickets;
    }
}
