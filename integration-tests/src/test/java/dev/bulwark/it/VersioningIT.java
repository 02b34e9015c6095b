package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertNoLeaks;
import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.ItSupport.token;
import static dev.bulwark.it.ItSupport.tokenWithScopes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.devtools.DevTokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API versioning on Liberty, against the /it-versions deployment's schedule (server.xml): v1 past its sunset (410),
 * v2 deprecated (lifecycle headers on every response, problems included), v3 in a brown-out (410), v4 not
 * deprecated yet (nothing); usage per client in the metrics; the weaker-v1 lint; strict mode.
 */
class VersioningIT {

    private static final String V2_DEPRECATION = "@1780272000"; // 2026-06-01T00:00:00Z
    private static final String V2_SUNSET = "Thu, 01 Jan 2099 00:00:00 GMT";

    @BeforeAll
    static void onLiberty() {
        assumeTrue(ItSupport.onLiberty(), "the /it-versions deployments are Liberty's (server.xml)");
        ItSupport.awaitApplication("/it-versions");
    }

    private static void assertAnnouncesV2(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Deprecation")).as(r.uri().toString()).hasValue(V2_DEPRECATION);
        assertThat(r.headers().firstValue("Sunset")).as(r.uri().toString()).hasValue(V2_SUNSET);
        assertThat(String.join(", ", r.headers().allValues("Link")))
                .contains("<https://docs.example.com/widgets/v4-migration>; rel=\"deprecation\"; type=\"text/html\"")
                .contains("<https://docs.example.com/widgets/v4-migration>; rel=\"sunset\"; type=\"text/html\"");
    }

    @Test
    void aDeprecatedVersionIsServedWithDeprecationSunsetAndLinks() {
        HttpResponse<String> list = get("/it-versions/api/v2/widgets");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("widgets");
        assertAnnouncesV2(list);
        HttpResponse<String> item = get("/it-versions/api/v2/widgets/7", "Authorization",
                "Bearer " + tokenWithScopes("carol", "widgets:read", "user"));
        assertThat(item.statusCode()).isEqualTo(200);
        assertAnnouncesV2(item);
    }

    @Test
    void everyProblemOfTheDeprecatedVersionCarriesTheHeadersToo() {
        // the application's 404, JAX-RS's 404 and 405, Bulwark's 401 and its own request-text refusal
        assertAnnouncesV2(assertStatus(get("/it-versions/api/v2/widgets/missing"), 404));
        assertAnnouncesV2(assertStatus(get("/it-versions/api/v2/no-such-thing"), 404));
        assertAnnouncesV2(assertStatus(send("DELETE", "/it-versions/api/v2/widgets", null), 405));
        assertAnnouncesV2(assertStatus(get("/it-versions/api/v2/widgets/7"), 401));
        assertAnnouncesV2(assertStatus(get("/it-versions/api/v2/widgets/7", "Authorization",
                "Bearer " + token("dave", "user")), 403));
        assertAnnouncesV2(assertStatus(get("/it-versions/api/v2/widgets?q=%00"), 400));
    }

    @Test
    void anApplicationsOwnDeprecationAndLinkAreKeptAndTheRestAdded() {
        HttpResponse<String> r = get("/it-versions/api/v2/widgets/own-headers");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Deprecation")).containsExactly("@1700000000");
        assertThat(r.headers().firstValue("Sunset")).hasValue(V2_SUNSET);
        String links = String.join(", ", r.headers().allValues("Link"));
        assertThat(links).contains("</it-versions/api/v2/widgets?page=2>; rel=\"next\"")
                .containsOnlyOnce("<https://docs.example.com/widgets/v4-migration>; rel=\"deprecation\"")
                .containsOnlyOnce("rel=\"sunset\"");
    }

    private static HttpResponse<String> assertStatus(HttpResponse<String> r, int status) {
        assertProblem(r, status);
        return r;
    }

    @Test
    void afterItsSunsetAVersionIsGoneWithAProblemNamingTheSuccessor() {
        HttpResponse<String> r = get("/it-versions/api/v1/widgets");
        JsonObject problem = assertProblem(r, 410);
        assertThat(problem.getString("type")).isEqualTo("urn:bulwark:problem:version-retired");
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("v1");
        assertThat(error.getString("message")).isEqualTo("retired on 2026-01-01T00:00:00Z; use v2");
        assertThat(r.headers().firstValue("Sunset")).hasValue("Thu, 01 Jan 2026 00:00:00 GMT");
        assertThat(r.headers().firstValue("Deprecation")).hasValue("@1735689600");
        assertNoLeaks(r);
        // with a valid token too: nobody gets through
        assertProblem(get("/it-versions/api/v1/widgets/7", "Authorization",
                "Bearer " + tokenWithScopes("carol", "widgets:read", "user")), 410);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/it-versions/api/v1;x=1/widgets", "/it-versions/api/%761/widgets",
        "/it-versions/api/v1/widgets/", "/it-versions/api/v1/widgets;a=b", "/it-versions/api/v1"})
    void otherSpellingsOfARetiredPathAreGoneToo(String path) {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isIn(400, 404, 410);
        assertThat(r.body()).doesNotContain("widgets");
    }

    @Test
    void aBrownOutAnswers410BeforeTheSunset() {
        HttpResponse<String> r = get("/it-versions/api/v3/widgets");
        JsonObject problem = assertProblem(r, 410);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message"))
                .startsWith("in a scheduled brown-out before its sunset 2099-06-01T00:00:00Z").endsWith("; use v4");
        assertThat(r.headers().firstValue("Sunset")).hasValue("Mon, 01 Jun 2099 00:00:00 GMT");
    }

    @Test
    void aVersionNotYetDeprecatedAndTheSameWarWithoutAScheduleAnnounceNothing() {
        for (String path : List.of("/it-versions/api/v4/widgets", "/it/api/v1/widgets", "/it/api/v2/widgets")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Deprecation")).as(path).isEmpty();
            assertThat(r.headers().firstValue("Sunset")).as(path).isEmpty();
        }
    }

    @Test
    void theScheduleIsPublishedWithoutAToken() {
        HttpResponse<String> r = get("/it-versions/bulwark/versions");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        var versions = json(r.body()).getJsonArray("versions").getValuesAs(JsonObject.class);
        assertThat(versions).extracting(v -> v.getString("version")).containsExactly("v1", "v2", "v3", "v4");
        assertThat(versions.get(0).getString("sunset")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(versions.get(0).getString("successor")).isEqualTo("v2");
        assertThat(versions.get(2).getJsonArray("brownOuts").getString(0))
                .isEqualTo("2026-01-01T00:00:00Z/2099-01-01T00:00:00Z");
        assertThat(get("/it/bulwark/versions").statusCode()).as("no schedule, nothing published").isEqualTo(404);
    }

    @Test
    void whoStillCallsADeprecatedVersionIsCountedPerClientAndLoggedOnce() throws Exception {
        String portal = DevTokens.mintToken(ItSupport.KEYS.resolve(DevTokens.PRIVATE_KEY_FILE), ItSupport.ISSUER,
                ItSupport.AUDIENCE, "erin", List.of("user"), "widgets:read", Map.of("azp", "billing-portal"));
        for (int i = 0; i < 3; i++) {
            assertThat(get("/it-versions/api/v2/widgets/9", "Authorization", "Bearer " + portal).statusCode())
                    .isEqualTo(200);
        }
        awaitLog("event=DEPRECATED_VERSION_FIRST_CALL version=v2 client=billing-portal subject=erin");
        assertThat(ItSupport.countLogLines("event=DEPRECATED_VERSION_FIRST_CALL version=v2 client=billing-portal"))
                .isEqualTo(1);
        HttpResponse<String> metrics = ItSupport.sendTo(ItSupport.MANAGEMENT, "GET", "/metrics?scope=application",
                null, "Authorization", ItSupport.METRICS_READER);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).containsPattern("bulwark_versioning_calls_total\\{[^}]*client=\"billing-portal\""
                + "[^}]*version=\"v2\"[^}]*\\} [3-9]");
        assertThat(metrics.body()).containsPattern(
                "bulwark_versioning_calls_total\\{[^}]*client=\"anonymous\"[^}]*version=\"v1\"[^}]*\\} [1-9]");
    }

    @Test
    void anOldVersionWeakerThanItsSuccessorIsReported() {
        awaitLog("Bulwark versioning for /it-versions: GET /it-versions/api/v1/widgets/{id}",
                "is weaker than GET /it-versions/api/v2/widgets/{id}", "no scope widgets:read");
        JsonObject inventory = json(get("/it-versions/bulwark/inventory", "Authorization",
                "Bearer " + token("ops", "bulwark-admin")).body());
        JsonObject v1 = inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("path").equals("/it-versions/api/v1/widgets/{id}")).findFirst().orElseThrow();
        assertThat(v1.getJsonObject("policies").getString("version")).startsWith("v1 (deprecated 2025-01-01");
        assertThat(v1.getJsonArray("findings").getValuesAs(jakarta.json.JsonString.class)).anySatisfy(f -> assertThat(
                f.getString()).startsWith("weaker than its successor GET /it-versions/api/v2/widgets/{id}"));
        JsonObject unversioned = inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("path").equals("/it-versions/api/things")).findFirst().orElseThrow();
        assertThat(unversioned.getJsonArray("findings").getString(0)).startsWith("no API version in the path");
    }

    @Test
    void aListedVersionNoEndpointHasRefusesTheDeploymentNamingTheKey() {
        awaitLog("refuses to deploy /it-versions-unknown", "bulwark.versioning.versions lists 'v7'");
        assertThat(get("/it-versions-unknown/api/v1/widgets").statusCode()).isEqualTo(404);
    }

    @Test
    void strictVersioningRefusesToDeployUnversionedOrWeakerEndpoints() {
        awaitLog("refuses to deploy /it-versions-strict", "endpoints without an API version in their path",
                "GET /it-versions-strict/api/v1/widgets/{id}", "is weaker than GET /it-versions-strict/api/v2/widgets/{id}");
        awaitLog("itVersionsStrict was not started");
        assertThat(get("/it-versions-strict/api/errors/ok").statusCode()).isEqualTo(404);
    }
    @Test
    void theOpenApiDocumentMarksTheOperationsOfDeprecatedVersions() {
        HttpResponse<String> r = ItSupport.sendTo(ItSupport.HTTP, "GET", "/openapi", null, "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject paths = json(r.body()).getJsonObject("paths");
        JsonObject v2 = paths.entrySet().stream().filter(e -> e.getKey().endsWith("/v2/widgets"))
                .map(e -> e.getValue().asJsonObject().getJsonObject("get"))
                .filter(get -> get.containsKey("x-bulwark-lifecycle")).findFirst().orElseThrow(() ->
                        new AssertionError("no marked /v2/widgets operation in " + paths.keySet()));
        assertThat(v2.getBoolean("deprecated")).isTrue();
        JsonObject lifecycle = v2.getJsonObject("x-bulwark-lifecycle");
        assertThat(lifecycle.getString("sunset")).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(lifecycle.getString("successor")).isEqualTo("v4");
        assertThat(paths.entrySet().stream().filter(e -> e.getKey().endsWith("/v4/widgets"))
                .map(e -> e.getValue().asJsonObject().getJsonObject("get"))
                .filter(get -> get.containsKey("x-bulwark-lifecycle")))
                .as("v4 announces its schedule, not deprecated yet")
                .allSatisfy(get -> assertThat(get.getBoolean("deprecated", false)).isFalse());
    }
}
