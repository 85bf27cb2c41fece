package io.cloudmock.control;

import io.cloudmock.CloudMock;
import io.cloudmock.Config;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real headless Chromium: what a person sees and clicks, against a cloudmock whose state this
 * test changes through its HTTP APIs. The page polls the control API; each step waits for the page to show the
 * expected DOM (the wait is for the browser, never for a transition: time moves only through the page's own
 * advance button). A failing test leaves a screenshot in target/dashboard-failures/.
 */
class DashboardBrowserTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    static CloudMock mock;
    static CloudMock guarded;

    @BeforeAll
    static void start() {
        mock = CloudMock.builder().port(0).manualClock().transitionDelay(Duration.ofSeconds(2)).start();
        guarded = CloudMock.builder().port(0).manualClock().controlToken("s3cret")
                .auth(Config.AuthMode.VERIFY).credential("AK", "SK").start();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        if (mock != null) mock.close();
        if (guarded != null) guarded.close();
    }

    @BeforeEach
    void reset() {
        api(mock).post("/_cloudmock/reset").then().statusCode(200);
    }

    @AfterEach
    void blankPage() {
        // the next test starts on a fresh page, not one still polling this test's server
        browser.driver().get("about:blank");
    }

    static RequestSpecification api(CloudMock m) {
        return RestAssured.given().baseUri(m.baseUrl());
    }

    static WebDriver open(CloudMock m) {
        WebDriver d = browser.driver();
        d.get(m.baseUrl() + "/_cloudmock/ui");
        return d;
    }

    static WebDriverWait waiting(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    /** The state the page shows for a resource, or "" while it has no such row. */
    static String shownState(WebDriver d, String id) {
        List<WebElement> cells = d.findElements(By.cssSelector("#resources tr[data-id='" + id + "'] td.state"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    static void awaitState(WebDriver d, String id, String state) {
        waiting(d).withMessage(() -> "server " + id + " shown as " + state + " (shown: '" + shownState(d, id) + "')")
                .until(x -> state.equals(shownState(d, id)));
    }

    static List<String> createRunningServers(int count) {
        return api(mock).contentType("application/json")
                .body("{\"provider\":\"ncp\",\"state\":\"RUN\",\"fields\":{\"serverName\":\"web\"},\"count\":" + count + "}")
                .post("/_cloudmock/instances").then().statusCode(201).extract().path("instances.id");
    }

    static io.restassured.response.Response stopServers(List<String> ids) {
        RequestSpecification r = api(mock).queryParam("responseFormatType", "json");
        for (int i = 0; i < ids.size(); i++) r = r.queryParam("serverInstanceNoList." + (i + 1), ids.get(i));
        return r.get("/vserver/v2/stopServerInstances");
    }

    @Test
    void aTransientStateTurnsSettledWhenThePageAdvancesTheClock() {
        List<String> ids = createRunningServers(2);
        WebDriver d = open(mock);
        for (String id : ids) awaitState(d, id, "RUN");
        WebElement group = d.findElement(By.cssSelector("#resources [data-group='ncp/default/server'] h3"));
        assertTrue(group.getText().contains("(2)"), group.getText());

        stopServers(ids).then().statusCode(200);
        for (String id : ids) awaitState(d, id, "SHTDN");   // shutting down: the transient state, shown live

        String before = d.findElement(By.id("clock-now")).getText();
        assertEquals("manual clock", d.findElement(By.id("clock-mode")).getText());
        WebElement seconds = d.findElement(By.id("advance-seconds"));
        seconds.clear();
        seconds.sendKeys("2");
        d.findElement(By.id("advance")).click();
        for (String id : ids) awaitState(d, id, "NSTOP");
        String expected = Instant.parse(before).plusSeconds(2).toString();
        waiting(d).until(x -> expected.equals(d.findElement(By.id("clock-now")).getText()));

        // the page's reset empties the list and takes the clock back to its start
        d.findElement(By.id("reset")).click();
        waiting(d).until(x -> d.findElements(By.cssSelector("#resources tr[data-id]")).isEmpty()
                && d.findElement(By.id("resources-empty")).isDisplayed());
        api(mock).get("/_cloudmock/instances").then().body("instances.size()", equalTo(0));
    }

    @Test
    void aFaultAddedFromTheFormFailsTheNextCallAndTheJournalShowsIt() {
        List<String> ids = createRunningServers(1);
        WebDriver d = open(mock);
        awaitState(d, ids.get(0), "RUN");

        WebElement form = d.findElement(By.id("fault-form"));
        WebElement provider = form.findElement(By.name("provider"));
        provider.clear();
        provider.sendKeys("ncp");
        form.findElement(By.name("action")).sendKeys("stopServerInstances");
        form.findElement(By.name("code")).sendKeys("25041");
        form.findElement(By.name("times")).sendKeys("1");
        d.findElement(By.id("fault-add")).click();
        waiting(d).until(x -> d.findElements(By.cssSelector("#faults tbody tr")).size() == 1);
        api(mock).get("/_cloudmock/faults").then().body("faults[0].action", equalTo("stopServerInstances"))
                .body("faults[0].code", equalTo("25041")).body("faults[0].times", equalTo(1));

        stopServers(ids).then().statusCode(400).body("responseError.returnCode", equalTo("25041"));

        By newest = By.cssSelector("#journal tbody tr.entry");
        waiting(d).withMessage("the failed stop as the journal's newest row").until(x -> {
            List<WebElement> rows = d.findElements(newest);
            return !rows.isEmpty() && "stopServerInstances".equals(rows.get(0).getAttribute("data-action"));
        });
        WebElement row = d.findElements(newest).get(0);
        assertEquals("400", row.findElement(By.cssSelector("td.status")).getText());
        assertEquals("25041", row.findElement(By.cssSelector("td.error-code")).getText());
        assertTrue(row.getAttribute("class").contains("failed"));
        waiting(d).until(x -> "0".equals(d.findElement(By.cssSelector("#faults tbody tr td:nth-child(10)")).getText()));

        // the next stop goes through (times 1), and the status filter keeps only the failure
        stopServers(ids).then().statusCode(200);
        waiting(d).until(x -> d.findElements(newest).size() == 2);
        new Select(d.findElement(By.id("filter-status"))).selectByValue("error");
        waiting(d).until(x -> d.findElements(newest).size() == 1);
        assertEquals("25041", d.findElements(newest).get(0).findElement(By.cssSelector("td.error-code")).getText());
        d.findElement(By.id("filter-action")).sendKeys("startServer");
        waiting(d).until(x -> d.findElements(newest).isEmpty());

        // a row opens to its parameters
        d.findElement(By.id("filter-action")).clear();
        new Select(d.findElement(By.id("filter-status"))).selectByValue("");
        waiting(d).until(x -> d.findElements(newest).size() == 2);
        d.findElements(newest).get(1).click();
        waiting(d).until(x -> d.findElements(By.cssSelector("#journal tr.parameters")).stream()
                .anyMatch(p -> p.getText().contains("serverInstanceNoList.1")));

        d.findElement(By.id("faults-clear")).click();
        waiting(d).until(x -> d.findElements(By.cssSelector("#faults tbody tr")).isEmpty());
        api(mock).get("/_cloudmock/faults").then().body("faults.size()", equalTo(0));
    }

    @Test
    void withAControlTokenThePageAsksForItAndShowsWhatAFailedSignatureSigned() {
        WebDriver d = open(guarded);
        WebElement tokenForm = d.findElement(By.id("token-form"));
        waiting(d).until(x -> tokenForm.isDisplayed());

        d.findElement(By.id("token")).sendKeys("wrong");
        d.findElement(By.id("token-submit")).click();
        waiting(d).until(x -> tokenForm.isDisplayed()
                && d.findElement(By.id("token-error")).getText().contains("refused"));

        d.findElement(By.id("token")).sendKeys("s3cret");
        d.findElement(By.id("token-submit")).click();
        waiting(d).until(x -> !tokenForm.isDisplayed() && "live".equals(d.findElement(By.id("connection")).getText()));

        api(guarded).header("x-ncp-apigw-timestamp", Long.toString(System.currentTimeMillis()))
                .header("x-ncp-iam-access-key", "AK").header("x-ncp-apigw-signature-v2", "d3Jvbmc=")
                .get("/vserver/v2/getRegionList?responseFormatType=json").then().statusCode(401);
        By signed = By.cssSelector("#journal tr.auth-detail pre.signed");
        waiting(d).withMessage("the signed string under the failed call").until(x -> !d.findElements(signed).isEmpty());
        String detail = d.findElement(signed).getText();
        assertTrue(detail.contains("cloudmock signed \"GET /vserver/v2/getRegionList?responseFormatType=json"), detail);
        WebElement row = d.findElement(By.cssSelector("#journal tbody tr.entry"));
        assertEquals("401", row.findElement(By.cssSelector("td.status")).getText());
    }
}
