package io.lotse.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On first start with no users, creates {@code admin} with all three roles, so that a fresh install can
 * be used at once. The password comes from {@code lotse.admin.initial-password}; without one a random
 * password is generated and written to the log this one time.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    public static final String ADMIN = "admin";

    private final Optional<String> initialPassword;
    private final Clock clock;
    private final PasswordHashing hashing;

    AdminBootstrap(@ConfigProperty(name = "lotse.admin.initial-password") Optional<String> initialPassword,
            Clock clock, PasswordHashing hashing) {
        this.initialPassword = initialPassword.filter(p -> !p.isBlank());
        this.clock = clock;
        this.hashing = hashing;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(this::createAdminIfNoUsers);
        } catch (RuntimeException e) {
            // Another replica starting at the same moment may have created the admin first; that is fine.
            if (QuarkusTransaction.requiringNew().call(() -> User.count()) == 0) {
                throw e;
            }
            LOG.debug("Bootstrap admin was created concurrently by another instance", e);
        }
    }

    private void createAdminIfNoUsers() {
        if (User.count() > 0) {
            return;
        }
        String password = initialPassword.orElseGet(AdminBootstrap::randomPassword);
        User.create(ADMIN, hashing.hash(password), EnumSet.allOf(Role.class), clock.instant());
        if (initialPassword.isPresent()) {
            LOG.infof("Created user '%s' with the password from lotse.admin.initial-password.", ADMIN);
        } else {
            LOG.warnf("Created user '%s' with the generated password '%s'. It is shown only this once: "
                    + "sign in and create personal users, or set LOTSE_ADMIN_INITIAL_PASSWORD before the first start.",
                    ADMIN, password);
        }
    }

    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
