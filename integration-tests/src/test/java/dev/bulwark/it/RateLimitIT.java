package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Limits on Liberty, each scenario on its own endpoint (5 requests a minute unless stated) so counts never mix.
 * Requests through /it-proxy come from a trusted proxy, whose X-Forwarded-For gives each test its own client.
 */
class RateLimitIT {

    private static void allowed(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(200);
    }

    private static void limited(HttpResponse<String> r) {
        assertProblem(r, 429);
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 60L);
        assertThat(r.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).contains(";r=0;"));
    }

    @Test
    void theSixthRequestIsRefusedWithRetryAfterAndRateLimitFields() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = send("GET", "/it-proxy/api/limited/spoof", null, "X-Forwarded-For", "203.0.113.1");
            allowed(r);
            // once each: written as the response commits, not also by a JAX-RS response filter
            assertThat(r.headers().allValues("RateLimit-Policy")).containsExactly("\"default\";q=5;w=60");
            assertThat(r.headers().allValues("RateLimit")).singleElement().satisfies(v ->
                    assertThat(v).matches("\"default\";r=[0-4];t=\\d+"));
        }
        HttpResponse<String> refused = send("GET", "/it-proxy/api/limited/spoof", null, "X-Forwarded-For",
                "203.0.113.1");
        limited(refused);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("12");
        // the refusal's own fields, not the last allowed call's on top
        assertThat(refused.headers().allValues("RateLimit-Policy")).containsExactly("\"default\";q=5;w=60");
        assertThat(refused.headers().allValues("RateLimit")).singleElement().satisfies(v ->
                assertThat(v).startsWith("\"default\";r=0;"));
        // another client behind the same trusted proxy has its own count
        allowed(send("GET", "/it-proxy/api/limited/spoof", null, "X-Forwarded-For", "203.0.113.2"));
    }

    @Test
    void anAsynchronousResponseCarriesTheFieldsAndTheSecurityHeadersOnceWithOrWithoutABody() {
        for (String path : new String[] {"/it/api/limited/later/empty", "/it/api/limited/later/body"}) {
            HttpResponse<String> r = send("GET", path, null);
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(path.endsWith("empty") ? 204 : 200);
            assertThat(r.headers().allValues("RateLimit-Policy")).as(path).containsExactly("\"default\";q=5;w=60");
            assertThat(r.headers().allValues("RateLimit")).as(path).singleElement().satisfies(v ->
                    assertThat(v).matches("\"default\";r=[0-4];t=\\d+"));
            assertThat(r.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(r.headers().allValues("X-Frame-Options")).as(path).containsExactly("DENY");
            assertThat(r.headers().allValues("X-Request-Id")).as(path).hasSize(1);
        }
    }

    @Test
    void anAsynchronousResponseResumedAtOnceOrWithAnEmptyEntityStillCarriesThem() {
        // resumed on another thread at once: the runtime may send it before the request's thread left the filters
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = send("GET", "/it/api/limited/later/now", null);
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.headers().allValues("X-Content-Type-Options")).as("request %d", i).containsExactly("nosniff");
            assertThat(r.headers().allValues("RateLimit-Policy")).as("request %d", i)
                    .containsExactly("\"default\";q=100;w=60");
        }
        HttpResponse<String> empty = send("GET", "/it/api/limited/later/zero", null);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();
        assertThat(empty.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(empty.headers().allValues("RateLimit")).hasSize(1);
    }

    @Test
    void anAsynchronousErrorIsNotCacheableWhateverTheApplicationAskedAndKeepsItsOwnHeaders() {
        HttpResponse<String> r = send("GET", "/it/api/limited/later/conflict", null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(r.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(r.headers().allValues("RateLimit")).hasSize(1);
    }

    @Test
    void rotatingForwardingHeadersFromAnUntrustedPeerDoNotEscape() {
        String[] headers = {"X-Forwarded-For", "X-Real-IP", "Forwarded", "True-Client-IP", "X-Client-IP"};
        int allowedCount = 0;
        for (int i = 0; i < 12; i++) {
            String header = headers[i % headers.length];
            String value = header.equals("Forwarded") ? "for=198.51.100." + i : "198.51.100." + i;
            HttpResponse<String> r = send("GET", "/it/api/limited/spoof", null, header, value);
            if (r.statusCode() == 200) {
                allowedCount++;
            } else {
                limited(r);
            }
        }
        assertThat(allowedCount).isEqualTo(5);
    }

    @Test
    void pathVariantsAndIdsShareTheEndpointsCount() {
        String[] paths = {"/it-proxy/api/limited/items/1", "/it-proxy/api/limited/items/1/",
            "/it-proxy/api/limited/items/2", "/it-proxy/api/limited/%69tems/1", "/it-proxy/api/limited/items/1;v=2",
            "/it-proxy/api/limited/items/1?x=1", "/it-proxy/api/limited/items/%31"};
        int allowedCount = 0;
        for (String path : paths) {
            HttpResponse<String> r = send("GET", path, null, "X-Forwarded-For", "203.0.113.3");
            if (r.statusCode() == 200) {
                allowedCount++;
            } else if (r.statusCode() == 429) {
                limited(r);
            }
        }
        assertThat(allowedCount).isEqualTo(5);
        limited(send("GET", "/it-proxy/api/limited/items/99", null, "X-Forwarded-For", "203.0.113.3"));
    }

    @Test
    void headAndGetCountTogether() {
        for (int i = 0; i < 5; i++) {
            String method = i % 2 == 0 ? "HEAD" : "GET";
            assertThat(send(method, "/it-proxy/api/limited/head", null, "X-Forwarded-For", "203.0.113.4").statusCode())
                    .isEqualTo(200);
        }
        assertThat(send("HEAD", "/it-proxy/api/limited/head", null, "X-Forwarded-For", "203.0.113.4").statusCode())
                .isEqualTo(429);
        limited(send("GET", "/it-proxy/api/limited/head", null, "X-Forwarded-For", "203.0.113.4"));
    }

    @Test
    void onePrincipalFromTwoAddressesSharesItsCount() {
        String token = ItSupport.token("carol", "user");
        for (int i = 0; i < 5; i++) {
            allowed(send("GET", "/it-proxy/api/limited/principal", null, "Authorization", "Bearer " + token,
                    "X-Forwarded-For", i % 2 == 0 ? "203.0.113.5" : "203.0.113.6"));
        }
        limited(send("GET", "/it-proxy/api/limited/principal", null, "Authorization", "Bearer " + token,
                "X-Forwarded-For", "203.0.113.7"));
        // another principal from the same address is not affected
        allowed(send("GET", "/it-proxy/api/limited/principal", null, "Authorization", "Bearer "
                + ItSupport.token("dave", "user"), "X-Forwarded-For", "203.0.113.5"));
    }

    @Test
    void severalLimitsAtOnceReportTheTightest() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = send("GET", "/it-proxy/api/limited/fields", null, "X-Forwarded-For",
                    "203.0.113.8");
            allowed(r);
            assertThat(r.headers().firstValue("RateLimit-Policy"))
                    .hasValue("\"burst\";q=3;w=10, \"hourly\";q=100;w=3600");
            assertThat(r.headers().firstValue("RateLimit")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("\"burst\";r="));
        }
        HttpResponse<String> refused = send("GET", "/it-proxy/api/limited/fields", null, "X-Forwarded-For",
                "203.0.113.8");
        limited(refused);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Long.parseLong(v)).isBetween(1L, 4L));
    }

    @Test
    void anApplicationKeyResolverCountsPerTenant() {
        for (int i = 0; i < 3; i++) {
            allowed(send("GET", "/it-proxy/api/limited/tenant", null, "X-Tenant", "acme", "X-Forwarded-For",
                    "203.0.113." + (20 + i)));
        }
        limited(send("GET", "/it-proxy/api/limited/tenant", null, "X-Tenant", "acme", "X-Forwarded-For",
                "203.0.113.30"));
        allowed(send("GET", "/it-proxy/api/limited/tenant", null, "X-Tenant", "globex", "X-Forwarded-For",
                "203.0.113.30"));
    }

    @Test
    void aRateLimitedServiceBeanIsCountedWhoeverCallsIt() {
        for (int i = 0; i < 3; i++) {
            allowed(send("GET", "/it-proxy/api/quota", null, "X-Forwarded-For", "203.0.113.40"));
        }
        HttpResponse<String> refused = send("GET", "/it-proxy/api/quota", null, "X-Forwarded-For", "203.0.113.40");
        limited(refused);
        assertThat(refused.headers().firstValue("RateLimit-Policy")).hasValue("\"default\";q=3;w=60");
        for (int i = 0; i < 3; i++) {
            allowed(send("GET", "/it-proxy/api/quota/twice", null, "X-Forwarded-For", "203.0.113.41"));
        }
        HttpResponse<String> twice = send("GET", "/it-proxy/api/quota/twice", null, "X-Forwarded-For", "203.0.113.41");
        limited(twice);
        assertThat(twice.headers().firstValue("RateLimit-Policy"))
                .hasValue("\"burst\";q=3;w=60, \"hourly\";q=100;w=3600");
    }

    @Test
    void apiKeysAreCountedSeparatelyAndNeverEchoed() {
        for (int i = 0; i < 3; i++) {
            allowed(send("GET", "/it-proxy/api/limited/key", null, "X-API-Key", "key-one-secret",
                    "X-Forwarded-For", "203.0.113.9"));
        }
        HttpResponse<String> refused = send("GET", "/it-proxy/api/limited/key", null, "X-API-Key", "key-one-secret",
                "X-Forwarded-For", "203.0.113.9");
        limited(refused);
        assertThat(refused.body()).doesNotContain("key-one-secret");
        allowed(send("GET", "/it-proxy/api/limited/key", null, "X-API-Key", "key-two-secret",
                "X-Forwarded-For", "203.0.113.9"));
    }
}
