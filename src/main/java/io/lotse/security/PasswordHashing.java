package io.lotse.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bcrypt with a configurable cost. Every Basic-auth request verifies the hash, so the cost is paid per
 * API call: 10 (about 60-120 ms on a small core) is a sound default; the test suite uses 4. The cost is
 * stored inside each hash, so changing it affects only new passwords.
 */
@ApplicationScoped
public class PasswordHashing {

    private final int cost;

    PasswordHashing(@ConfigProperty(name = "lotse.security.bcrypt-cost", defaultValue = "10") int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("lotse.security.bcrypt-cost must be between 4 and 31, not " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }
}
