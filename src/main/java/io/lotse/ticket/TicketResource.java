package io.lotse.ticket;

import io.lotse.platform.BadInput;
import io.lotse.security.Role;
import io.lotse.triage.index.SearchIndex;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reading tickets; linking is in the incident package, replies in the reply package. */
@Path("/api/tickets")
@RolesAllowed({Role.agent, Role.ops, Role.admin})
public class TicketResource {

    private static final int MAX_SEARCH_HITS = 1000;

    private final TicketService tickets;
    private final SearchIndex index;

    TicketResource(TicketService tickets, SearchIndex index) {
        this.tickets = tickets;
        this.index = index;
    }

    @GET
    @Path("{id}")
    public TicketView get(@PathParam("id") long id) {
        return tickets.get(id);
    }

    @GET
    public TicketView.Page list(@QueryParam("status") String status, @QueryParam("incidentId") Long incidentId,
            @QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Optional<String> query = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty());
        return tickets.list(new TicketService.Filter(parseStatus(status), Optional.ofNullable(incidentId),
                query.map(text -> index.searchTickets(text, MAX_SEARCH_HITS))), page, size);
    }

    public record StatusChange(@NotNull TicketStatus status) {
    }

    /** Solve or reopen (beyond the v1 contract). */
    @PUT
    @Path("{id}/status")
    public TicketView setStatus(@PathParam("id") long id, @Valid @NotNull StatusChange body) {
        return tickets.setStatus(id, body.status());
    }

    private static Optional<TicketStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TicketStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadInput("status must be one of " + Arrays.toString(TicketStatus.values()) + ".");
        }
    }
}
