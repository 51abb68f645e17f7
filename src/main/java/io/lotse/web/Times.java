package io.lotse.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.ConfigProvider;

/** How the console writes times: local wall-clock time, and waiting times an agent reads at a glance. */
@TemplateExtension
public final class Times {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd.MM. HH:mm");

    private Times() {
    }

    /** {@code {ticket.createdAt.local}}: in the team's time zone (the one customer messages use too). */
    public static String local(Instant instant) {
        return instant == null ? "" : LOCAL.withZone(Zone.ID).format(instant);
    }

    /** {@code {ticket.waitingSince.ago}}: "4 min", "2 h 5 min", "3 d 1 h". */
    public static String ago(Instant instant) {
        return instant == null ? "" : duration(Duration.between(instant, Instant.now()));
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return (minutes / 60) + " h " + (minutes % 60) + " min";
        }
        return (minutes / (24 * 60)) + " d " + ((minutes / 60) % 24) + " h";
    }

    /** Read once: the same key as the reply texts, so agents and customers see the same times. */
    private static final class Zone {
        static final ZoneId ID = ZoneId.of(ConfigProvider.getConfig()
                .getOptionalValue("lotse.reply.time-zone", String.class).orElse("Europe/Berlin"));
    }
}
