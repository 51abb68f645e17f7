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
 * Guards {@code /api/intake/**}: a bearer token from {@code lotse.intake.tokens} or 401 before anything
 * is read or stored. Users' Basic credentials do not open intake: machines and people are kept apart.
 */
public class IntakeTokenFilter {

    private final List<byte[]> tokens;

    IntakeTokenFilter(@ConfigProperty(name = "lotse.intake.tokens") Optional<List<String>> tokens) {
        this.tokens = tokens.orElse(List.of()).stream()
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    public void checkIntakeToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/intake")) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || !known(header.substring(7).trim())) {
            throw new IntakeUnauthorized();
        }
    }

    private boolean known(String presented) {
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] token : tokens) {
            // Constant-time comparison, and no early exit, so timing does not reveal a token.
            match |= MessageDigest.isEqual(token, candidate);
        }
        return match;
    }

    /** 401 for intake calls without a valid token. */
    public static class IntakeUnauthorized extends DomainException {
        IntakeUnauthorized() {
            super(401, "Unauthorized", "Intake needs 'Authorization: Bearer <token>' with a token from lotse.intake.tokens.");
        }
    }
}
