package io.lotse.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Signing in and out. The form posts to Quarkus' own {@code /j_security_check}, which checks the
 * password against the users table and sets the encrypted session cookie.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    private final SecurityIdentity identity;

    LoginPage(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/ui/queue")).build();
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    @POST
    @Path("logout")
    public Response logout() {
        FormAuthenticationMechanism.logout(identity);
        return Response.seeOther(URI.create("/login")).build();
    }
}
