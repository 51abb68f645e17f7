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

    /** A message claimed longer ago than this by a sender that vanished (crash) is claimed again. */
    @WithDefault("5m")
    Duration claimTimeout();
}
