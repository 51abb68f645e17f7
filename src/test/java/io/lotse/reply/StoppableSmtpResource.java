package io.lotse.reply;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A GreenMail SMTP server on a port fixed when the resource starts, which a test can stop (the relay is
 * down: connections are refused) and start again on the same port, so the service's mailer, configured
 * once, reaches it again. Meant for one class only ({@code restrictToAnnotatedClass = true}).
 *
 * <p>Its {@link #order()} is high so that it starts after the suite-wide {@code GreenMailResource}, which
 * also sets {@code quarkus.mailer.port}: Quarkus starts resources by ascending order and merges their
 * properties in that order, so the last one started wins. {@code SmtpOutageTest} checks that it did.
 */
public class StoppableSmtpResource implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;
    private static volatile GreenMail greenMail;

    public static synchronized int port() {
        return port;
    }

    /** The relay goes away: from now on every connection to the port is refused. */
    public static synchronized void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** The relay is back, on the same port (a fresh server: it has received nothing yet). */
    public static synchronized void restartSmtp() {
        if (greenMail != null) {
            return;
        }
        // The port was ours a moment ago; the kernel may need a moment before it can be bound again.
        long end = System.nanoTime() + 10_000_000_000L;
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            GreenMail candidate = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            try {
                candidate.start();
                greenMail = candidate;
                return;
            } catch (RuntimeException e) {
                last = e;
                try {
                    candidate.stop();
                } catch (RuntimeException ignored) {
                    // it did not start
                }
                sleep(200);
            }
        }
        throw new IllegalStateException("cannot start SMTP again on port " + port, last);
    }

    public static synchronized boolean running() {
        return greenMail != null;
    }

    /** Everything the running server received for the address (nothing while it is stopped). */
    public static List<MimeMessage> receivedBy(String address) {
        GreenMail gm = greenMail;
        if (gm == null) {
            return List.of();
        }
        return Arrays.stream(gm.getReceivedMessages()).filter(m -> recipientIs(m, address)).toList();
    }

    public static List<MimeMessage> received() {
        GreenMail gm = greenMail;
        return gm == null ? List.of() : List.of(gm.getReceivedMessages());
    }

    @Override
    public Map<String, String> start() {
        synchronized (StoppableSmtpResource.class) {
            port = freePort();
            greenMail = null;
            restartSmtp();
        }
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "lotse.reply.first-retry-delay", "1s",
                "lotse.reply.send-interval", "1s");
    }

    @Override
    public void stop() {
        stopSmtp();
    }

    @Override
    public int order() {
        return 1000;
    }

    private static boolean recipientIs(MimeMessage m, String address) {
        try {
            var to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address)
                    || a.toString().toLowerCase().contains("<" + address.toLowerCase() + ">"));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
