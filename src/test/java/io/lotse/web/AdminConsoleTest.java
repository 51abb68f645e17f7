package io.lotse.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin console's intake tokens and reply templates over plain HTTP, with the session cookie and form token. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AdminConsoleTest {

    private static final Pattern SHOWN_TOKEN = Pattern.compile("id=\"new-token\"[^>]*value=\"(lot_[A-Za-z0-9_-]+)\"");

    @Test
    void adminCreatesATokenSeesItOnceAndRevokesIt() {
        String admin = Console.signIn("admin", Api.ADMIN_PASSWORD);
        String csrf = Console.csrf(admin);
        Console.as(admin).contentType(ContentType.URLENC).formParam("name", "no token").post("/ui/admin/intake-tokens")
                .then().statusCode(403);

        Response created = Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                .formParam("name", "<b>phone tool</b>").post("/ui/admin/intake-tokens");
        created.then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .body(containsString("it is not shown again"));
        String page = created.asString();
        assertThat(page).contains("&lt;b&gt;phone tool&lt;/b&gt;").doesNotContain("<b>phone tool</b>");
        Matcher m = SHOWN_TOKEN.matcher(page);
        assertThat(m.find()).as("token on the answer page").isTrue();
        String token = m.group(1);

        chat(token).then().statusCode(202);
        String adminPage = Console.as(admin).get("/ui/admin").then().statusCode(200).extract().asString();
        assertThat(adminPage).contains("&lt;b&gt;phone tool&lt;/b&gt;").doesNotContain(token).doesNotContain(token.substring(4));

        int id = Api.admin().get("/api/intake-tokens").then().extract()
                .path("find { it.name == '<b>phone tool</b>' }.id");
        Console.as(admin).contentType(ContentType.URLENC).post("/ui/admin/intake-tokens/" + id + "/revoke")
                .then().statusCode(403);
        chat(token).then().statusCode(202);
        Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                .post("/ui/admin/intake-tokens/" + id + "/revoke")
                .then().statusCode(303).header("Location", containsString("/ui/admin"));
        chat(token).then().statusCode(401);
        Api.admin().get("/api/intake-tokens").then().body("find { it.id == " + id + " }.active", equalTo(false));

        String empty = Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf).formParam("name", "  ")
                .post("/ui/admin/intake-tokens").then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(empty, StandardCharsets.UTF_8)).contains("error=A token needs a name");
    }

    @Test
    void adminChangesAUsersRolesInTheConsole() {
        String name = "otto-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "a-long-password", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201);
        String admin = Console.signIn("admin", Api.ADMIN_PASSWORD);
        Console.as(admin).get("/ui/admin").then().statusCode(200)
                .body(containsString("action=\"/ui/admin/users/" + name + "/roles\""));
        Console.as(admin).contentType(ContentType.URLENC).formParam("ops", "true")
                .post("/ui/admin/users/" + name + "/roles").then().statusCode(403);
        Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", Console.csrf(admin))
                .formParam("agent", "true").formParam("ops", "true")
                .post("/ui/admin/users/" + name + "/roles").then().statusCode(303);
        Api.admin().get("/api/users").then().body("find { it.username == '" + name + "' }.roles",
                equalTo(List.of("agent", "ops")));
        String none = Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", Console.csrf(admin))
                .post("/ui/admin/users/" + name + "/roles").then().statusCode(303).extract().header("Location");
        assertThat(URLDecoder.decode(none, StandardCharsets.UTF_8)).contains("error=A user needs at least one role");
    }

    @Test
    void adminPreviewsSavesAndResetsATemplateAndSeesWhyABrokenOneIsRefused() {
        String admin = Console.signIn("admin", Api.ADMIN_PASSWORD);
        String csrf = Console.csrf(admin);
        String path = "/ui/admin/templates/correction/en";
        Console.as(admin).get("/ui/admin").then().statusCode(200)
                .body(containsString("href=\"" + path + "\""));
        Console.as(admin).get(path).then().statusCode(200).body(containsString("The built-in text"))
                .body(containsString("{m.incidentTitle}"));
        try {
            String text = "Hi {m.customerName} <script>alert(1)</script>, sorry about {m.incidentTitle}.";
            String preview = Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                    .formParam("body", text).formParam("action", "preview").post(path)
                    .then().statusCode(200).extract().asString();
            assertThat(preview).contains("Hi Jana Vogt &lt;script&gt;alert(1)&lt;/script&gt;, sorry about Power outage.")
                    .doesNotContain("<script>alert(1)");
            Api.admin().get("/api/templates/correction/en").then().body("overridden", equalTo(false));

            String refused = Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                    .formParam("body", "Hi {#if m.customerName}{m.customerName}").formParam("action", "save").post(path)
                    .then().statusCode(422).extract().asString();
            assertThat(refused).contains("does not parse").contains("Hi {#if m.customerName}{m.customerName}</textarea>");
            Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                    .formParam("body", "Hi {m.nosuchfield}").formParam("action", "save").post(path)
                    .then().statusCode(422).body(containsString("sample data"));
            Api.admin().get("/api/templates/correction/en").then().body("overridden", equalTo(false));

            Console.as(admin).contentType(ContentType.URLENC).formParam("body", text).formParam("action", "save")
                    .post(path).then().statusCode(403);
            Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                    .formParam("body", text.replace(", ", ",\r\n")).formParam("action", "save").post(path)
                    .then().statusCode(303).header("Location", containsString(path));
            Api.admin().get("/api/templates/correction/en").then().body("overridden", equalTo(true))
                    .body("body", equalTo(text.replace(", ", ",\n"))).body("updatedBy", equalTo("admin"));
            String list = Console.as(admin).get("/ui/admin").asString();
            assertThat(list).containsPattern("<td>correction</td><td>en</td><td>yes</td>");
            String edit = Console.as(admin).get(path).then().statusCode(200).extract().asString();
            assertThat(edit).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                    .contains("Overridden");

            Console.as(admin).contentType(ContentType.URLENC).formParam("_csrf", csrf).post(path + "/reset")
                    .then().statusCode(303);
            Api.admin().get("/api/templates/correction/en").then().body("overridden", equalTo(false));
            Console.as(admin).get("/ui/admin/templates/nosuch/en").then().statusCode(404).body(containsString("Template not found"));
        } finally {
            Api.admin().delete("/api/templates/correction/en").then().statusCode(200);
        }
    }

    @Test
    void agentsAndOpsCannotReachTheAdminForms() {
        for (String user : List.of(Api.AGENT, Api.OPS)) {
            String session = Console.signIn(user, Api.USER_PASSWORD);
            String csrf = Console.csrf(session);
            Console.as(session).contentType(ContentType.URLENC).formParam("_csrf", csrf).formParam("name", "sneaky")
                    .post("/ui/admin/intake-tokens").then().statusCode(403);
            Console.as(session).get("/ui/admin/templates/autoReply/de").then().statusCode(403);
            Console.as(session).contentType(ContentType.URLENC).formParam("_csrf", csrf)
                    .formParam("body", "{m.statusPageUrl}").formParam("action", "save")
                    .post("/ui/admin/templates/autoReply/de").then().statusCode(403);
        }
        Api.admin().get("/api/intake-tokens").then().body("findAll { it.name == 'sneaky' }.size()", equalTo(0));
        Api.admin().get("/api/templates/autoReply/de").then().body("overridden", equalTo(false));
    }

    private static Response chat(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("conversationId", "c-admin-" + Api.uniqueMessageId(), "messageId", "m1",
                        "customer", Map.of("name", "Widget", "email", Api.uniqueAddress("admintoken")),
                        "text", "Hallo, wie ändere ich mein Passwort?"))
                .post("/api/intake/chat");
    }
}
