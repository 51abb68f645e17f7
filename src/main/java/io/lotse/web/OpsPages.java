package io.lotse.web;

import io.lotse.incident.IncidentService;
import io.lotse.incident.IncidentStatus;
import io.lotse.incident.IncidentView;
import io.lotse.platform.DomainException;
import io.lotse.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What only ops do: declare incidents, post status updates, resolve them. */
@Path("/ui/ops/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ops, Role.admin})
public class OpsPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance declare(String error, String title, String description, String components,
                String statusPageUrl);

        static native TemplateInstance forbidden(String needed);
    }

    private final IncidentService incidents;
    private final ConsoleUser me;

    OpsPages(IncidentService incidents, ConsoleUser me) {
        this.incidents = incidents;
        this.me = me;
    }

    @GET
    @Path("new")
    public TemplateInstance declareForm(@QueryParam("error") String error) {
        return Templates.declare(error, "", "", "", "");
    }

    @POST
    public Response declare(@FormParam("title") String title, @FormParam("description") String description,
            @FormParam("components") String components, @FormParam("statusPageUrl") String statusPageUrl) {
        String problem = title == null || title.isBlank() ? "An incident needs a title."
                : title.length() > 300 ? "The title is longer than 300 characters." : null;
        if (problem == null) {
            try {
                IncidentView created = incidents.declare(new IncidentService.Declaration(title,
                        blankToNull(description), components == null ? java.util.List.of()
                                : Arrays.stream(components.split("[,\\n]")).map(String::strip).filter(c -> !c.isEmpty()).toList(),
                        blankToNull(statusPageUrl), Optional.empty()), me.getName());
                return Flash.done("/ui/incidents/" + created.id(), "Incident declared. Open tickets since its start are being re-checked.");
            } catch (DomainException e) {
                problem = e.getMessage();
            }
        }
        return Response.status(422).type(MediaType.TEXT_HTML)
                .entity(Templates.declare(problem, nz(title), nz(description), nz(components), nz(statusPageUrl))).build();
    }

    @POST
    @Path("{id}/updates")
    public Response update(@PathParam("id") long id, @FormParam("status") String status,
            @FormParam("message") String message, @FormParam("notifyLinked") boolean notifyLinked) {
        String back = "/ui/incidents/" + id;
        Optional<IncidentStatus> parsed = Arrays.stream(IncidentStatus.values()).filter(s -> s.name().equals(status)).findFirst();
        if (parsed.isEmpty()) {
            return Flash.failed(back, "Choose a status.");
        }
        if (message == null || message.isBlank()) {
            return Flash.failed(back, "A status update needs a message.");
        }
        try {
            incidents.postUpdate(id, parsed.get(), message, notifyLinked, me.getName());
            return Flash.done(back, parsed.get() == IncidentStatus.RESOLVED ? "Resolved." + (notifyLinked ? " Linked customers are told." : "")
                    : "Update posted." + (notifyLinked ? " Linked customers are told." : ""));
        } catch (DomainException e) {
            return Flash.failed(back, e.getMessage());
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MediaType.TEXT_HTML).entity(Templates.forbidden("ops")).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
