package io.lotse.reply;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Outbound messages: how they are addressed, formatted and delivered. */
@ConfigMapping(prefix = "lotse.reply")
public interface ReplyConfig {

    /** Domain of our own Message-IDs; replies naming such an id are recognised as answers to us. */
    @WithDefault("lotse.local")
    String messageIdDomain();

    /** How often the outbox sender looks for due mail (it is also woken after every commit that queues). */
    @WithDefault("5s")
    Duration sendInterval();

    /** Time zone in which times are written in customer messages. */
    @WithDefault("Europe/Berlin")
    ZoneId timeZone();

    /** Attempts before an outbound mail is given up as FAILED; the pause doubles each time. */
    @WithDefault("12")
    int maxAttempts();

    /** Pause before the first retry. */
    @WithDefault("10s")
    Duration firstRetryDelay();

    /**
     * The pause doubles up to this: after a long SMTP outage the waiting mail goes out within this time
     * of the relay coming back, not an hour later.
     */
    @WithDefault("2m")
    Duration maxRetryDelay();

    /**
     * Storm budget per address: at most this many automatic mails to one address per hour, whatever the
     * incidents. A robot that is not recognised as one, or a flood from one sender, gets no more; its
     * messages are still stored for agents.
     */
    @WithDefault("3")
    int automaticPerAddressPerHour();

    /**
     * Global storm budget: automatic mails handed to SMTP per minute, across all replicas. More wait in
     * the outbox for the next minute (throttled, not lost), so the mail relay is not flooded.
     */
    @WithDefault("600")
    int automaticPerMinute();

    /** An SMTP server that accepts the connection and then says nothing must not stall the outbox. */
    @WithDefault("60s")
    Duration sendTimeout();

    /**
     * A message claimed longer ago than this by a sender that vanished (crash) is claimed again. Must be
     * longer than {@link #sendTimeout()}, or a live sender's mail could be taken over and sent twice.
     */
    @WithDefault("5m")
    Duration claimTimeout();
}
