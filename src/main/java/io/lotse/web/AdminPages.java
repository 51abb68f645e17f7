package io.lotse.web;

import io.lotse.intake.email.Quarantine;
import io.lotse.platform.DomainException;
import io.lotse.security.Role;
import io.lotse.security.UserService;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The admin's page: who may sign in with which roles, and the mail that could not be read. */
@Path("/ui/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.admin)
public class AdminPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance admin(List<UserService.UserView> users, List<Quarantine.Entry> quarantine,
                String done, String error);
    }

    private final UserService users;
    private final Quarantine quarantine;

    AdminPages(UserService users, Quarantine quarantine) {
        this.users = users;
        this.quarantine = quarantine;
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.admin(users.list(), quarantine.list(Optional.empty()), done, error);
    }

    @POST
    @Path("users")
    public Response createUser(@FormParam("username") String username, @FormParam("password") String password,
            @FormParam("agent") boolean agent, @FormParam("ops") boolean ops, @FormParam("admin") boolean admin) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            return Flash.failed("/ui/admin", "User names are letters, digits and . _ @ - (at most 100).");
        }
        if (password == null || password.length() < 8 || password.length() > 200) {
            return Flash.failed("/ui/admin", "Passwords have 8 to 200 characters.");
        }
        Set<String> roles = new LinkedHashSet<>();
        if (agent) {
            roles.add(Role.agent);
        }
        if (ops) {
            roles.add(Role.ops);
        }
        if (admin) {
            roles.add(Role.admin);
        }
        try {
            users.create(username, password, roles);
            return Flash.done("/ui/admin", "User " + username + " created.");
        } catch (DomainException e) {
            return Flash.failed("/ui/admin", e.getMessage());
        }
    }

    @POST
    @Path("quarantine/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        try {
            Quarantine.Entry entry = quarantine.retry(id);
            return Flash.done("/ui/admin", "Mail " + id + " was read this time: ticket " + entry.releasedTo() + ".");
        } catch (DomainException e) {
            return Flash.failed("/ui/admin", e.getMessage());
        }
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MediaType.TEXT_HTML).entity(OpsPages.Templates.forbidden("admins")).build();
    }
}
