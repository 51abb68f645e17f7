package io.lotse.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins give people accounts and change what they may do; roles apply from the next request. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class UserApiTest {

    @Test
    void anAgentMadeOpsCanDeclareIncidentsFromTheNextRequestAndLosesItAgain() {
        String name = "mara-" + UUID.randomUUID().toString().substring(0, 8);
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "a-long-password", "roles", List.of("agent")))
                .post("/api/users").then().statusCode(201).body("roles", equalTo(List.of("agent")));
        Map<String, Object> incident = Map.of("title", "Mailserver gestört", "statusPageUrl", "https://status.example/m");
        as(name).contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(403);

        Api.admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("agent", "ops")))
                .put("/api/users/" + name + "/roles").then().statusCode(200)
                .body("roles", containsInAnyOrder("agent", "ops"));
        int id = as(name).contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(201)
                .extract().path("id");
        Api.admin().contentType(ContentType.JSON).body(Map.of("status", "RESOLVED", "message", "test", "notifyLinked", false))
                .post("/api/incidents/" + id + "/updates").then().statusCode(201);

        Api.admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("agent")))
                .put("/api/users/" + name + "/roles").then().statusCode(200);
        as(name).contentType(ContentType.JSON).body(incident).post("/api/incidents").then().statusCode(403);

        Api.admin().contentType(ContentType.JSON).body(Map.of("password", "another-long-password"))
                .put("/api/users/" + name + "/password").then().statusCode(200);
        as(name).get("/api/queue").then().statusCode(401);
        given().auth().preemptive().basic(name, "another-long-password").get("/api/queue").then().statusCode(200);
    }

    @Test
    void badRoleChangesAreRefusedWithTheReason() {
        Api.admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("agent")))
                .put("/api/users/nobody-" + UUID.randomUUID() + "/roles").then().statusCode(404)
                .contentType("application/problem+json");
        Api.admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("wizard")))
                .put("/api/users/admin/roles").then().statusCode(422).body("detail", containsString("Unknown role"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("roles", List.of()))
                .put("/api/users/admin/roles").then().statusCode(400);
        Api.agent().contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put("/api/users/" + Api.AGENT + "/roles").then().statusCode(403);
    }

    @Test
    void theOnlyAdminKeepsTheAdminRole() {
        List<Map<String, Object>> users = Api.admin().get("/api/users").then().statusCode(200).extract().path("$");
        long admins = users.stream().filter(u -> ((List<?>) u.get("roles")).contains("admin")).count();
        org.junit.jupiter.api.Assumptions.assumeTrue(admins == 1, "another test made a second admin");
        Api.admin().contentType(ContentType.JSON).body(Map.of("roles", List.of("agent")))
                .put("/api/users/admin/roles").then().statusCode(422).body("detail", containsString("only admin"));
        Api.admin().get("/api/users").then().body("find { it.username == 'admin' }.roles",
                containsInAnyOrder("admin", "agent", "ops"));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "a-long-password");
    }
}
