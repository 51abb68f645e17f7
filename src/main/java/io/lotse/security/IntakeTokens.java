package io.lotse.security;

import io.lotse.platform.NotFound;
import io.lotse.platform.Unprocessable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Intake tokens that admins create and revoke in the service, next to the configured
 * {@code lotse.intake.tokens}. A token ({@code lot_} + 32 random bytes, URL-safe base64) is shown once, when
 * it is created; only its SHA-256 is stored.
 *
 * <p>The intake check runs on the HTTP event loop, where nothing may wait for the database, so it looks the
 * token's hash up in an in-memory set of the non-revoked hashes. That set is reloaded from the database every
 * {@code lotse.intake.token-refresh} (default 5 s) and at once on this replica after every create and revoke.
 * So a revoked token stops working immediately on the replica that revoked it and within that interval on
 * every other replica (a new token starts working there within the same interval). The last use is kept in
 * memory too and written with the reload, at most once a minute per token: no write per request.
 */
@ApplicationScoped
public class IntakeTokens {

    private static final Logger LOG = Logger.getLogger(IntakeTokens.class);
    static final String PREFIX = "lot_";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Hashes of the tokens that are not revoked; replaced as a whole on every reload. */
    private volatile Set<String> active = Set.of();
    /** Tokens used since the last reload (hash -> latest use), written to last_used_at with the next reload. */
    private final Map<String, Instant> usedSinceReload = new ConcurrentHashMap<>();

    IntakeTokens(Clock clock) {
        this.clock = clock;
    }

    /** A token as the list shows it: never the token or its hash. */
    public record TokenView(long id, String name, String createdBy, Instant createdAt, Instant revokedAt,
            Instant lastUsedAt, boolean active) {
        static TokenView of(IntakeToken t) {
            return new TokenView(t.id, t.name, t.createdBy, t.createdAt, t.revokedAt, t.lastUsedAt, t.revokedAt == null);
        }
    }

    /** The answer to a create: the only time the token itself is seen. */
    public record NewToken(long id, String name, String token) {
    }

    public NewToken create(String name, String user) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 100) {
            throw new Unprocessable("A token needs a name of 1 to 100 characters (who uses it, e.g. 'chat widget').");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            IntakeToken t = new IntakeToken();
            t.name = clean;
            t.tokenHash = sha256Hex(token);
            t.createdBy = user;
            t.createdAt = clock.instant();
            t.persist();
            return t.id;
        });
        reload();
        return new NewToken(id, clean, token);
    }

    public List<TokenView> list() {
        return QuarkusTransaction.requiringNew().call(
                () -> IntakeToken.<IntakeToken>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(TokenView::of).toList());
    }

    /** Revokes a token (again is fine); it stops working on this replica at once. */
    public TokenView revoke(long id) {
        TokenView view = QuarkusTransaction.requiringNew().call(() -> {
            IntakeToken t = IntakeToken.findById(id);
            if (t == null) {
                throw new NotFound("Intake token", id);
            }
            if (t.revokedAt == null) {
                t.revokedAt = clock.instant();
            }
            return TokenView.of(t);
        });
        reload();
        return view;
    }

    /** Whether a presented bearer token is a stored, non-revoked one. Never blocks: safe on the event loop. */
    public boolean accepts(String presented) {
        String hash = sha256Hex(presented);
        if (!active.contains(hash)) {
            return false;
        }
        usedSinceReload.put(hash, clock.instant());
        return true;
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    @Scheduled(every = "${lotse.intake.token-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledReload() {
        try {
            reload();
        } catch (RuntimeException e) {
            // Keep the last known set; the next round tries again.
            LOG.warn("Could not reload the intake tokens from the database; keeping the last known ones", e);
        }
    }

    /**
     * Writes the recorded uses and reads the non-revoked hashes. Synchronized so that a reload that read the
     * database before a revoke committed cannot publish its older set after the revoke's own reload.
     */
    synchronized void reload() {
        Map<String, Instant> used = new HashMap<>();
        for (String hash : List.copyOf(usedSinceReload.keySet())) {
            Instant at = usedSinceReload.remove(hash);
            if (at != null) {
                used.put(hash, at);
            }
        }
        Set<String> hashes = QuarkusTransaction.requiringNew().call(() -> {
            used.forEach((hash, at) -> IntakeToken.update(
                    "lastUsedAt = ?1 where tokenHash = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                    at, hash, at.minus(LAST_USED_PRECISION)));
            return new HashSet<>(IntakeToken.<IntakeToken>list("revokedAt is null").stream().map(t -> t.tokenHash).toList());
        });
        active = Set.copyOf(hashes);
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
