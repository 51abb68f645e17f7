package io.lotse.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's CSRF tokens: an HMAC of the signed-in user's name. Stateless, so every replica accepts
 * them when they share the session key, and a page from another site cannot know them. The key is the
 * one that encrypts the session cookie; without it (single instance), a random key per start.
 */
@ApplicationScoped
public class CsrfTokens {

    /** The hidden form field every console form carries. */
    public static final String FIELD = "_csrf";

    private final SecretKeySpec key;

    CsrfTokens(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        byte[] secret = sessionKey.filter(k -> !k.isBlank())
                .map(k -> ("lotse-console-csrf:" + k).getBytes(StandardCharsets.UTF_8))
                .orElseGet(CsrfTokens::randomSecret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String tokenFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean valid(String username, String presented) {
        return presented != null && MessageDigest.isEqual(tokenFor(username).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomSecret() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
