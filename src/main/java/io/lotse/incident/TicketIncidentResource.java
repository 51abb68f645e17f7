package io.lotse.incident;

import io.lotse.security.Role;
import io.lotse.ticket.TicketView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** {@code PUT/DELETE /api/tickets/{id}/incident}: a person links or unlinks a ticket. */
@Path("/api/tickets/{id}/incident")
@RolesAllowed({Role.agent, Role.ops, Role.admin})
public class TicketIncidentResource {

    private final TicketLinks links;
    private final SecurityIdentity identity;

    TicketIncidentResource(TicketLinks links, SecurityIdentity identity) {
        this.links = links;
        this.identity = identity;
    }

    public record Link(@NotNull Long incidentId) {
    }

    @PUT
    public TicketView link(@PathParam("id") long id, @Valid @NotNull Link body) {
        return links.link(id, body.incidentId(), identity.getPrincipal().getName());
    }

    @DELETE
    public TicketView unlink(@PathParam("id") long id) {
        return links.unlink(id, identity.getPrincipal().getName());
    }
}
