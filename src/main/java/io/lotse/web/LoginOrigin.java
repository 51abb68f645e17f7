package io.lotse.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Login CSRF: the sign-in form posts to Quarkus' own {@code /j_security_check}, which carries no form
 * token, so another site could sign a browser into an account of the attacker's. Browsers say where a
 * form post comes from ({@code Sec-Fetch-Site}, else {@code Origin}); a sign-in that does not come from
 * Lotse's own pages is refused before it reaches the login. API clients send neither header and are
 * not affected (they use Basic credentials, not the form).
 */
@ApplicationScoped
public class LoginOrigin {

    /** Before Quarkus' authentication handler, which answers the form post itself. */
    private static final int BEFORE_AUTHENTICATION = -1000;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/j_security_check").order(BEFORE_AUTHENTICATION).handler(this::check);
    }

    void check(RoutingContext context) {
        if (fromElsewhere(context.request().getHeader("Sec-Fetch-Site"), context.request().getHeader("Origin"),
                context.request().authority() == null ? null : context.request().authority().toString())) {
            context.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .end("Sign in on Lotse's own login page.");
            return;
        }
        context.next();
    }

    /** Same-origin posts and a typed-in address pass; another site, even a sibling subdomain, does not. */
    static boolean fromElsewhere(String fetchSite, String origin, String authority) {
        if (fetchSite != null) {
            return !(fetchSite.equalsIgnoreCase("same-origin") || fetchSite.equalsIgnoreCase("none"));
        }
        if (origin == null || authority == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true; // sandboxed frames and data: URLs
        }
        String host = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        return !host.equalsIgnoreCase(authority);
    }
}
