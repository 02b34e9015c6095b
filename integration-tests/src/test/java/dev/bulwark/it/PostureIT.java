package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import dev.bulwark.testkit.HeadlessChromium;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The posture report served by the IT deployment (docs/posture.md): JSON and HTML to the inventory's admin role,
 * problems for everyone else, and the HTML page as a real browser (headless Chromium) renders it.
 */
class PostureIT {

    private static final String ADMIN = "Bearer " + token("ops", "bulwark-admin");
    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static JsonObject category(JsonObject report, String id) {
        return report.getJsonArray("categories").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theJsonReportMapsEveryEndpointToTheOwaspCategories() {
        HttpResponse<String> response = get("/it/bulwark/posture", "Authorization", ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject report = json(response.body());
        JsonObject inventory = json(get("/it/bulwark/inventory", "Authorization", ADMIN).body());
        assertThat(report.getJsonArray("endpoints")).hasSize(inventory.getInt("count"));
        assertThat(report.getJsonArray("categories").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("id")).containsExactly("API1", "API2", "API3", "API4", "API5", "API6",
                        "API7", "API8", "API9", "API10");
        for (String unjudged : List.of("API6", "API7", "API10")) {
            assertThat(category(report, unjudged).isNull("score")).isTrue();
            assertThat(category(report, unjudged).getString("note")).startsWith("not judged");
        }
        // the IT application's endpoint without an access decision is an API5 finding, with the page that fixes it
        assertThat(category(report, "API5").getJsonArray("findings").getValuesAs(JsonObject.class))
                .anySatisfy(f -> {
                    assertThat(f.getString("where")).isEqualTo("GET /it/api/undecided");
                    assertThat(f.getString("docs")).isEqualTo("docs/authorization.md#deny-by-default");
                });
        JsonObject items = report.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("path").equals("/it/api/items") && e.getString("method").equals("POST"))
                .findFirst().orElseThrow();
        assertThat(items.getJsonObject("protections").getString("tls")).startsWith("HTTPS only");
        assertThat(items.getJsonObject("protections").getString("body")).contains("JSON only");
        assertThat(category(report, "API1").getInt("score")).isBetween(0, 100);
    }

    @Test
    void theReportRefusesEveryoneButTheAdminRoleWithTheProblemContract() {
        for (String path : List.of("/it/bulwark/posture", "/it/bulwark/posture.html")) {
            HttpResponse<String> anonymous = get(path);
            assertProblem(anonymous, 401);
            assertThat(anonymous.body()).doesNotContain("API1").doesNotContain("/it/api/");
            assertProblem(get(path, "Authorization", "Bearer " + token("bob", "user")), 403);
            assertProblem(get(path, "X-Role", "bulwark-admin", "X-User-Id", "ops"), 401);
        }
    }

    @Test
    void aBrowserAskingForHtmlGetsThePageWithItsOwnPolicy() {
        HttpResponse<String> page = get("/it/bulwark/posture", "Authorization", ADMIN, "Accept",
                "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'none'; style-src 'sha256-").doesNotContain("unsafe"));
        assertThat(page.body()).startsWith("<!DOCTYPE html>").doesNotContainIgnoringCase("<script");
    }

    @Test
    void headlessChromiumRendersTheServedPageWithEndpointsAndFindings() throws Exception {
        HeadlessChromium.Page page = browser.load(BASE + "/it/bulwark/posture.html", Map.of("Authorization", ADMIN));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.dom()).contains("Security posture of /it").contains("API1:2023 Broken Object Level")
                .contains("not judged by Bulwark").contains("/it/api/undecided")
                .contains("no access decision: every request is refused").contains("Endpoints (");
        // the DOM holds one row per endpoint and the findings table, as the browser built them
        int endpoints = json(get("/it/bulwark/posture", "Authorization", ADMIN).body()).getJsonArray("endpoints")
                .size();
        assertThat(browser.evaluate("String(document.querySelectorAll('#endpoint-table tr.endpoint').length)"))
                .isEqualTo(String.valueOf(endpoints));
        assertThat(Integer.parseInt(browser.evaluate(
                "String(document.querySelectorAll('#finding-table tr.finding').length)"))).isPositive();
        // the inline style sheet applied under the page's strict policy (allowed by its hash, nothing else)
        assertThat(browser.evaluate("getComputedStyle(document.querySelector('th')).backgroundColor"))
                .isEqualTo("rgb(243, 243, 243)");
    }

    @Test
    void headlessChromiumWithoutATokenSeesOnlyTheProblem() throws Exception {
        HeadlessChromium.Page page = browser.load(BASE + "/it/bulwark/posture.html", Map.of());
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.dom()).contains("correlationId").doesNotContain("/it/api/").doesNotContain("API1:2023");
    }
}
