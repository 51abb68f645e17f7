package io.lotse.reply;

import io.lotse.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** Admins reword the customer messages (beyond the v1 contract). */
@Path("/api/templates")
@RolesAllowed(Role.admin)
public class TemplateResource {

    private final ReplyTemplates templates;
    private final SecurityIdentity identity;

    TemplateResource(ReplyTemplates templates, SecurityIdentity identity) {
        this.templates = templates;
        this.identity = identity;
    }

    public record Body(@NotBlank @Size(max = 20000) String body) {
    }

    public record Preview(String rendered) {
    }

    @GET
    public List<ReplyTemplates.TemplateView> list() {
        return templates.list();
    }

    @GET
    @Path("{name}/{language}")
    public ReplyTemplates.TemplateView get(@PathParam("name") String name, @PathParam("language") String language) {
        return templates.view(name, language);
    }

    @POST
    @Path("{name}/{language}/preview")
    public Preview preview(@PathParam("name") String name, @PathParam("language") String language,
            @Valid @NotNull Body body) {
        return new Preview(templates.preview(name, language, body.body()));
    }

    @PUT
    @Path("{name}/{language}")
    public ReplyTemplates.TemplateView save(@PathParam("name") String name, @PathParam("language") String language,
            @Valid @NotNull Body body) {
        return templates.save(name, language, body.body(), identity.getPrincipal().getName());
    }

    @DELETE
    @Path("{name}/{language}")
    public ReplyTemplates.TemplateView reset(@PathParam("name") String name, @PathParam("language") String language) {
        return templates.reset(name, language);
    }
}
