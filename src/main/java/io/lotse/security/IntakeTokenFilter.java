package io.lotse.security;

import io.lotse.platform.DomainException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards {@code /api/intake/**}: a bearer token from {@code lotse.intake.tokens} or one an admin created
 * ({@link IntakeTokens}), else 401 before anything is read or stored. Users' Basic credentials do not open
 * intake: machines and people are kept apart. The filter runs pre-matching on the event loop; the stored
 * tokens are checked against {@link IntakeTokens}' in-memory set, so no request waits for the database.
 */
public class IntakeTokenFilter {

    private final List<byte[]> tokens;
    private final IntakeTokens stored;

    IntakeTokenFilter(@ConfigProperty(name = "lotse.intake.tokens") Optional<List<String>> tokens, IntakeTokens stored) {
        this.tokens = tokens.orElse(List.of()).stream()
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.stored = stored;
    }

    @ServerRequestFilter(preMatching = true)
    public void checkIntakeToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        // Not a bare prefix: /api/intake-tokens is the admins' API, authenticated like the rest of /api.
        if (!path.equals("/api/intake") && !path.startsWith("/api/intake/")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || !known(header.substring(7).trim())) {
            throw new IntakeUnauthorized();
        }
    }

    private boolean known(String presented) {
        if (presented.isEmpty()) {
            return false;
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            // Constant-time comparison, and no early exit, so timing does not reveal a token.
            match |= MessageDigest.isEqual(token, candidate);
        }
        // Stored tokens are looked up by their SHA-256: timing can tell at most something about a hash, not the token.
        return match || stored.accepts(presented);
    }

    /** 401 for intake calls without a valid token. */
    public static class IntakeUnauthorized extends DomainException {
        IntakeUnauthorized() {
            super(401, "Unauthorized", "Intake needs 'Authorization: Bearer <token>' with a token from lotse.intake.tokens "
                    + "or one an admin created.");
        }
    }
}
