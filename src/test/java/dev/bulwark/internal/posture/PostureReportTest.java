package dev.bulwark.internal.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.RateLimit;
import dev.bulwark.api.ResponseFields;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.TestModels;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostureReportTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @ApplicationPath("/api")
    public static class Api extends Application {
    }

    public record Item(String id, String name) {
    }

    @Path("/v1/items")
    @Produces("application/json")
    public static class Items {
        @GET
        @PermitAll
        @ResponseFields("name")
        public List<Item> list() {
            return List.of();
        }

        @GET
        @Path("{id}")
        @RolesAllowed("user")
        public Item get(@PathParam("id") String id) {
            return null;
        }

        @GET
        @Path("{itemId}/owned")
        @RolesAllowed("user")
        @OwnedBy(value = "itemId", policy = Owners.class)
        @ResponseFields({"id", "name"})
        @RateLimit(rate = "5/1m")
        public Item owned(@PathParam("itemId") String itemId) {
            return null;
        }

        @GET
        @Path("forgotten")
        @ResponseFields("id")
        public Item forgotten() {
            return null;
        }
    }

    public static class Owners implements dev.bulwark.api.ObjectAccessPolicy {
        @Override
        public boolean permits(dev.bulwark.api.AccessRequest request) {
            return false;
        }
    }

    private static BulwarkConfig config(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("mp.jwt.verify.publickey.location", "/k.pem",
                "mp.jwt.verify.issuer", "https://issuer.example", "mp.jwt.verify.audiences", "api"));
        props.putAll(extra);
        var loaded = TestConfig.load(props);
        assertThat(loaded.problems()).isEmpty();
        return loaded.config();
    }

    private static PostureReport report(BulwarkConfig config) {
        return PostureReport.assess("/shop", TestModels.resources(config, "/shop", List.of(Api.class, Items.class))
                .policies(), config, NOW, null);
    }

    private static PostureReport.CategoryScore score(PostureReport report, OwaspCategory category) {
        return report.scores().stream().filter(s -> s.category() == category).findFirst().orElseThrow();
    }

    @Test
    void eachEndpointFindingLandsInItsOwaspCategory() {
        PostureReport report = report(config(Map.of()));
        assertThat(report.findings()).extracting(PostureCheck::category, PostureCheck::where)
                .contains(org.assertj.core.groups.Tuple.tuple(OwaspCategory.API1, "GET /shop/api/v1/items/{id}"),
                        org.assertj.core.groups.Tuple.tuple(OwaspCategory.API5, "GET /shop/api/v1/items/forgotten"),
                        org.assertj.core.groups.Tuple.tuple(OwaspCategory.API3, "GET /shop/api/v1/items/{id}"));
        // the owned endpoint passes API1, API3 and API4; its id is checked by its policy
        assertThat(report.checks()).filteredOn(c -> c.where().endsWith("/owned"))
                .allMatch(PostureCheck::passed, "every check of the owned endpoint passes");
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.docs()).startsWith("docs/"));
    }

    @Test
    void protectionsComeFromTheEndpointModel() {
        PostureReport report = report(config(Map.of()));
        PostureReport.EndpointRow owned = report.endpoints().stream().filter(r -> r.path().endsWith("/owned"))
                .findFirst().orElseThrow();
        assertThat(owned.protections()).containsEntry("tls", "HTTPS only")
                .containsEntry("authentication", "bearer token").containsEntry("object-level", "owner check (@OwnedBy)")
                .containsKeys("access", "rate-limit", "body", "response", "version");
        assertThat(owned.protections().get("rate-limit")).contains("5/1m");
        assertThat(owned.protections().get("access")).contains("roles(user)");
        PostureReport.EndpointRow list = report.endpoints().get(0);
        assertThat(list.protections()).containsEntry("authentication", "none needed (public)");
    }

    @Test
    void scoresArePassedOverCheckedAndUnjudgedCategoriesHaveNone() {
        PostureReport report = report(config(Map.of()));
        for (PostureReport.CategoryScore s : report.scores()) {
            if (!s.category().judged()) {
                assertThat(s.score()).as(s.category().name()).isNull();
                assertThat(s.checked()).isZero();
            } else if (s.checked() > 0) {
                assertThat(s.score()).isEqualTo((int) Math.round(100.0 * s.passed() / s.checked()));
            }
        }
        // API1: the owned endpoint passes, {id} fails -> 1 of 2
        assertThat(score(report, OwaspCategory.API1)).extracting(PostureReport.CategoryScore::passed,
                PostureReport.CategoryScore::checked, PostureReport.CategoryScore::score).containsExactly(1, 2, 50);
        assertThat(report.scores()).extracting(s -> s.category().name()).containsExactly("API1", "API2", "API3",
                "API4", "API5", "API6", "API7", "API8", "API9", "API10");
        assertThat(report.overall()).isBetween(1, 99);
    }

    @Test
    void weakSettingsAreDeploymentFindings() {
        PostureReport strong = report(config(Map.of()));
        PostureReport weak = report(config(Map.of("bulwark.transport.https-only", "false",
                "bulwark.trusted-proxies", "0.0.0.0/0", "bulwark.ratelimit.enabled", "false",
                "bulwark.observe", "authorization")));
        assertThat(weak.findings()).extracting(PostureCheck::where).contains("bulwark.transport.https-only",
                "bulwark.trusted-proxies", "bulwark.ratelimit.enabled", "bulwark.observe");
        assertThat(strong.findings()).extracting(PostureCheck::where).doesNotContain("bulwark.transport.https-only",
                "bulwark.trusted-proxies", "bulwark.ratelimit.enabled", "bulwark.observe");
        assertThat(score(weak, OwaspCategory.API8).score()).isLessThan(score(strong, OwaspCategory.API8).score());
        assertThat(score(weak, OwaspCategory.API4).score()).isLessThan(score(strong, OwaspCategory.API4).score());
        assertThat(weak.endpoints().get(0).protections()).containsEntry("tls", "plain HTTP accepted")
                .containsEntry("rate-limit", "none");
    }

    @Test
    void jsonCarriesScoresFindingsEndpointsAndNullForUnjudged() {
        PostureReport report = report(config(Map.of()));
        JsonObject json = Json.createReader(new StringReader(report.json())).readObject();
        assertThat(json.getString("standard")).isEqualTo("OWASP API Security Top 10 2023");
        assertThat(json.getInt("findingCount")).isEqualTo(report.findings().size());
        assertThat(json.getJsonArray("endpoints")).hasSize(4);
        JsonObject api7 = json.getJsonArray("categories").getJsonObject(6);
        assertThat(api7.getString("id")).isEqualTo("API7");
        assertThat(api7.isNull("score")).isTrue();
        assertThat(api7.getString("note")).startsWith("not judged");
        JsonObject api1 = json.getJsonArray("categories").getJsonObject(0);
        assertThat(api1.getInt("score")).isEqualTo(50);
        assertThat(api1.getJsonArray("findings").getJsonObject(0).getBoolean("passed")).isFalse();
    }

    @Test
    void aDocsBaseTurnsEveryDocsReferenceIntoALink() {
        BulwarkConfig config = config(Map.of("bulwark.inventory.posture.docs-base-uri", "https://docs.example/b/"));
        PostureReport report = PostureReport.assess("/shop", TestModels.resources(config, "/shop",
                List.of(Api.class, Items.class)).policies(), config, NOW, config.inventory().docsBase().toString());
        assertThat(report.link("docs/versioning.md")).isEqualTo("https://docs.example/b/docs/versioning.md");
        assertThat(PostureHtml.render(report)).contains(
                "<a href=\"https://docs.example/b/docs/authorization.md#object-level-bola-ownedby\">");
        assertThat(PostureHtml.render(report(config(Map.of())))).doesNotContain("<a href");
    }

    @Test
    void gateThresholdsNameWhatTheyBreak() {
        PostureReport report = report(config(Map.of()));
        int n = report.findings().size();
        assertThat(PostureGate.NONE.violations(report)).isEmpty();
        assertThat(new PostureGate(n, Set.of(), -1).violations(report)).isEmpty();
        assertThat(new PostureGate(n - 1, Set.of(), -1).violations(report)).singleElement().asString()
                .contains(n + " findings, more than the " + (n - 1));
        assertThat(new PostureGate(-1, Set.of(OwaspCategory.API1), -1).violations(report)).singleElement()
                .asString().contains("API1:2023").contains("GET /shop/api/v1/items/{id}");
        assertThat(new PostureGate(-1, Set.of(OwaspCategory.API7), -1).violations(report)).isEmpty();
        assertThat(new PostureGate(-1, Set.of(), 51).violations(report)).anySatisfy(v -> assertThat(v)
                .contains("API1:2023").contains("scores 50"));
        assertThat(OwaspCategory.parse(" api4 ")).isEqualTo(OwaspCategory.API4);
        assertThatThrownBy(() -> OwaspCategory.parse("API11")).hasMessageContaining("API1..API10");
    }

    @Test
    void routePoliciesFromConfigurationAndUndocumentedEndpointsAreInTheReport() {
        BulwarkConfig config = config(Map.of("bulwark.ratelimit.anonymous", "off",
                "bulwark.ratelimit.authenticated", "off", "bulwark.routes", "items",
                "bulwark.routes.items.paths", "/api/v1/items/*", "bulwark.routes.items.scopes", "items:read",
                "bulwark.routes.items.rate-limit", "10/1m"));
        var policies = TestModels.resources(config, "/shop", List.of(Api.class, Items.class)).policies();
        PostureReport report = PostureReport.assess("/shop", "/shop", policies, config, NOW, null,
                policy -> policy.site().name().endsWith("forgotten")
                        ? List.of("not described by the OpenAPI document openapi.yaml: not validated") : List.of());
        String forgotten = "GET /shop/api/v1/items/forgotten";
        assertThat(report.endpoints()).filteredOn(e -> (e.method() + " " + e.path()).equals(forgotten)).singleElement()
                .satisfies(e -> assertThat(e.protections()).containsEntry("routes",
                        "items: scopes all of [items:read]; rate limit 10/1m per caller"));
        assertThat(report.checks()).filteredOn(c -> c.where().equals(forgotten))
                .extracting(PostureCheck::category, PostureCheck::passed, PostureCheck::text)
                .contains(org.assertj.core.groups.Tuple.tuple(OwaspCategory.API4, true,
                                "rate limit: 10/1m per caller (route items)"),
                        org.assertj.core.groups.Tuple.tuple(OwaspCategory.API5, true,
                                "route policy items: scopes all of [items:read]; rate limit 10/1m per caller"),
                        org.assertj.core.groups.Tuple.tuple(OwaspCategory.API9, false,
                                "not described by the OpenAPI document openapi.yaml: not validated"));
        // without the route, the same endpoint has no rate limit at all
        PostureReport bare = report(config(Map.of("bulwark.ratelimit.anonymous", "off",
                "bulwark.ratelimit.authenticated", "off")));
        assertThat(bare.findings()).extracting(PostureCheck::where, PostureCheck::text)
                .contains(org.assertj.core.groups.Tuple.tuple(forgotten, "no rate limit"));
    }
}
