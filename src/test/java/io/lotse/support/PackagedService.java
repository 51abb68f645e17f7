package io.lotse.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) started as a separate process, the
 * way the README runs it, for tests that restart it or kill it.
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

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
