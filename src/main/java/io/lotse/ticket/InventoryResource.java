package io.lotse.ticket;

import io.lotse.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Ops import which customer uses which components and hosts (JSON or CSV), and read it back. */
@Path("/api/inventory")
@RolesAllowed({Role.ops, Role.admin})
public class InventoryResource {

    private final Inventory inventory;

    InventoryResource(Inventory inventory) {
        this.inventory = inventory;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Inventory.ImportResult importJson(@Valid @NotNull @Size(max = Inventory.MAX_ROWS) List<Inventory.Entry> entries,
            @QueryParam("replace") @DefaultValue("false") boolean replace) {
        return inventory.importEntries(entries, replace);
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Inventory.ImportResult importCsv(String csv, @QueryParam("replace") @DefaultValue("false") boolean replace) {
        return inventory.importEntries(Inventory.parseCsv(csv), replace);
    }

    @GET
    @Path("customers/{id}")
    @RolesAllowed({Role.agent, Role.ops, Role.admin})
    public Inventory.CustomerInventory customer(@PathParam("id") long id) {
        return inventory.of(id);
    }
}
