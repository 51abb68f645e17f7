package io.lotse.web;

import io.lotse.incident.IncidentService;
import io.lotse.incident.IncidentView;
import io.lotse.incident.TicketLinks;
import io.lotse.platform.DomainException;
import io.lotse.reply.AgentReplies;
import io.lotse.ticket.TicketNotFound;
import io.lotse.ticket.TicketService;
import io.lotse.ticket.TicketStatus;
import io.lotse.ticket.TicketView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One ticket: the conversation, triage's decision and reasons, and what an agent does with it. */
@Path("/ui/tickets/{id}")
@Produces(MediaType.TEXT_HTML)
public class TicketPage {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance ticket(TicketView ticket, List<IncidentChoice> incidents, String incidentTitle,
                String suggestedTitle, String done, String error, String draft);

        static native TemplateInstance notFound(String what);
    }

    /** An active incident the ticket can be linked to. */
    public record IncidentChoice(long id, String title) {
    }

    private final TicketService tickets;
    private final IncidentService incidents;
    private final TicketLinks links;
    private final AgentReplies replies;
    private final ConsoleUser me;

    TicketPage(TicketService tickets, IncidentService incidents, TicketLinks links, AgentReplies replies, ConsoleUser me) {
        this.tickets = tickets;
        this.incidents = incidents;
        this.links = links;
        this.replies = replies;
        this.me = me;
    }

    @GET
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        return render(tickets.get(id), done, error, "");
    }

    @POST
    @Path("link")
    public Response link(@PathParam("id") long id, @FormParam("incidentId") Long incidentId) {
        if (incidentId == null) {
            return Flash.failed(path(id), "Choose an incident to link to.");
        }
        return act(id, "Linked to incident " + incidentId + ".", () -> links.link(id, incidentId, me.getName()));
    }

    /** Accepts triage's suggestion: the same as linking to the suggested incident. */
    @POST
    @Path("accept")
    public Response accept(@PathParam("id") long id) {
        Optional<Long> suggested = Optional.ofNullable(tickets.get(id).triage().incidentId());
        return suggested.map(incident -> act(id, "Suggestion accepted: linked to incident " + incident + ".",
                () -> links.link(id, incident, me.getName())))
                .orElseGet(() -> Flash.failed(path(id), "Triage suggested no incident for this ticket."));
    }

    /**
     * Unlinks and shows the ticket at once (no redirect): if the customer already had the incident's
     * automatic answer, the reply box comes pre-filled with the correction to send.
     */
    @POST
    @Path("unlink")
    public Response unlink(@PathParam("id") long id) {
        try {
            TicketView view = links.unlink(id, me.getName());
            String draft = view.correctionSuggestion() == null ? "" : view.correctionSuggestion();
            String done = draft.isEmpty() ? "Unlinked." : "Unlinked. The customer had the automatic answer: a correction is ready below.";
            return Response.ok(render(view, done, null, draft)).build();
        } catch (DomainException e) {
            return Flash.failed(path(id), e.getMessage());
        }
    }

    @POST
    @Path("reply")
    public Response reply(@PathParam("id") long id, @FormParam("text") String text) {
        if (text == null || text.isBlank()) {
            return Flash.failed(path(id), "The reply is empty.");
        }
        if (text.length() > 50_000) {
            return Flash.failed(path(id), "The reply is longer than 50,000 characters.");
        }
        return act(id, "Reply sent.", () -> replies.reply(id, text, me.getName()));
    }

    @POST
    @Path("solve")
    public Response solve(@PathParam("id") long id) {
        return act(id, "Solved.", () -> tickets.setStatus(id, TicketStatus.SOLVED));
    }

    @POST
    @Path("reopen")
    public Response reopen(@PathParam("id") long id) {
        return act(id, "Reopened.", () -> tickets.setStatus(id, TicketStatus.OPEN));
    }

    @ServerExceptionMapper
    public Response notFound(TicketNotFound e) {
        return Response.status(404).entity(Templates.notFound("Ticket")).type(MediaType.TEXT_HTML).build();
    }

    private Response act(long id, String done, Supplier<?> action) {
        try {
            action.get();
            return Flash.done(path(id), done);
        } catch (TicketNotFound e) {
            throw e;
        } catch (DomainException e) {
            return Flash.failed(path(id), e.getMessage());
        }
    }

    private TemplateInstance render(TicketView ticket, String done, String error, String draft) {
        List<IncidentView> active = incidents.list(Optional.of(true));
        List<IncidentChoice> choices = active.stream().map(i -> new IncidentChoice(i.id(), i.title())).toList();
        return Templates.ticket(ticket, choices, title(active, ticket.incidentId()),
                title(active, ticket.triage().incidentId()), done, error, draft);
    }

    private static String title(List<IncidentView> active, Long id) {
        return id == null ? null : active.stream().filter(i -> i.id() == id).map(IncidentView::title).findFirst()
                .orElse("incident " + id);
    }

    private static String path(long id) {
        return "/ui/tickets/" + id;
    }
}
