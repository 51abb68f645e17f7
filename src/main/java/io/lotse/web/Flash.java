package io.lotse.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * After a form: back to the page (POST-redirect-GET) with one line saying what happened or what went wrong.
 * The line travels in the query string and is escaped like everything else when shown.
 */
final class Flash {

    private Flash() {
    }

    static Response done(String path, String message) {
        return Response.seeOther(UriBuilder.fromPath(path).queryParam("done", message).build()).build();
    }

    static Response failed(String path, String message) {
        return Response.seeOther(UriBuilder.fromPath(path).queryParam("error", message).build()).build();
    }
}
