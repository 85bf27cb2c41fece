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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
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
 * advance button). The page redraws a table whenever its data changes, so what is read from it is read in one
 * script ({@link #text}, {@link #count}), never through an element found earlier that a redraw may have replaced.
 * A failing test leaves a screenshot in target/dashboard-failures/.
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
        WebDriverWait w = new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(100));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /** The text of the first element {@code css} selects, or "" when there is none. */
    static String text(WebDriver d, String css) {
        return (String) ((JavascriptExecutor) d).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : '';", css);
    }

    /** An attribute of the first element {@code css} selects, or "". */
    static String attribute(WebDriver d, String css, String name) {
        return (String) ((JavascriptExecutor) d).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? (e.getAttribute(arguments[1]) || '') : '';",
                css, name);
    }

    static long count(WebDriver d, String css) {
        return (Long) ((JavascriptExecutor) d).executeScript("return document.querySelectorAll(arguments[0]).length;", css);
    }

    static void awaitText(WebDriver d, String css, String expected) {
        waiting(d).withMessage(() -> css + " shows '" + expected + "' (shows '" + text(d, css) + "')")
                .until(x -> expected.equals(text(d, css)));
    }

    static void awaitCount(WebDriver d, String css, long expected) {
        waiting(d).withMessage(() -> expected + " of " + css + " (" + count(d, css) + ")")
                .until(x -> count(d, css) == expected);
    }

    static void awaitState(WebDriver d, String id, String state) {
        awaitText(d, "#resources tr[data-id='" + id + "'] td.state", state);
    }

    /** One by one: an NCP server name is unique in an account, as on NCP. */
    static List<String> createRunningServers(int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(api(mock).contentType("application/json")
                    .body("{\"provider\":\"ncp\",\"state\":\"RUN\",\"fields\":{\"serverName\":\"web-" + i + "\"}}")
                    .post("/_cloudmock/instances").then().statusCode(201).extract().path("instances[0].id"));
        }
        return ids;
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
        assertTrue(text(d, "#resources [data-group='ncp/default/server'] h3").contains("(2)"),
                text(d, "#resources [data-group='ncp/default/server'] h3"));

        stopServers(ids).then().statusCode(200);
        for (String id : ids) awaitState(d, id, "SHTDN");   // shutting down: the transient state, shown live

        String before = text(d, "#clock-now");
        assertEquals("manual clock", text(d, "#clock-mode"));
        WebElement seconds = d.findElement(By.id("advance-seconds"));
        seconds.clear();
        seconds.sendKeys("2");
        d.findElement(By.id("advance")).click();
        for (String id : ids) awaitState(d, id, "NSTOP");
        awaitText(d, "#clock-now", Instant.parse(before).plusSeconds(2).toString());

        // the page's reset empties the list and takes the clock back to its start
        d.findElement(By.id("reset")).click();
        awaitCount(d, "#resources tr[data-id]", 0);
        waiting(d).until(x -> d.findElement(By.id("resources-empty")).isDisplayed());
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
        awaitCount(d, "#faults tbody tr[data-id]", 1);
        api(mock).get("/_cloudmock/faults").then().body("faults[0].action", equalTo("stopServerInstances"))
                .body("faults[0].code", equalTo("25041")).body("faults[0].times", equalTo(1));

        stopServers(ids).then().statusCode(400).body("responseError.returnCode", equalTo("25041"));

        String newest = "#journal tbody tr.entry";
        waiting(d).withMessage("the failed stop as the journal's newest row")
                .until(x -> "stopServerInstances".equals(attribute(d, newest, "data-action")));
        assertEquals("400", text(d, newest + " td.status"));
        assertEquals("25041", text(d, newest + " td.error-code"));
        assertTrue(attribute(d, newest, "class").contains("failed"));
        awaitText(d, "#faults tbody tr[data-id] td:nth-child(10)", "0");   // remaining

        // the next stop goes through (times 1), and the status filter keeps only the failure
        stopServers(ids).then().statusCode(200);
        awaitCount(d, newest, 2);
        new Select(d.findElement(By.id("filter-status"))).selectByValue("error");
        awaitCount(d, newest, 1);
        assertEquals("25041", text(d, newest + " td.error-code"));
        d.findElement(By.id("filter-action")).sendKeys("startServer");
        awaitCount(d, newest, 0);

        // a row opens to its parameters
        d.findElement(By.id("filter-action")).clear();
        new Select(d.findElement(By.id("filter-status"))).selectByValue("");
        awaitCount(d, newest, 2);
        waiting(d).until(x -> {
            d.findElements(By.cssSelector(newest)).get(1).click();
            return true;
        });
        waiting(d).until(x -> text(d, "#journal tr.parameters").contains("serverInstanceNoList.1"));

        d.findElement(By.id("faults-clear")).click();
        awaitCount(d, "#faults tbody tr[data-id]", 0);
        assertTrue(text(d, "#faults tbody tr.empty").startsWith("No fault rules"), text(d, "#faults tbody"));
        api(mock).get("/_cloudmock/faults").then().body("faults.size()", equalTo(0));
    }

    @Test
    void withAControlTokenThePageAsksForItAndShowsWhatAFailedSignatureSigned() {
        WebDriver d = open(guarded);
        WebElement tokenForm = d.findElement(By.id("token-form"));
        waiting(d).until(x -> tokenForm.isDisplayed());

        d.findElement(By.id("token")).sendKeys("wrong");
        d.findElement(By.id("token-submit")).click();
        waiting(d).until(x -> tokenForm.isDisplayed() && text(d, "#token-error").contains("refused"));

        d.findElement(By.id("token")).sendKeys("s3cret");
        d.findElement(By.id("token-submit")).click();
        waiting(d).until(x -> !tokenForm.isDisplayed() && "live".equals(text(d, "#connection")));

        api(guarded).header("x-ncp-apigw-timestamp", Long.toString(System.currentTimeMillis()))
                .header("x-ncp-iam-access-key", "AK").header("x-ncp-apigw-signature-v2", "d3Jvbmc=")
                .get("/vserver/v2/getRegionList?responseFormatType=json").then().statusCode(401);
        String signed = "#journal tr.auth-detail pre.signed";
        waiting(d).withMessage("the signed string under the failed call").until(x -> count(d, signed) > 0);
        String detail = text(d, signed);
        assertTrue(detail.contains("cloudmock signed \"GET /vserver/v2/getRegionList?responseFormatType=json"), detail);
        assertEquals("401", text(d, "#journal tbody tr.entry td.status"));
    }
}
