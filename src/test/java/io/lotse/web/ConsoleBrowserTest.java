package io.lotse.web;

import static io.lotse.support.Api.mail;
import static io.lotse.support.Api.postEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.lotse.support.Api;
import io.lotse.support.GreenMailResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real browser: an agent works the queue, ops steer an incident, hostile mail stays inert. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ConsoleBrowserTest {

    static final String OUTAGE = "Stromausfall im Rechenzentrum: Webhosting nicht erreichbar";

    @TestHTTPResource("/")
    URL base;

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "Skipping the browser tests: no Chromium at " + Chromium.BROWSER
                + " with chromedriver at " + Chromium.DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
        browser = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        Api.resolveAllActiveIncidents();
        browser.manage().deleteAllCookies();
    }

    @Test
    void agentSeesTheIncidentGrowOpensATicketUnlinksItAndReplies() throws Exception {
        long incident = Api.declareIncident(OUTAGE, "Seit 14:44 ist das Rechenzentrum Leipzig ohne Strom.",
                "https://status.hoster.example/rz");
        int first = outageMail("Unsere Webseite ist seit ein paar Minuten nicht erreichbar.");
        postEmail(mail(Api.uniqueAddress("invoice"), "Rechnung März", "Bitte schicken Sie mir die Rechnung für März.",
                Api.uniqueMessageId())).statusCode(202);

        signIn(Api.AGENT, Api.USER_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/ui/queue");
        By count = By.cssSelector("tr[data-key='i" + incident + "'] .count");
        assertThat(browser.findElement(count).getText()).isEqualTo("1");

        outageMail("Unser Shop ist offline, die Webseite ist nicht erreichbar!");
        outageMail("Webseite down seit 15 Minuten, was ist los?");
        // The page refreshes its rows by itself; the agent does nothing.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(count, "3"));
        assertThat(browser.findElement(By.cssSelector("tr[data-key='i" + incident + "']")).getText()).contains("new");
        Chromium.screenshot(browser, "queue");

        awaitAnswerSent(first); // an answer still waiting would be cancelled by the unlink, with no correction due
        browser.get(url("/ui/tickets/" + first));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Webseite down");
        Chromium.screenshot(browser, "ticket");
        assertThat(submit(By.id("unlink")).getText()).startsWith("Unlinked");
        WebElement reply = browser.findElement(By.id("reply-text"));
        // The customer got an automatic answer about the outage: the page offers a correction to send.
        assertThat(reply.getDomProperty("value")).as("correction draft").contains("#" + first);
        reply.clear();
        String apology = "Entschuldigung, unsere automatische Antwort war ein Irrtum. Wir melden uns gleich.";
        reply.sendKeys(apology);
        assertThat(submit(By.cssSelector("form.reply button")).getText()).isEqualTo("Reply sent.");
        assertThat(browser.findElements(By.cssSelector(".message.outbound")))
                .anySatisfy(m -> assertThat(m.getText()).contains(apology).containsPattern("queued|sending|sent"));
        Api.agent().get("/api/tickets/" + first).then()
                .body("messages.find { it.kind == 'AGENT_REPLY' }.text", equalTo(apology));
        Chromium.screenshot(browser, "ticket-after-reply");
        Api.agent().get("/api/tickets/" + first).then().body("incidentId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theQueueKeepsTheAgentsPlaceWhileItRefreshesAndFiltersByChannel() throws Exception {
        long incident = Api.declareIncident(OUTAGE, "Seit 14:44 ist das Rechenzentrum Leipzig ohne Strom.",
                "https://status.hoster.example/rz");
        outageMail("Unsere Webseite ist seit ein paar Minuten nicht erreichbar.");
        postEmail(mail(Api.uniqueAddress("dns"), "MX-Eintrag", "Bitte den MX-Eintrag auf mx2 ändern.",
                Api.uniqueMessageId())).statusCode(202);
        Api.intake().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("conversationId", "c-" + Api.uniqueMessageId(), "customer",
                        java.util.Map.of("name", "Tobias", "email", Api.uniqueAddress("chat")),
                        "text", "Wie ändere ich mein Passwort fürs Kundencenter?"))
                .post("/api/intake/chat").then().statusCode(202);

        signIn(Api.AGENT, Api.USER_PASSWORD);
        By count = By.cssSelector("tr[data-key='i" + incident + "'] .count");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("jj").perform();
        String place = (String) browser.executeScript(
                "return document.activeElement.closest('tr[data-key]').getAttribute('data-key')");
        assertThat(place).as("j j moves to the first waiting ticket").startsWith("t");

        outageMail("Shop offline, Webseite nicht erreichbar!");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(count, "2"));
        assertThat(browser.executeScript(
                "return document.activeElement.closest('tr[data-key]').getAttribute('data-key')"))
                .as("the focused row after the refresh").isEqualTo(place);

        browser.get(url("/ui/queue?channel=CHAT"));
        java.util.List<String> channels = browser.findElements(By.cssSelector("tr.ticket td:nth-child(3)")).stream()
                .map(WebElement::getText).distinct().toList();
        assertThat(channels).containsExactly("chat");
    }

    @Test
    void opsDeclareAnIncidentAndPostAnUpdate() throws Exception {
        signIn(Api.OPS, Api.USER_PASSWORD);
        browser.get(url("/ui/ops/incidents/new"));
        browser.findElement(By.id("title")).sendKeys("Mailserver: E-Mails verzögert");
        browser.findElement(By.id("description")).sendKeys("Eingehende E-Mails werden verzögert zugestellt.");
        browser.findElement(By.id("components")).sendKeys("Mail, IMAP");
        browser.findElement(By.id("statusPageUrl")).sendKeys("https://status.hoster.example/mail");
        Chromium.screenshot(browser, "declare");
        assertThat(submit(By.id("declare")).getText()).startsWith("Incident declared");

        new Select(browser.findElement(By.id("update-status"))).selectByValue("IDENTIFIED");
        browser.findElement(By.id("update-message")).sendKeys("Ursache gefunden: ein voller Spool. Wir leeren ihn.");
        assertThat(submit(By.id("post-update")).getText()).startsWith("Update posted");
        assertThat(browser.findElement(By.cssSelector("ol.updates")).getText()).contains("Ursache gefunden");
        Chromium.screenshot(browser, "incident");
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/ui/incidents/(\\d+).*", "$1"));
        Api.agent().get("/api/incidents/" + id).then().body("status", equalTo("IDENTIFIED"));
        browser.get(url("/ui/incidents"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Mailserver: E-Mails verzögert");
        Chromium.screenshot(browser, "incidents");
    }

    @Test
    void adminGivesAnAgentTheOpsRole() throws Exception {
        String name = "lena-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.admin().contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("username", name, "password", "a-long-password", "roles", java.util.List.of("agent")))
                .post("/api/users").then().statusCode(201);
        signIn("admin", Api.ADMIN_PASSWORD);
        browser.get(url("/ui/admin"));
        Chromium.screenshot(browser, "admin");
        WebElement form = browser.findElement(By.id("roles-" + name));
        form.findElement(By.cssSelector("input[name=ops]")).click();
        clickAndAwaitNextPage(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(browser.findElement(By.cssSelector(".done")).getText()).startsWith("Roles of " + name + " saved");
        Api.admin().get("/api/users").then().body("find { it.username == '" + name + "' }.roles",
                equalTo(java.util.List.of("agent", "ops")));
    }

    @Test
    void mailWithScriptAndOnerrorRendersInert() throws Exception {
        int ticket = postEmail(mail(Api.uniqueAddress("mallory"), "<script>window.pwned='subject'</script>",
                "Hallo <script>window.pwned='script'</script>\n<img src=x onerror=\"window.pwned='onerror'\">",
                Api.uniqueMessageId())).statusCode(202).extract().path("ticketId");
        signIn(Api.AGENT, Api.USER_PASSWORD);
        browser.get(url("/ui/tickets/" + ticket));
        assertThat(browser.findElement(By.cssSelector(".message .words")).getText())
                .contains("<script>window.pwned='script'</script>").contains("onerror=");
        assertThat(browser.findElements(By.cssSelector(".message img"))).isEmpty();
        assertThat(browser.executeScript("return window.pwned === undefined")).isEqualTo(true);
        assertThat(alertShown()).isFalse();
        Chromium.screenshot(browser, "xss-inert");
    }

    private boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private void signIn(String user, String password) {
        if (Api.AGENT.equals(user)) {
            Api.agent();
        } else if (Api.OPS.equals(user)) {
            Api.ops();
        }
        browser.get(url("/ui/queue"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("j_username")).sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/ui/queue"));
    }

    private int outageMail(String body) {
        return postEmail(mail(Api.uniqueAddress("storm"), "Webseite down", body, Api.uniqueMessageId()))
                .statusCode(202).body("triage.decision", equalTo("AUTO_LINKED")).extract().path("ticketId");
    }

    /**
     * The outbox sends in order: in the full suite it may still be working through the answers of the tests before
     * this one (against a test SMTP server that times out now and then, 3 s per attempt), so 30 s was too short once
     * (CI, 2026-12-02). Two minutes still fails a reply that is never sent.
     */
    private static void awaitAnswerSent(int ticket) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            String state = Api.agent().get("/api/tickets/" + ticket).then().extract()
                    .path("messages.find { it.kind == 'AUTO_REPLY' }.deliveryState");
            if ("SENT".equals(state)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the automatic answer on ticket " + ticket + " was not sent within 120 s");
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /**
     * Clicks a form's button and returns the confirmation of the page that answers it. It waits for the
     * current page to go away first: the page being left may still show the previous confirmation, and
     * reading that one instead was a race that made this test flaky.
     */
    private WebElement submit(By button) {
        clickAndAwaitNextPage(browser.findElement(button));
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".done")));
    }

    /**
     * Clicks and waits until another document has loaded. The page being left is marked on its window
     * object, which the next document does not inherit. Asking an element of the old page whether it
     * went stale is not reliable: Chromium 156 sometimes answers that with an inspector error instead of
     * a stale-element error, which failed a CI run.
     */
    private void clickAndAwaitNextPage(WebElement button) {
        browser.executeScript("window.lotseLeftPage = true");
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class) // a script may meet the page mid-navigation
                .until(driver -> Boolean.TRUE.equals(browser.executeScript(
                        "return window.lotseLeftPage === undefined && document.readyState === 'complete'")));
    }
}
