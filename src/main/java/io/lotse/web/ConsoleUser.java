package io.lotse.web;

import io.lotse.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The signed-in person as every page shows them: name, what they may do, and their form token. */
@Named("me")
@RequestScoped
public class ConsoleUser {

    private final SecurityIdentity identity;
    private final CsrfTokens tokens;

    ConsoleUser(SecurityIdentity identity, CsrfTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    public String getName() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public boolean isOps() {
        return identity.hasRole(Role.ops) || identity.hasRole(Role.admin);
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.admin);
    }

    public String getCsrf() {
        return identity.isAnonymous() ? "" : tokens.tokenFor(getName());
    }
}
