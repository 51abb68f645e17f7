package io.lotse.web;

import io.lotse.incident.IncidentNotFound;
import io.lotse.incident.IncidentService;
import io.lotse.incident.IncidentStatus;
import io.lotse.incident.IncidentView;
import io.lotse.reply.IncidentMessages;
import io.lotse.ticket.TicketService;
import io.lotse.ticket.TicketView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Incidents as everyone sees them: what is going on, whom it touches, how fast tickets arrive. */
@Path("/ui/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentPages {

    /** Linked tickets shown on the page; the queue and the API page through the rest. */
    static final int LINKED_SHOWN = 100;

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance incidents(List<IncidentView> incidents);

        static native TemplateInstance incident(IncidentView incident, TicketView.Page linked, Arrivals.Chart chart,
                List<IncidentMessages.UpdateReport> notifications, IncidentStatus[] statuses, String done, String error);
    }

    private final IncidentService incidents;
    private final TicketService tickets;
    private final Arrivals arrivals;
    private final ConsoleUser me;

    IncidentPages(IncidentService incidents, TicketService tickets, Arrivals arrivals, ConsoleUser me) {
        this.incidents = incidents;
        this.tickets = tickets;
        this.arrivals = arrivals;
        this.me = me;
    }

    @GET
    public TemplateInstance list() {
        return Templates.incidents(incidents.list(Optional.empty()));
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        IncidentView incident = incidents.get(id);
        TicketView.Page linked = tickets.list(new TicketService.Filter(Optional.empty(), Optional.of(id), Optional.empty()),
                0, LINKED_SHOWN);
        // Who was told what is ops' business (the API keeps it to ops too).
        List<IncidentMessages.UpdateReport> notifications = me.isOps() ? incidents.notifications(id) : List.of();
        return Templates.incident(incident, linked, arrivals.of(id, incident.startedAt(), incident.resolvedAt()),
                notifications, IncidentStatus.values(), done, error);
    }

    @ServerExceptionMapper
    public Response notFound(IncidentNotFound e) {
        return Response.status(404).entity(TicketPage.Templates.notFound("Incident")).type(MediaType.TEXT_HTML).build();
    }
}
