package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Calls the JAX-RS runtime makes on a resource besides the dispatch (property setters) and a dispatch that no
 * interceptor consumes: neither refuses or counts legitimate calls, nor opens a guarded bean method.
 */
class EdgeDispatchIT {

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void aQueryParamSetterOnADenyAllClassDoesNotRefuseAPermitAllMethod() {
        HttpResponse<String> r = get("/it/api/edge/setter/open?q=hello");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"q\":\"hello\"}");
    }

    @Test
    void aContextSetterOnADenyAllClassDoesNotRefuseAUserMethod() {
        HttpResponse<String> r = get("/it/api/edge/setter/users", "Authorization", bearer(token("setter-user", "user")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aContextSetterOnAClassRateLimitedResourceIsNotCountedAgain() {
        String caller = bearer(token("counted-setter-" + System.nanoTime(), "user"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = get("/it/api/edge/counted-setter", "Authorization", caller);
            assertThat(r.statusCode()).as("request %d of 3: %s", i + 1, r.body()).isEqualTo(200);
        }
        assertProblem(get("/it/api/edge/counted-setter", "Authorization", caller), 429);
    }

    @Test
    void anUnconsumedDispatchRecordDoesNotOpenASubclassBeansGuardedOverride() {
        HttpResponse<String> anon = get("/it/api/edge/stale/item");
        assertThat(anon.body()).doesNotContain("admin-only");
        assertProblem(anon, 401);
        HttpResponse<String> user = get("/it/api/edge/stale/item", "Authorization", bearer(token("stale-user", "user")));
        assertThat(user.body()).doesNotContain("admin-only");
        assertProblem(user, 403);
        HttpResponse<String> admin = get("/it/api/edge/stale/item", "Authorization", bearer(token("stale-admin", "admin")));
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    }

    @Test
    void aQueryParamSetterOnAClassRateLimitedResourceIsNotCountedAgain() {
        String caller = bearer(token("counted-query-" + System.nanoTime(), "user"));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> r = get("/it/api/edge/counted-query?page=" + i, "Authorization", caller);
            assertThat(r.statusCode()).as("request %d of 4: %s", i + 1, r.body()).isEqualTo(200);
        }
        assertProblem(get("/it/api/edge/counted-query", "Authorization", caller), 429);
    }

    @Test
    void aHeaderParamSetterOnAnAdminClassDoesNotRefuseItsPublicMethod() {
        HttpResponse<String> anon = get("/it/api/edge/roles-setter/status", "Accept-Language", "en");
        assertThat(anon.statusCode()).as(anon.body()).isEqualTo(200);
        HttpResponse<String> user = get("/it/api/edge/roles-setter/status", "Authorization",
                bearer(token("rs-user", "user")));
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertProblem(get("/it/api/edge/roles-setter/admin"), 401);
        assertThat(get("/it/api/edge/roles-setter/admin", "Authorization", bearer(token("rs-admin", "admin")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void eachMethodOfAClassRateLimitedResourceHasItsOwnCountDespiteASetter() {
        String caller = bearer(token("counted-other-" + System.nanoTime(), "user"));
        for (int i = 0; i < 4; i++) {
            assertThat(get("/it/api/edge/counted-query", "Authorization", caller).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> other = get("/it/api/edge/counted-query/other", "Authorization", caller);
        assertThat(other.statusCode()).as("the first call of another method: " + other.body()).isEqualTo(200);
    }
}
