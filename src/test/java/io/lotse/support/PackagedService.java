package io.lotse.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as a separate process, the
 * way the README runs it, for tests that restart it or kill it. Built with the {@code pg} profile (the
 * Maven profile {@code postgresql}), it runs on a PostgreSQL database of its own per test.
 */
public final class PackagedService {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private PackagedService() {
    }

    /**
     * Starts {@code java <options> -jar <jar>} with the same JVM as the tests, output to {@code log}, and
     * waits until {@code /q/health/ready} answers 200 on {@code port}.
     */
    public static Process start(String jar, List<String> options, Map<String, String> environment, Path log, int port)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(options);
        cmd.add("-jar");
        cmd.add(jar);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long end = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < end) {
            assertThat(process.isAlive()).as("service process died; see its log " + log).isTrue();
            try {
                if (given().port(port).get("/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (Exception notYet) {
                // connection refused while starting
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("service did not become ready within " + READY_WITHIN + "; see " + log);
    }

    /**
     * The environment that gives one test's service its own, empty database: nothing for the embedded
     * default (the data directory holds the database), a fresh PostgreSQL database on the server of
     * {@code LOTSE_DB_URL} when the jar was built for PostgreSQL. Restarts within a test reuse it.
     */
    public static Map<String, String> ownDatabase() {
        if (!Boolean.getBoolean("lotse.it.postgresql")) {
            return Map.of();
        }
        String url = System.getenv().getOrDefault("LOTSE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/lotse_ci");
        String user = System.getenv().getOrDefault("LOTSE_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("LOTSE_DB_PASSWORD", "");
        String server = url.replaceFirst("/[^/?]*(\\?.*)?$", "/postgres");
        String name = "lotse_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + " via " + server, e);
        }
        return Map.of("QUARKUS_PROFILE", "pg", "LOTSE_DB_URL", server.replaceFirst("/postgres$", "/" + name),
                "LOTSE_DB_USER", user, "LOTSE_DB_PASSWORD", password);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
