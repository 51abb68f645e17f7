package io.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.lotse.ticket.Channel;
import io.lotse.ticket.Customer;
import io.lotse.ticket.Ticket;
import io.lotse.ticket.TicketStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's promise for a storm: its pages answer in under 200 ms with 5,000 open tickets, 2,000 of
 * them linked to one incident. Measured at the server's door (HTTP round trip on localhost, page fully
 * rendered), median of 15, and printed; not asserted, because a timed test fails on a busy CI machine
 * without anything being wrong (what it checks is that the pages stay bounded: paged, not everything).
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class QueuePageBenchmarkTest {

    static final int OPEN_TICKETS = 5_000;
    static final int LINKED_TICKETS = 2_000;
    static final int RUNS = 15;
    private final String marker = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void queuePageRendersIn200MsWith5000OpenTickets() {
        long start = System.nanoTime();
        createOpenTickets(OPEN_TICKETS);
        System.out.printf("[console benchmark] created %d open tickets in %d ms%n", OPEN_TICKETS,
                (System.nanoTime() - start) / 1_000_000);
        String session = Console.signIn(Api.AGENT, Api.USER_PASSWORD);

        long queue = medianMillis(session, "/ui/queue");
        long rows = medianMillis(session, "/ui/queue/rows?channel=&suggested=false&mine=false&limit=50&since=0");
        long filtered = medianMillis(session, "/ui/queue?channel=EMAIL&mine=true");
        long ticket = medianMillis(session, "/ui/tickets/" + anyBenchTicket());
        long incident = linkToAnIncident(LINKED_TICKETS);
        long incidentPage = medianMillis(session, "/ui/incidents/" + incident);
        long incidents = medianMillis(session, "/ui/incidents");
        long queueWithIncident = medianMillis(session, "/ui/queue");
        System.out.printf("[console benchmark] %d open tickets: queue page %d ms, queue refresh %d ms, "
                + "filtered queue %d ms, ticket page %d ms; with %d of them linked to an incident: incident page %d ms,"
                + " incidents page %d ms, queue page %d ms (median of %d; target: under 200 ms each)%n", OPEN_TICKETS,
                queue, rows, filtered, ticket, LINKED_TICKETS, incidentPage, incidents, queueWithIncident, RUNS);

        String page = Console.as(session).get("/ui/queue").asString();
        assertThat(page).contains("show more");
        assertThat(page.split("class=\"ticket\"", -1).length - 1).isLessThanOrEqualTo(QueuePage.PAGE);
    }

    /** An incident with {@code n} of the bench tickets linked by agents, straight in the database. */
    private long linkToAnIncident(int n) {
        long id = Api.declareIncident(marker + " Stromausfall im Rechenzentrum", "Benchmark", "https://status.example/bench");
        QuarkusTransaction.requiringNew().run(() -> {
            List<Long> ids = Ticket.<Ticket>find("subject like ?1 order by id", marker + "%").page(0, n).list()
                    .stream().map(t -> t.id).toList();
            Ticket.update("incidentId = ?1, linkSource = 'AGENT' where id in ?2", id, ids);
        });
        return id;
    }

    /** The other tests share this database: the benchmark's tickets leave the queue when it is done. */
    @AfterEach
    void solveBenchTickets() {
        Api.resolveAllActiveIncidents();
        QuarkusTransaction.requiringNew().run(() -> Ticket.update("status = ?1, waitingSince = null where subject like ?2",
                TicketStatus.SOLVED, marker + "%"));
    }

    private long medianMillis(String session, String path) {
        for (int i = 0; i < 3; i++) {
            Console.as(session).get(path).then().statusCode(200);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            Console.as(session).get(path).then().statusCode(200);
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        return times.stream().sorted().toList().get(RUNS / 2);
    }

    private long anyBenchTicket() {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("subject like ?1", marker + "%")
                .firstResult().id);
    }

    /**
     * Straight into the database: intake would triage each one and take minutes. Created two days ago, so
     * that incidents other tests declare do not re-triage them.
     */
    private void createOpenTickets(int n) {
        Instant past = Instant.now().minus(Duration.ofDays(2));
        int batch = 500;
        for (int from = 0; from < n; from += batch) {
            int offset = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = offset; i < Math.min(n, offset + batch); i++) {
                    Instant at = past.plusSeconds(i);
                    Customer c = new Customer();
                    c.name = "Kunde " + i;
                    c.email = marker + "-" + i + "@kunde.example";
                    c.createdAt = at;
                    c.updatedAt = at;
                    c.persist();
                    Ticket t = new Ticket();
                    t.channel = i % 3 == 0 ? Channel.CHAT : Channel.EMAIL;
                    t.subject = marker + " Frage " + i;
                    t.status = TicketStatus.OPEN;
                    t.customer = c;
                    t.triageDecision = "UNRELATED";
                    t.waitingSince = at;
                    t.createdAt = at;
                    t.updatedAt = at;
                    t.persist();
                }
            });
        }
    }
}
