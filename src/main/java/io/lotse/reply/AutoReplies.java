package io.lotse.reply;

import io.lotse.ticket.Channel;
import io.lotse.ticket.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;

/**
 * The once-per-customer-and-incident rule for automatic answers, kept by the database: the primary key
 * of {@code auto_reply} makes a second claim impossible, across replicas and restarts. When two claims
 * race, the loser's transaction fails on the key and the intake retries it, then sees the claim.
 */
@ApplicationScoped
public class AutoReplies {

    private final EntityManager em;
    private final Clock clock;

    AutoReplies(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public boolean alreadyAnswered(long customerId, long incidentId) {
        Number n = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM auto_reply WHERE customer_id = ?1 AND incident_id = ?2")
                .setParameter(1, customerId)
                .setParameter(2, incidentId)
                .getSingleResult();
        return n.longValue() > 0;
    }

    /** How many automatic mails went (or are queued) to this address since then: the per-address storm budget. */
    public long automaticMailsTo(String address, java.time.Instant since) {
        return Message.count("to = ?1 and automatic = true and channel = ?2 and receivedAt >= ?3", address,
                Channel.EMAIL, since);
    }

    /** Claims the one answer; false when this customer already had it for this incident. */
    public boolean claim(long customerId, long incidentId, long ticketId, Channel channel) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO auto_reply (customer_id, incident_id, ticket_id, channel, created_at)
                        SELECT ?1, ?2, ?3, ?4, ?5 FROM (VALUES (1)) AS one(x)
                        WHERE NOT EXISTS (SELECT 1 FROM auto_reply WHERE customer_id = ?1 AND incident_id = ?2)
                        """)
                .setParameter(1, customerId)
                .setParameter(2, incidentId)
                .setParameter(3, ticketId)
                .setParameter(4, channel.name())
                .setParameter(5, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
