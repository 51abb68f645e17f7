package io.lotse.web;

import io.lotse.intake.email.Quarantine;
import io.lotse.platform.DomainException;
import io.lotse.reply.ReplyTemplates;
import io.lotse.security.IntakeTokens;
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

/**
 * The admin's pages: who may sign in with which roles, the intake tokens (a new one is shown once, on the
 * answer to its form, never in a link), the customer messages' wording, and the mail that could not be read.
 */
@Path("/ui/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.admin)
public class AdminPages {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance admin(List<UserService.UserView> users, List<IntakeTokens.TokenView> tokens,
                List<ReplyTemplates.TemplateView> templates, List<Quarantine.Entry> quarantine, String done, String error);

        static native TemplateInstance adminToken(IntakeTokens.NewToken created);

        static native TemplateInstance adminTemplate(ReplyTemplates.TemplateView template, String body, String preview,
                String done, String error);
    }

    /** The longest template text accepted, as in the JSON API. */
    private static final int MAX_TEMPLATE = 20000;

    private final UserService users;
    private final Quarantine quarantine;
    private final IntakeTokens intakeTokens;
    private final ReplyTemplates replyTemplates;
    private final ConsoleUser me;

    AdminPages(UserService users, Quarantine quarantine, IntakeTokens intakeTokens, ReplyTemplates replyTemplates,
            ConsoleUser me) {
        this.users = users;
        this.quarantine = quarantine;
        this.intakeTokens = intakeTokens;
        this.replyTemplates = replyTemplates;
        this.me = me;
    }

    @GET
    public TemplateInstance page(@QueryParam("done") String done, @QueryParam("error") String error) {
        return Templates.admin(users.list(), intakeTokens.list(), replyTemplates.list(), quarantine.list(Optional.empty()),
                done, error);
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
        return onAdminPage(() -> {
            users.create(username, password, roles(agent, ops, admin));
            return "User " + username + " created.";
        });
    }

    @POST
    @Path("users/{username}/roles")
    public Response changeRoles(@PathParam("username") String username, @FormParam("agent") boolean agent,
            @FormParam("ops") boolean ops, @FormParam("admin") boolean admin) {
        return onAdminPage(() -> {
            users.changeRoles(username, roles(agent, ops, admin));
            return "Roles of " + username + " saved; they apply from the next page.";
        });
    }

    /** Runs an admin action and shows its outcome on the admin page: the confirmation, or why it was refused. */
    private static Response onAdminPage(java.util.function.Supplier<String> action) {
        try {
            return Flash.done("/ui/admin", action.get());
        } catch (DomainException e) {
            return Flash.failed("/ui/admin", e.getMessage());
        }
    }

    private static Set<String> roles(boolean agent, boolean ops, boolean admin) {
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
        return roles;
    }

    @POST
    @Path("quarantine/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        return onAdminPage(() -> "Mail " + id + " was read this time: ticket " + quarantine.retry(id).releasedTo() + ".");
    }

    /** Creates a token and shows it on this answer only: a redirect would put it in a link and the history. */
    @POST
    @Path("intake-tokens")
    public Response createToken(@FormParam("name") String name) {
        try {
            IntakeTokens.NewToken created = intakeTokens.create(name, me.getName());
            return Response.ok(Templates.adminToken(created)).type(MediaType.TEXT_HTML).build();
        } catch (DomainException e) {
            return Flash.failed("/ui/admin", e.getMessage());
        }
    }

    @POST
    @Path("intake-tokens/{id}/revoke")
    public Response revokeToken(@PathParam("id") long id) {
        return onAdminPage(() -> "Intake token '" + intakeTokens.revoke(id).name() + "' revoked; it is refused from now on "
                + "(by other replicas within a few seconds).");
    }

    @GET
    @Path("templates/{name}/{language}")
    public TemplateInstance template(@PathParam("name") String name, @PathParam("language") String language,
            @QueryParam("done") String done, @QueryParam("error") String error) {
        ReplyTemplates.TemplateView view = replyTemplates.view(name, language);
        return Templates.adminTemplate(view, view.body(), null, done, error);
    }

    /** {@code action=preview} renders the text with sample data; {@code action=save} stores it. Refused: 422 with the reason. */
    @POST
    @Path("templates/{name}/{language}")
    public Response saveTemplate(@PathParam("name") String name, @PathParam("language") String language,
            @FormParam("body") String body, @FormParam("action") String action) {
        ReplyTemplates.TemplateView current = replyTemplates.view(name, language);
        // Browsers send text area lines with CRLF; the built-in texts and the mails use LF.
        String text = body == null ? "" : body.replace("\r\n", "\n");
        String problem = text.isBlank() ? "The text is empty. To go back to the built-in text use \"Reset\"."
                : text.length() > MAX_TEMPLATE ? "The text is longer than " + MAX_TEMPLATE + " characters." : null;
        if (problem == null) {
            try {
                if ("save".equals(action)) {
                    replyTemplates.save(name, language, text, me.getName());
                    return Flash.done(templatePath(name, language), "Saved: customers get this text from now on.");
                }
                String preview = replyTemplates.preview(name, language, text);
                return Response.ok(Templates.adminTemplate(current, text, preview, null, null)).type(MediaType.TEXT_HTML).build();
            } catch (DomainException e) {
                problem = e.getMessage();
            }
        }
        return Response.status(422).type(MediaType.TEXT_HTML)
                .entity(Templates.adminTemplate(current, text, null, null, problem)).build();
    }

    @POST
    @Path("templates/{name}/{language}/reset")
    public Response resetTemplate(@PathParam("name") String name, @PathParam("language") String language) {
        replyTemplates.reset(name, language);
        return Flash.done(templatePath(name, language), "Back to the built-in text.");
    }

    @ServerExceptionMapper
    public Response templateNotFound(ReplyTemplates.TemplateNotFound e) {
        return Response.status(404).entity(TicketPage.Templates.notFound("Template")).type(MediaType.TEXT_HTML).build();
    }

    private static String templatePath(String name, String language) {
        return "/ui/admin/templates/" + name + "/" + language;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(MediaType.TEXT_HTML).entity(OpsPages.Templates.forbidden("admins")).build();
    }
}
