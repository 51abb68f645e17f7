package io.lotse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A storm on this machine: N outage mails from N customers, posted by several concurrent clients over
 * HTTP while an incident is active (each is parsed, stored, triaged, linked and answered through the
 * outbox). Prints throughput and latency; it asserts only that nothing failed, never a time. Opt-in:
 * {@code ./mvnw test -Dtest=IntakeLoadBenchmark -Dlotse.bench.messages=2000 -Dlotse.bench.clients=8}.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class IntakeLoadBenchmark {

    @Test
    void stormIntakeThroughput() throws Exception {
        int messages = Integer.getInteger("lotse.bench.messages", 0);
        int clients = Integer.getInteger("lotse.bench.clients", 8);
        Assumptions.assumeTrue(messages > 0, "benchmark not requested: set -Dlotse.bench.messages=2000 to run it");
        Api.resolveAllActiveIncidents();
        Api.declareIncident("Stromausfall im Rechenzentrum: Webhosting nicht erreichbar", "", "https://status.example/bench");
        String run = Long.toString(System.nanoTime(), 36);
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                String raw = Api.mail("kunde" + n + "-" + run + "@storm.example", "Webseite down",
                        "Hallo, unsere Webseite ist seit ein paar Minuten nicht erreichbar. Bitte um Info!", run + "." + n
                                + "@storm.example");
                long t0 = System.nanoTime();
                int status = Api.intake().contentType("message/rfc822").body(raw.getBytes(StandardCharsets.UTF_8))
                        .post("/api/intake/email").statusCode();
                latenciesMicros.add((System.nanoTime() - t0) / 1000);
                return status;
            }));
        }
        int failed = 0;
        for (Future<Integer> f : results) {
            failed += f.get() == 202 ? 0 : 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = latenciesMicros.stream().sorted().toList();
        System.out.printf("%nIntake storm benchmark: %d mails, %d clients, %.1f s, %.0f mails/s, latency p50 %d ms, "
                        + "p95 %d ms, p99 %d ms, %d failed (%d cores, %d MB max heap)%n%n",
                messages, clients, seconds, messages / seconds, sorted.get(sorted.size() / 2) / 1000,
                sorted.get((int) (sorted.size() * 0.95)) / 1000, sorted.get((int) (sorted.size() * 0.99)) / 1000, failed,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Api.resolveAllActiveIncidents();
        assertThat(failed).isZero();
    }
}
