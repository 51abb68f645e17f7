package io.lotse.web;

import static io.restassured.RestAssured.given;

import io.lotse.support.Api;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in to the console over plain HTTP, as a browser's form post would, for tests without a browser. */
final class Console {

    static final String SESSION = "lotse-session";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Console() {
    }

    /** The session cookie of a fresh sign-in; the user is created first (agent-anna, ops-otto). */
    static String signIn(String user, String password) {
        if (Api.AGENT.equals(user)) {
            Api.agent();
        } else if (Api.OPS.equals(user)) {
            Api.ops();
        }
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        String cookie = r.getCookie(SESSION);
        if (cookie == null) {
            throw new IllegalStateException("sign-in of " + user + " failed: " + r.statusCode() + " " + r.headers());
        }
        return cookie;
    }

    static RequestSpecification as(String session) {
        return given().redirects().follow(false).cookie(SESSION, session);
    }

    /** The form token from any console page. */
    static String csrf(String session) {
        Matcher m = CSRF.matcher(as(session).get("/ui/queue").asString());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the queue page");
        }
        return m.group(1);
    }
}
