package io.lotse.web;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sign-in, roles, CSRF and escaping of the console over HTTP; the browser tests cover the same in Chromium. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ConsoleSecurityTest {

    @Test
    void browserIsSentToTheLoginFormWhileTheApiStillAnswers401ProblemJson() {
        given().redirects().follow(false).get("/ui/queue")
                .then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/api/queue")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Basic realm=\"Lotse\""));
        Api.agent().get("/api/queue").then().statusCode(200);
        given().get("/login").then().statusCode(200).body(containsString("j_password"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrictAndWrongPasswordShowsTheFormAgain() {
        Api.agent();
        Response ok = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Api.AGENT).formParam("j_password", Api.USER_PASSWORD).post("/j_security_check");
        assertThat(ok.statusCode()).isEqualTo(302);
        String setCookie = ok.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Console.SESSION + "="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        // Plain HTTP (a laptop, a test): a Secure cookie would never come back, so it is not marked Secure.
        assertThat(setCookie).doesNotContainPattern(SECURE);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Api.AGENT).formParam("j_password", "wrong").post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/login?error=true"));
    }

    private static final java.util.regex.Pattern SECURE = java.util.regex.Pattern.compile("(?i);\\s*Secure\\s*(;|$)");

    @Test
    void behindATlsProxyTheCookiesAreSecure() {
        Api.agent();
        Response ok = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Api.AGENT).formParam("j_password", Api.USER_PASSWORD).post("/j_security_check");
        assertThat(ok.statusCode()).isEqualTo(302);
        String session = ok.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(Console.SESSION + "="))
                .findFirst().orElseThrow();
        assertThat(session).containsPattern(SECURE);
        List<String> queueCookies = given().redirects().follow(false).header("X-Forwarded-Proto", "https")
                .cookie(Console.SESSION, session.substring(Console.SESSION.length() + 1, session.indexOf(';')))
                .get("/ui/queue").then().statusCode(200).extract().headers().getValues("Set-Cookie");
        assertThat(queueCookies).isNotEmpty().allSatisfy(c -> assertThat(c).containsPattern(SECURE));
    }

    @Test
    void signInFromAnotherSiteIsRefused() {
        Api.agent();
        for (String[] header : new String[][] {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", "https://evil.example"}}) {
            given().redirects().follow(false).header(header[0], header[1]).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", Api.AGENT).formParam("j_password", Api.USER_PASSWORD).post("/j_security_check")
                    .then().statusCode(403).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        }
        given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", Api.AGENT).formParam("j_password", Api.USER_PASSWORD).post("/j_security_check")
                .then().statusCode(302);
    }

    @Test
    void formsWithoutTheTokenAreRefused() {
        String session = Console.signIn(Api.AGENT, Api.USER_PASSWORD);
        int ticket = postEmail(mail(Api.uniqueAddress("csrf"), "Rechnung", "Bitte Rechnung schicken.", Api.uniqueMessageId()))
                .statusCode(202).extract().path("ticketId");
        Console.as(session).contentType("application/x-www-form-urlencoded").formParam("text", "forged")
                .post("/ui/tickets/" + ticket + "/reply").then().statusCode(403);
        Console.as(session).contentType("application/x-www-form-urlencoded").formParam("text", "forged")
                .formParam("_csrf", "not-the-token").post("/ui/tickets/" + ticket + "/reply").then().statusCode(403);
        Console.as(session).contentType("application/x-www-form-urlencoded").formParam("text", "Die Rechnung kommt.")
                .formParam("_csrf", Console.csrf(session)).post("/ui/tickets/" + ticket + "/reply")
                .then().statusCode(303).header("Location", containsString("/ui/tickets/" + ticket));
        Api.agent().get("/api/tickets/" + ticket).then().body("messages.text", org.hamcrest.Matchers.hasItem("Die Rechnung kommt."));
    }

    @Test
    void agentsCannotReachOpsOrAdminPages() {
        String agent = Console.signIn(Api.AGENT, Api.USER_PASSWORD);
        Console.as(agent).get("/ui/ops/incidents/new").then().statusCode(403).body(containsString("Not allowed"));
        Console.as(agent).get("/ui/admin").then().statusCode(403);
        Console.as(agent).contentType("application/x-www-form-urlencoded").formParam("_csrf", Console.csrf(agent))
                .formParam("title", "Fake").post("/ui/ops/incidents").then().statusCode(403);
        assertThat(Console.as(agent).get("/ui/queue").asString()).doesNotContain("/ui/admin").doesNotContain("Declare incident");
        String ops = Console.signIn(Api.OPS, Api.USER_PASSWORD);
        Console.as(ops).get("/ui/ops/incidents/new").then().statusCode(200);
        Console.as(ops).get("/ui/admin").then().statusCode(403);
        String admin = Console.signIn("admin", Api.ADMIN_PASSWORD);
        Console.as(admin).get("/ui/admin").then().statusCode(200).body(containsString(Api.AGENT));
    }

    @Test
    void scriptInACustomerMailIsShownAsText() {
        String session = Console.signIn(Api.AGENT, Api.USER_PASSWORD);
        int ticket = postEmail(mail(Api.uniqueAddress("xss"), "<script>alert('subject')</script>",
                "Hallo <script>alert('x')</script> <img src=x onerror=alert(1)>", Api.uniqueMessageId()))
                .statusCode(202).extract().path("ticketId");
        String page = Console.as(session).get("/ui/tickets/" + ticket).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(Console.as(session).get("/ui/queue?limit=1000").asString()).doesNotContain("<script>alert");
    }

    @Test
    void signingOutEndsTheSession() {
        String session = Console.signIn(Api.AGENT, Api.USER_PASSWORD);
        Response out = Console.as(session).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", Console.csrf(session)).post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().getValues("Set-Cookie")).anyMatch(c -> c.startsWith(Console.SESSION + "=;")
                || c.startsWith(Console.SESSION + "=\"\"") || c.contains("Max-Age=0"));
    }
}
