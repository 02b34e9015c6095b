package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulwark activates from WEB-INF/lib alone (the test WAR has no Bulwark code), also for an application whose
 * getClasses() override turns scanning off; its inventory lists every endpoint; a bad setting fails deployment.
 */
class ActivationIT {

    private static final List<String> ENDPOINTS = List.of(
            "GET /it/api/echo/client", "GET /it/api/echo/later", "GET /it/api/echo/nothing", "DELETE /it/api/echo/method", "GET /it/api/echo/method",
            "POST /it/api/echo/method", "GET /it/api/echo/page",
            "GET /it/api/errors/boom", "GET /it/api/errors/conflict", "GET /it/api/errors/empty-503",
            "GET /it/api/errors/html-404", "GET /it/api/errors/ok", "GET /it/api/errors/product-headers",
            "GET /it/api/errors/raw-500", "POST /it/api/items", "POST /it/api/items/bulk", "POST /it/api/items/strict", "GET /it/api/items/{id}",
            "GET /it/api/secure", "POST /it/api/secure/logout", "GET /it/api/things",
            "GET /it/api/admin", "GET /it/api/orders", "GET /it/api/orders/{id}", "PUT /it/api/orders/{id}",
            "DELETE /it/api/orders/{id}", "POST /it/api/orders/lookup", "GET /it/api/orders/{id}/unguarded",
            "GET /it/api/scoped", "POST /it/api/scoped", "GET /it/api/scoped/report", "GET /it/api/machine/report",
            "POST /it/api/key-table", "POST /it/api/key-table/{id}/revoke", "GET /it/api/undecided",
            "GET /it/api/limited/spoof", "GET /it/api/limited/items/{id}", "GET /it/api/limited/head",
            "GET /it/api/limited/fields", "GET /it/api/limited/principal", "GET /it/api/limited/key",
            "GET /it/api/limited/tenant", "GET /it/api/limited/later/empty",
            "GET /it/api/limited/later/body", "GET /it/api/limited/later/now", "GET /it/api/limited/later/zero",
            "GET /it/api/limited/later/conflict", "GET /it/api/limited/later/page", "GET /it/api/quota", "GET /it/api/quota/twice",
            "GET /it/api/things/boom", "POST /it/api/errors/created", "GET /it/strict/things", "GET /it/strict/things/boom",
            "GET /it/api/customers", "GET /it/api/customers/count", "GET /it/api/customers/mine",
            "DELETE /it/api/customers", "GET /it/api/archive", "GET /it/api/archive/count", "GET /it/api/archive/mine",
            "DELETE /it/api/archive", "GET /it/api/members", "GET /it/api/members/count", "GET /it/api/members/mine",
            "DELETE /it/api/members", "GET /it/api/audit", "GET /it/api/audit/summary", "DELETE /it/api/audit",
            "GET /it/api/exports",

            "POST /it/api/bodies/big-form", "POST /it/api/bodies/big-text", "POST /it/api/bodies/document",
            "POST /it/api/bodies/form", "POST /it/api/bodies/line", "POST /it/api/bodies/note", "POST /it/api/bodies/lines",
            "POST /it/api/bodies/loose", "PATCH /it/api/bodies/me", "PUT /it/api/bodies/me",
            "POST /it/api/bodies/purchase", "POST /it/api/bodies/status", "POST /it/api/bodies/text",
            "GET /it/api/bodies/words/{word}", "GET /it/api/panels/{kind}", "GET /it/api/internal-report",
            "GET /it/api/front-door/report", "GET /it/api/front-door/read", "GET /it/api/front-door/purge",
            "GET /it/api/front-door/work/{which}", "GET /it/api/colliding", "GET /it/api/leaky-locator/leak",
            "GET /it/api/front-door/admin-purge", "GET /it/api/front-door/erase", "GET /it/api/counted-sub/s",
            "GET /it/nosvc/probe", "GET /it/api/probe", "GET /it/api/edge/counted-query",
            "GET /it/api/edge/counted-query/other", "GET /it/api/edge/counted-setter", "GET /it/api/edge/roles-setter/status",
            "GET /it/api/edge/roles-setter/admin", "GET /it/api/edge/setter/open", "GET /it/api/edge/setter/users",
            "GET /it/api/edge/stale/item", "GET /it/api/v1/widgets", "GET /it/api/v1/widgets/{id}",
            "GET /it/api/v1/widgets/missing", "GET /it/api/v2/widgets", "GET /it/api/v2/widgets/{id}",
            "GET /it/api/v2/widgets/missing", "GET /it/api/v2/widgets/own-headers", "GET /it/api/v3/widgets",
            "GET /it/api/v3/widgets/{id}", "GET /it/api/v3/widgets/missing", "GET /it/api/v3/widgets/own-headers",
            "GET /it/api/v4/widgets", "GET /it/api/v4/widgets/{id}", "GET /it/api/v4/widgets/missing",
            "GET /it/api/v4/widgets/own-headers",
            "GET /it/api/shop/customers", "GET /it/api/shop/me",
            "GET /it/api/shop/customers/{number}", "GET /it/api/shop/customers/{number}/whole",
            "GET /it/api/shop/customers/{number}/settings",
            "GET /it/api/shop/customers/{number}/async", "GET /it/api/shop/customers/{number}/card",
            "GET /it/api/shop/receipts/{number}",
            "GET /it/api/shop/shapes/holder", "GET /it/api/shop/shapes/page", "GET /it/api/shop/shapes/star",
            "GET /it/api/shop/shapes/named", "GET /it/api/shop/shapes/envelope", "GET /it/api/shop/shapes/note",
            "GET /it/api/shop/shapes/text", "GET /it/api/shop/shapes/raw", "GET /it/api/shop/shapes/inherited",
            "GET /it/api/shop/shapes/wrapped/{kind}", "GET /it/api/shop/shapes/later", "GET /it/api/shop/shapes/jsonp",
            "GET /it/api/shop/shapes/badge/{count}",
            "GET /it/api/leaks/entity/{kind}", "GET /it/api/leaks/string/{kind}",
            "GET /it/api/leaks/object/{kind}", "GET /it/api/leaks/large/{kind}/{kb}", "GET /it/api/leaks/legitimate",
            "GET /it/api/leaks/async/{kind}", "POST /it/api/leaks/token", "POST /it/api/leaks/token-and-key",
            "GET /it/api/usage/completion", "GET /it/api/usage/page", "GET /it/api/alerts",
            "GET /it/api/planted/orders", "GET /it/api/planted/orders/{id}", "POST /it/api/planted/orders",
            "GET /it/api/planted/invoices", "GET /it/api/planted/invoices/{id}", "POST /it/api/planted/invoices",
            "GET /it/api/planted/customers/me", "GET /it/api/planted/reports/{name}",
            "GET /it/api/planted/statements/{name}", "GET /it/api/dependent-report", "GET /it/api/dependent-door/open",
            "GET /it/api/dependent-door/user", "GET /it/api/unguarded-door");

    @Test
    void theInventoryIsLoggedOnceAsATableAtStartUp() {
        String table = awaitLog("Bulwark endpoint inventory (" + ENDPOINTS.size() + " endpoints)");
        assertThat(table).contains("METHOD  PATH");
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            assertThat(table).containsPattern("\\n\\s+" + parts[0] + "\\s+" + java.util.regex.Pattern.quote(parts[1])
                    + "\\s");
        }
        assertThat(table).containsPattern("POST\\s+/it/api/items\\s+application/json\\s+application/json\\s+public"
                + "\\s+.*body: [^|]*JSON only.*\\s+dev\\.bulwark\\.it\\.ItemsResource#create");
        assertThat(table).containsPattern("POST\\s+/it/api/leaks/token\\s.*egress: may return TOKEN");
        assertThat(table).contains("Findings (").contains("GET /it/api/undecided: no access decision");
    }

    @Test
    void theInventoryEndpointServesJsonToAdminsOnly() {
        HttpResponse<String> admin = get("/it/bulwark/inventory", "Authorization", "Bearer " + token("ops",
                "bulwark-admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/json"));
        assertThat(admin.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject inventory = json(admin.body());
        assertThat(inventory.getInt("count")).isEqualTo(ENDPOINTS.size());
        assertThat(inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("method") + " " + e.getString("path"))
                .containsExactlyInAnyOrderElementsOf(ENDPOINTS);
        JsonObject create = inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("path").equals("/it/api/items") && e.getString("method").equals("POST"))
                .findFirst().orElseThrow();
        assertThat(create.getJsonArray("consumes").getString(0)).isEqualTo("application/json");
        assertThat(create.getString("handler")).isEqualTo("dev.bulwark.it.ItemsResource#create");
        assertThat(create.getJsonObject("policies").getString("body")).contains("JSON only");
        JsonObject strict = inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("handler").endsWith("ItemsResource#createStrict")).findFirst().orElseThrow();
        assertThat(strict.getJsonObject("policies").getString("body")).contains("schema schemas/item-strict.json");
        // every guarded CDI bean method is listed with its policy, not only resources
        assertThat(inventory.getJsonArray("beans").getValuesAs(JsonObject.class))
                .anySatisfy(b -> {
                    assertThat(b.getString("handler")).isEqualTo("dev.bulwark.it.QuotaService#takeTwice");
                    assertThat(b.getJsonObject("policies").getString("rate-limit"))
                            .isEqualTo("burst 3/1m per ip, hourly 100/1h per ip");
                    assertThat(b.containsKey("access")).as("no decision on a bean: nothing to show").isFalse();
                })
                .anySatisfy(b -> {
                    assertThat(b.getString("handler")).startsWith("dev.bulwark.it.ReportService#");
                    assertThat(b.getString("access")).isEqualTo("scopes(all: reports:read)");
                });
    }

    @Test
    void theInventoryEndpointRefusesEveryoneElseWithTheProblemContract() {
        HttpResponse<String> anonymous = get("/it/bulwark/inventory");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                assertThat(v).startsWith("Bearer"));
        assertProblem(get("/it/bulwark/inventory", "Authorization", "Bearer " + token("bob", "user")), 403);
        assertProblem(get("/it/bulwark/inventory", "Authorization", "Bearer not.a.token"), 401);
        // Identity comes only from the verified token: headers claiming a role change nothing.
        assertProblem(get("/it/bulwark/inventory", "X-Role", "bulwark-admin", "X-User-Id", "ops",
                "X-Forwarded-User", "ops"), 401);
    }

    @Test
    void anApplicationOverridingGetClassesIsProtectedToo() {
        HttpResponse<String> ok = get("/it/strict/things");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();
        String id = assertProblem(get("/it/strict/things/boom"), 500).getString("correlationId");
        awaitLog("[correlationId=" + id + "]", "java.lang.IllegalArgumentException");
    }

    @Test
    void aWeakJwtConfigurationCannotBeDeployed() {
        String failure = awaitLog("CWWKZ0002E", "itWeakJwt");
        String report = failure.substring(0, Math.min(failure.length(), 20_000));
        assertThat(report).contains("Bulwark configuration key 'bulwark.jwt.algorithms': allows an HMAC algorithm")
                .contains("Bulwark configuration key 'mp.jwt.verify.clock.skew': is longer than 60 seconds");
        assertThat(get("/it-weak-jwt/api/errors/ok").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadAnnotationOnACdiBeanFailsTheDeploymentNamingIt() {
        String failure = awaitLog("CWWKZ0002E", "itBrokenBean");
        assertThat(failure.substring(0, Math.min(failure.length(), 20_000))).contains("Bulwark found invalid"
                + " annotations on CDI beans: @RateLimit on dev.bulwark.it.MisconfiguredQuota#take: rate 'lots' is not"
                + " count/duration such as 100/1m");
        assertThat(get("/it-broken-bean/api/errors/ok").statusCode()).isEqualTo(404);
        // the same WAR without that bean deploys: the annotation, not the application, is refused
        assertThat(get("/it/api/errors/ok").statusCode()).isEqualTo(200);
    }

    /**
     * A deny-list whose injection points each get their own instance (a dependent bean) would take the application's
     * revocations where the token gate never looks: the deployment fails, naming the bean (found in round 11: before,
     * revocation through such a bean silently did nothing).
     */
    @Test
    void aDenyListTheTokenGateCannotShareFailsTheDeploymentNamingIt() {
        String failure = awaitLog("CWWKZ0002E", "itDependentDenyList");
        assertThat(failure.substring(0, Math.min(failure.length(), 20_000))).contains("Bulwark: the"
                + " dev.bulwark.api.TokenDenyList bean of dev.bulwark.it.DependentDenyList is @Dependent")
                .contains("make it @ApplicationScoped");
        assertThat(get("/it-dependent-deny-list/api/errors/ok").statusCode()).isEqualTo(404);
        assertThat(get("/it/api/errors/ok").statusCode()).as("the same WAR without that bean").isEqualTo(200);
    }

    @Test
    void anApplicationThatTurnsOffServiceLoadingIsRefusedNotServedUnguarded() {
        awaitLog("refuses to deploy /it-no-services: dev.bulwark.it.NoServicesApplication sets"
                + " jakarta.ws.rs.loadServices=false");
        assertThat(get("/it-no-services/nosvc/probe").statusCode()).isEqualTo(404);
        assertThat(get("/it/nosvc/probe").statusCode()).as("the same application with service loading on")
                .isEqualTo(200);
    }

    @Test
    void strictAuthorizationRefusesToDeployAnEndpointWithoutADecision() {
        awaitLog("refuses to deploy /it-strict: endpoints without an access decision: GET /it-strict/api/undecided");
        awaitLog("itStrict was not started");
        assertThat(get("/it-strict/api/errors/ok").statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidSettingFailsTheDeploymentNamingTheKey() {
        String line = awaitLog("itBad", "Bulwark configuration key 'bulwark.errors.client-log-level'");
        assertThat(line).contains("unknown value: 'LOUD'").contains("expected one of OFF, FINE, INFO, WARNING");
        awaitLog("CWWKZ0002E", "itBad");
        // The broken application never serves anything.
        HttpResponse<String> r = get("/it-bad/api/errors/ok");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("\"ok\"");
    }
}
