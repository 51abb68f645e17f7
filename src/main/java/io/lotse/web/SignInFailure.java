package io.lotse.web;

import io.lotse.platform.ProblemMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A wrong password in the sign-in form leads back to the form with a message. Quarkus hands the failed
 * {@code /j_security_check} to the REST exception mappers, where the API's mapper would answer 401
 * problem+json; every other failed sign-in still gets exactly that answer.
 */
public class SignInFailure {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Response failed(AuthenticationFailedException e, HttpServerRequest request) {
        if ("/j_security_check".equals(request.path())) {
            return Response.status(302).location(URI.create("/login?error=true")).build();
        }
        return problems.badCredentials(e);
    }
}
