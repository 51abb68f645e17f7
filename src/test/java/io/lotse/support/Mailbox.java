package io.lotse.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What GreenMail received for one address; tests use unique addresses so they never see each other's mail. */
public final class Mailbox {

    /**
     * How long a test waits for mail. Generous on purpose: GreenMail now and then leaves a send unanswered;
     * the outbox gives up after the send timeout and retries, which must fit in here several times over.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Mailbox() {
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> recipientIs(m, address))
                .toList();
    }

    /** Waits until at least {@code n} messages for the address arrived (the outbox sends asynchronously). */
    public static List<MimeMessage> await(String address, int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<MimeMessage> got = to(address);
            if (got.size() >= n) {
                return got;
            }
            sleep(100);
        }
        return to(address);
    }

    /** Waits a while to be sure nothing more arrives, then returns what did. */
    public static List<MimeMessage> settle(String address, Duration quiet) {
        sleep(quiet.toMillis());
        return to(address);
    }

    public static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String s ? s : String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean recipientIs(MimeMessage m, String address) {
        try {
            var to = m.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
        } catch (MessagingException e) {
            return false;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
