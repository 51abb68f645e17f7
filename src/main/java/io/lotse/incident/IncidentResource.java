package io.lotse.incident;

import io.lotse.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Incidents: ops declare and steer them; agents may read them (they see them in the queue anyway). */
@Path("/api/incidents")
public class IncidentResource {

    private final IncidentService incidents;
    private final SecurityIdentity identity;

    IncidentResource(IncidentService incidents, SecurityIdentity identity) {
        this.incidents = incidents;
        this.identity = identity;
    }

    public record NewIncident(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20000) String description,
            @Size(max = 50) List<@NotBlank @Size(max = 200) String> components,
            @Size(max = 2000) String statusPageUrl,
            OffsetDateTime startedAt) {
    }

    public record NewUpdate(@NotNull IncidentStatus status, @NotBlank @Size(max = 20000) String message,
            Boolean notifyLinked) {
    }

    @POST
    @RolesAllowed({Role.ops, Role.admin})
    public Response declare(@Valid @NotNull NewIncident body) {
        IncidentView created = incidents.declare(new IncidentService.Declaration(body.title(), body.description(),
                body.components() == null ? List.of() : body.components(), body.statusPageUrl(),
                Optional.ofNullable(body.startedAt()).map(OffsetDateTime::toInstant)), identity.getPrincipal().getName());
        return Response.created(URI.create("/api/incidents/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Role.agent, Role.ops, Role.admin})
    public List<IncidentView> list(@QueryParam("active") Boolean active) {
        return incidents.list(Optional.ofNullable(active));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.agent, Role.ops, Role.admin})
    public IncidentView get(@PathParam("id") long id) {
        return incidents.get(id);
    }

    /** Per status update: who was told, on which channel, and what failed (beyond the v1 contract). */
    @GET
    @Path("{id}/notifications")
    @RolesAllowed({Role.ops, Role.admin})
    public List<io.lotse.reply.IncidentMessages.UpdateReport> notifications(@PathParam("id") long id) {
        return incidents.notifications(id);
    }

    @POST
    @Path("{id}/updates")
    @RolesAllowed({Role.ops, Role.admin})
    public Response update(@PathParam("id") long id, @Valid @NotNull NewUpdate body) {
        IncidentView view = incidents.postUpdate(id, body.status(), body.message(),
                Boolean.TRUE.equals(body.notifyLinked()), identity.getPrincipal().getName());
        return Response.status(201).entity(view).build();
    }
}
