package io.lotse.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request of the console (POST under {@code /ui} and {@code /logout}) must carry the
 * user's CSRF token in the form, or it is refused with 403 before any resource runs. The JSON API is not
 * touched: it takes no cookies, only Basic credentials and bearer tokens.
 */
public class CsrfCheck {

    @Inject
    CsrfTokens tokens;

    @Inject
    SecurityIdentity identity;

    @WithFormRead
    @ServerRequestFilter
    public void check(ResteasyReactiveContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean console = path.equals("/logout") || path.equals("/ui") || path.startsWith("/ui/");
        if (!console || !"POST".equals(request.getMethod())) {
            return;
        }
        String presented = null;
        MediaType type = request.getMediaType();
        if (type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object value = context.getFormParameter(CsrfTokens.FIELD, true, false);
            presented = value == null ? null : value.toString();
        }
        if (identity.isAnonymous() || !tokens.valid(identity.getPrincipal().getName(), presented)) {
            request.abortWith(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("This form has expired or did not come from Lotse. Go back, reload the page and try again.")
                    .build());
        }
    }
}
