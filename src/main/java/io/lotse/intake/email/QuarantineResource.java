package io.lotse.intake.email;

import io.lotse.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;

/** Unreadable mail for admins: list it, download it, re-process it. */
@Path("/api/quarantine")
@RolesAllowed(Role.admin)
public class QuarantineResource {

    private final Quarantine quarantine;

    QuarantineResource(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    @GET
    public List<Quarantine.Entry> list(@QueryParam("status") String status) {
        return quarantine.list(Optional.ofNullable(status).filter(s -> !s.isBlank()).map(String::toUpperCase));
    }

    @GET
    @Path("{id}/raw")
    @Produces("message/rfc822")
    public byte[] raw(@PathParam("id") long id) {
        return quarantine.raw(id);
    }

    @POST
    @Path("{id}/retry")
    public Quarantine.Entry retry(@PathParam("id") long id) {
        return quarantine.retry(id);
    }
}
