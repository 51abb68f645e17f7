package io.lotse.web;

import io.lotse.ticket.Ticket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Tickets per minute for one incident, as bars of a small SVG chart drawn on the server (no chart library,
 * no script). Shows the last two hours at most: the shape of a storm, not its whole history.
 */
@ApplicationScoped
public class Arrivals {

    static final int MAX_MINUTES = 120;
    static final int WIDTH = 600;
    static final int HEIGHT = 120;

    private final Clock clock;

    Arrivals(Clock clock) {
        this.clock = clock;
    }

    /** One bar: its geometry in the SVG, and what it stands for (the tooltip). */
    public record Bar(int x, int y, int width, int height, String label) {
    }

    public record Chart(List<Bar> bars, int peak, int minutes, int total, int width, int height) {
    }

    @Transactional
    public Chart of(long incidentId, Instant startedAt, Instant endedAt) {
        Instant end = (endedAt == null ? clock.instant() : endedAt).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant start = startedAt.truncatedTo(ChronoUnit.MINUTES);
        if (Duration.between(start, end).toMinutes() > MAX_MINUTES) {
            start = end.minus(Duration.ofMinutes(MAX_MINUTES));
        }
        int minutes = (int) Math.max(1, Duration.between(start, end).toMinutes());
        int[] counts = new int[minutes];
        List<Instant> created = Ticket.getEntityManager().createQuery(
                        "select t.createdAt from Ticket t where t.incidentId = :id and t.createdAt >= :from and t.createdAt < :to",
                        Instant.class)
                .setParameter("id", incidentId).setParameter("from", start).setParameter("to", end).getResultList();
        for (Instant at : created) {
            counts[(int) Duration.between(start, at).toMinutes()]++;
        }
        int peak = 0;
        for (int c : counts) {
            peak = Math.max(peak, c);
        }
        int scale = Math.max(1, peak);
        int barWidth = Math.max(1, WIDTH / minutes);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            int h = counts[i] == 0 ? 0 : Math.max(2, counts[i] * (HEIGHT - 10) / scale);
            bars.add(new Bar(i * barWidth, HEIGHT - h, Math.max(1, barWidth - 1), h,
                    Times.local(start.plus(Duration.ofMinutes(i))) + ": " + counts[i]));
        }
        return new Chart(bars, peak, minutes, created.size(), barWidth * minutes, HEIGHT);
    }
}
