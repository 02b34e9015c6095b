package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.ItSupport.token;
import static dev.bulwark.it.ItSupport.tokenWithScopes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deny by default, scopes, function-level (BFLA) and object-level (BOLA) authorization on Liberty. */
class AuthorizationIT {

    private static final String ALICE = token("alice", "user");
    private static final String ADMIN = token("root", "admin");

    private static HttpResponse<String> get(String path, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("GET", path, null, all);
    }

    private static String shape(JsonObject problem) {
        return problem.getString("type") + "|" + problem.getString("title") + "|" + problem.getString("detail");
    }

    @Test
    void anEndpointWithoutADecisionIsRefusedForEveryone() {
        for (HttpResponse<String> r : java.util.List.of(send("GET", "/it/api/undecided", null),
            get("/it/api/undecided", ALICE), get("/it/api/undecided", ADMIN))) {
            assertProblem(r, 403);
            assertThat(r.body()).doesNotContain("leak");
            assertThat(r.headers().firstValue("WWW-Authenticate")).as("no challenge on a deny-by-default 403")
                    .isEmpty();
        }
    }

    @Test
    void scopesAreRequiredExactly() {
        assertThat(get("/it/api/scoped", tokenWithScopes("alice", "items:read")).statusCode()).isEqualTo(200);
        assertThat(get("/it/api/scoped", tokenWithScopes("alice", "other items:read more")).statusCode())
                .isEqualTo(200);
        for (String near : new String[] {"items:read:all", "ITEMS:READ", "items", "items:*", "items:rea", "",
            "items:read,other"}) {
            HttpResponse<String> r = get("/it/api/scoped", tokenWithScopes("alice", near));
            assertProblem(r, 403);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(near)
                    .hasValue("Bearer error=\"insufficient_scope\", scope=\"items:read\"");
        }
        HttpResponse<String> anonymous = send("GET", "/it/api/scoped", null);
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @Test
    void allOfAndAnyOfCombine() {
        String readOnly = tokenWithScopes("alice", "items:read");
        HttpResponse<String> r = send("POST", "/it/api/scoped", "", "Authorization", "Bearer " + readOnly);
        assertProblem(r, 403);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"items:admin items:read items:write\"");
        assertThat(send("POST", "/it/api/scoped", "", "Authorization", "Bearer "
                + tokenWithScopes("alice", "items:read items:admin")).statusCode()).isEqualTo(200);
        assertProblem(send("POST", "/it/api/scoped", "", "Authorization", "Bearer "
                + tokenWithScopes("alice", "items:write")), 403);
    }

    @Test
    void aScopedServiceBeanIsEnforcedWhoeverCallsIt() {
        HttpResponse<String> lacking = get("/it/api/scoped/report", tokenWithScopes("alice", "items:read"));
        assertProblem(lacking, 403);
        assertThat(lacking.headers().firstValue("WWW-Authenticate")).as("the same challenge as a resource's")
                .hasValue("Bearer error=\"insufficient_scope\", scope=\"reports:read\"");
        HttpResponse<String> ok = get("/it/api/scoped/report", tokenWithScopes("alice", "reports:read"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"report\":\"ok\"}");
        assertProblem(send("GET", "/it/api/scoped/report", null), 401);
    }

    @Test
    void adminRoutesNeedTheAdminRoleFromTheTokenOnly() {
        assertThat(get("/it/api/admin", ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> user = get("/it/api/admin", ALICE, "X-User-Id", "root", "X-Role", "admin",
                "X-Roles", "admin", "X-Forwarded-User", "root", "X-Groups", "admin");
        assertProblem(user, 403);
        assertThat(user.headers().firstValue("WWW-Authenticate")).as("insufficient_scope is for scopes only")
                .isEmpty();
        HttpResponse<String> anonymous = send("GET", "/it/api/admin", null, "X-Role", "admin", "X-User-Id", "root");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).as("no credentials: no error code")
                .containsExactly("Bearer");
    }

    @Test
    void anotherUsersObjectLooksExactlyLikeAMissingOne() {
        assertThat(json(get("/it/api/orders/1", ALICE).body()).getString("owner")).isEqualTo("alice");
        JsonObject bobs = assertProblem(get("/it/api/orders/2", ALICE), 404);
        JsonObject missing = assertProblem(get("/it/api/orders/999", ALICE), 404);
        assertThat(shape(bobs)).isEqualTo(shape(missing));
        assertThat(get("/it/api/orders/2", ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void idsInTheQueryAndTheBodyAreCheckedToo() {
        assertThat(get("/it/api/orders?id=1", ALICE).statusCode()).isEqualTo(200);
        assertProblem(get("/it/api/orders?id=2", ALICE), 404);
        assertProblem(get("/it/api/orders?id=1&id=2", ALICE), 404);
        String auth = "Bearer " + ALICE;
        assertThat(send("POST", "/it/api/orders/lookup", "{\"orderId\":\"1\"}", "Authorization", auth,
                "Content-Type", "application/json").statusCode()).isEqualTo(200);
        for (String body : new String[] {"{\"orderId\":\"2\"}", "{\"orderId\":\"02\"}",
            "{\"orderId\":\" 2\"}", "{}", "{\"orderId\":null}"}) {
            assertProblem(send("POST", "/it/api/orders/lookup", body, "Authorization", auth,
                    "Content-Type", "application/json"), 404);
        }
        // orderId is a String: a number is refused by the body check, before and whatever the ownership
        for (String body : new String[] {"{\"orderId\":2}", "{\"orderId\":1}"}) {
            assertThat(assertProblem(send("POST", "/it/api/orders/lookup", body, "Authorization", auth,
                    "Content-Type", "application/json"), 400).getJsonArray("errors").getJsonObject(0)
                    .getString("field")).isEqualTo("orderId");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"02", "%32", "002", "+2", "2.0", "%202", "2%20", "0x2", "%EF%BC%92"})
    void idEncodingsCannotReachAnotherUsersObject(String id) {
        assertThat(get("/it/api/orders/" + id, ALICE).statusCode()).isIn(400, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "1.0", "+1", "%201", "1%20"})
    void nonCanonicalSpellingsOfOnesOwnIdAreRefusedToo(String id) {
        assertThat(get("/it/api/orders/" + id, ALICE).statusCode()).as(id).isIn(400, 404);
    }

    @Test
    void percentEncodingIsDecodedBeforeTheCheck() {
        // "%31" is "1" once decoded: the same canonical id, alice's own order
        assertThat(get("/it/api/orders/%31", ALICE).statusCode()).isEqualTo(200);
    }

    @Test
    void everyMethodOnTheResourceIsGuarded() {
        String auth = "Bearer " + ALICE;
        assertProblem(send("PUT", "/it/api/orders/2", "{\"orderId\":\"1\"}", "Authorization", auth,
                "Content-Type", "application/json"), 404);
        assertProblem(send("DELETE", "/it/api/orders/2", null, "Authorization", auth), 404);
        assertThat(send("DELETE", "/it/api/orders/1", null, "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void theInventoryShowsTheRulesAndFlagsGaps() {
        JsonObject inventory = json(get("/it/bulwark/inventory", token("ops", "bulwark-admin")).body());
        var endpoints = inventory.getJsonArray("endpoints").getValuesAs(JsonObject.class);
        JsonObject owned = endpoints.stream().filter(e -> e.getString("path").equals("/it/api/orders/{id}")
                && e.getString("method").equals("GET")).findFirst().orElseThrow();
        assertThat(owned.getString("access")).isEqualTo("roles(admin,user) owner(path id by ItOrders)");
        assertThat(owned.getJsonArray("findings")).isEmpty();
        JsonObject unguarded = endpoints.stream().filter(e -> e.getString("path")
                .equals("/it/api/orders/{id}/unguarded")).findFirst().orElseThrow();
        assertThat(unguarded.getJsonArray("findings").getString(0)).contains("without an ownership rule");
        JsonObject undecided = endpoints.stream().filter(e -> e.getString("path").equals("/it/api/undecided"))
                .findFirst().orElseThrow();
        assertThat(undecided.getString("access")).isEqualTo("NONE: denied by default");
        JsonObject scoped = endpoints.stream().filter(e -> e.getString("path").equals("/it/api/scoped")
                && e.getString("method").equals("POST")).findFirst().orElseThrow();
        assertThat(scoped.getString("access")).isEqualTo("scopes(all: items:read; any: items:admin|items:write)");
    }
}
