package io.lotse.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors leave the service: every failure becomes problem+json with the right status.
 * 5xx are logged with their stack trace, 4xx only at debug; nothing internal reaches the body.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String REALM = "Basic realm=\"Lotse\"";

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        LOG.debugf("%d %s: %s", e.status(), e.title(), e.getMessage());
        return Problem.of(e.status(), e.title(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ProblemMapper::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        LOG.debugf("400 invalid input: %s", detail);
        return Problem.of(400, "Invalid input", detail).toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        // Jackson's own message names Java types; say only where the input broke.
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        LOG.debugf("400 malformed JSON: %s", e.getOriginalMessage());
        return Problem.of(400, "Malformed JSON", "The request body is not valid JSON for this endpoint" + where + ".")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e) {
        return unauthorized();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "Forbidden", "Your role does not allow this.").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                // The JSON reader wraps its parse error in a bare "HTTP 400 Bad Request".
                return json(json);
            }
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problem.of(status, "Internal error", "The request could not be completed.").toResponse();
        }
        var reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Request failed" : reason.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type is not available.";
            case 415 -> "This content type is not accepted here.";
            case 400 -> "The request could not be read.";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        return Problem.of(status, title, detail).toResponse();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Problem.of(500, "Internal error", "The request could not be completed; it has been logged.")
                .toResponse();
    }

    static Response unauthorized() {
        return Response.fromResponse(Problem.of(401, "Unauthorized", "Missing or wrong credentials.").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                .build();
    }

    private static String describe(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        // Method parameter paths look like "create.body.title"; the caller only needs the last part.
        int dot = path.lastIndexOf('.');
        return (dot >= 0 ? path.substring(dot + 1) : path) + ": " + v.getMessage();
    }
}
