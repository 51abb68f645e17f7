package io.lotse.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Admins create and revoke intake tokens (beyond the v1 contract). The token is in the answer to the create
 * only; the list never shows it. A revoked token is refused at once on this replica, within
 * {@code lotse.intake.token-refresh} (5 s) on the others.
 */
@Path("/api/intake-tokens")
@RolesAllowed(Role.admin)
public class IntakeTokenResource {

    private final IntakeTokens tokens;
    private final SecurityIdentity identity;

    IntakeTokenResource(IntakeTokens tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    public record NewTokenRequest(@NotBlank @Size(max = 100) String name) {
    }

    @GET
    public List<IntakeTokens.TokenView> list() {
        return tokens.list();
    }

    @POST
    public Response create(@Valid @NotNull NewTokenRequest body) {
        IntakeTokens.NewToken created = tokens.create(body.name(), identity.getPrincipal().getName());
        return Response.status(201).header("Cache-Control", "no-store").entity(created).build();
    }

    @DELETE
    @Path("{id}")
    public IntakeTokens.TokenView revoke(@PathParam("id") long id) {
        return tokens.revoke(id);
    }
}
