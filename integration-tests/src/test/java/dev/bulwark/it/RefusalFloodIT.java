package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.countLogLines;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.ItSupport.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Floods of refused requests end in 429, whichever layer refuses them, on the itFlood deployment (a refusal budget
 * of 20 a minute per client address; each test is its own client address through the trusted proxy's
 * X-Forwarded-For), and they do not flood the log: Bulwark writes one summary line per status and interval, not
 * one line per request.
 */
class RefusalFloodIT {

    private static final int BUDGET = 20;
    private static final String ALICE = token("alice", "user");

    private static HttpResponse<String> from(String address, String method, String path, String body,
                                             String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = address;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, "/it-flood" + path, body, all);
    }

    /** The 429 of a spent refusal budget: the problem, Retry-After, and the budget's RateLimit fields. */
    private static void limited(HttpResponse<String> r) {
        assertProblem(r, 429);
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 60L);
        assertThat(r.headers().firstValue("RateLimit-Policy")).hasValue("\"refused\";q=20;w=60");
        assertThat(r.headers().firstValue("RateLimit")).hasValue("\"refused\";r=0;t=" + retry);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    /**
     * Sends {@code BUDGET} requests that each get {@code status}, then one more that gets 429, and checks that the
     * address is now refused everything (a legitimate request too) while another address is served.
     */
    private static void floodEndsIn429(String address, int status, Function<Integer, HttpResponse<String>> refused) {
        for (int i = 0; i < BUDGET; i++) {
            HttpResponse<String> r = refused.apply(i);
            assertThat(r.statusCode()).as("refusal %s from %s: %s", i, address, r.body()).isEqualTo(status);
        }
        limited(refused.apply(BUDGET));
        limited(from(address, "GET", "/api/errors/ok", null));
        limited(from(address, "GET", "/api/secure", null, "Authorization", "Bearer " + ALICE));
        HttpResponse<String> other = from(address + "0", "GET", "/api/secure", null, "Authorization",
                "Bearer " + ALICE);
        assertThat(other.statusCode()).as("another address is served").isEqualTo(200);
    }

    @Test
    void invalidTokensEndIn429() {
        String[] tokens = {"not.a.token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.", ALICE.substring(0,
                ALICE.length() - 4) + "AAAA", "a.b.c"};
        floodEndsIn429("198.51.100.21", 401, i -> from("198.51.100.21", "GET", "/api/secure", null,
                "Authorization", "Bearer " + tokens[i % tokens.length]));
    }

    @Test
    void schemeLessAndGarbageAuthorizationHeadersEndIn429() {
        String[] headers = {"garbage", "Basic bm9ib2R5Om5vdGhpbmc=", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "Bearer",
            "Token abc"};
        floodEndsIn429("198.51.100.22", 401, i -> from("198.51.100.22", "GET", "/api/secure", null,
                "Authorization", headers[i % headers.length]));
    }

    @Test
    void forbiddenRequestsEndIn429() {
        floodEndsIn429("198.51.100.23", 403, i -> from("198.51.100.23", "GET",
                i % 2 == 0 ? "/api/admin" : "/api/customers", null, "Authorization", "Bearer " + ALICE));
    }

    @Test
    void badInputEndsIn429() {
        floodEndsIn429("198.51.100.24", 400, i -> i % 2 == 0
                ? from("198.51.100.24", "GET", "/api/errors/ok?q=%00" + i, null)
                : from("198.51.100.24", "POST", "/api/items", "{\"name\":", "Content-Type", "application/json"));
    }

    @Test
    void ownershipProbesEndIn429ButMissingPagesDoNot() {
        floodEndsIn429("198.51.100.25", 404, i -> from("198.51.100.25", "GET", "/api/orders/" + (2 + i), null,
                "Authorization", "Bearer " + ALICE));
        for (int i = 0; i < BUDGET * 2; i++) {
            assertThat(from("198.51.100.26", "GET", "/api/no-such-thing/" + i, null).statusCode()).isEqualTo(404);
        }
        assertThat(from("198.51.100.26", "GET", "/api/errors/ok", null).statusCode()).isEqualTo(200);
    }

    @Test
    void legitimateTrafficSpendsNothing() {
        for (int i = 0; i < BUDGET * 3; i++) {
            assertThat(from("198.51.100.27", "GET", i % 2 == 0 ? "/api/errors/ok" : "/api/secure", null,
                    "Authorization", "Bearer " + ALICE).statusCode()).isEqualTo(200);
        }
        // a few honest mistakes stay well within the budget
        for (int i = 0; i < 3; i++) {
            assertThat(from("198.51.100.27", "GET", "/api/admin", null, "Authorization", "Bearer " + ALICE)
                    .statusCode()).isEqualTo(403);
        }
        assertThat(from("198.51.100.27", "GET", "/api/errors/ok", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aFloodDoesNotFloodTheLog() throws Exception {
        long bulwarkBefore = countLogLines("dev.bulwark");
        long perRequestBefore = countLogLines("[correlationId=");
        long containerBefore = countLogLines("CWWKS552");
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++, sent++) {
            switch (i % 3) {
                case 0 -> from("198.51.100.28", "GET", "/api/secure", null, "Authorization", "Bearer not.a.token");
                case 1 -> from("198.51.100.28", "GET", "/api/admin", null, "Authorization", "Bearer " + ALICE);
                default -> from("198.51.100.28", "GET", "/api/errors/ok?q=%01", null);
            }
        }
        // the summary of the last interval is written by the next refusal after it ends
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (countLogLines("with 429 in the last") == 0 && System.nanoTime() < deadline) {
            from("198.51.100.28", "GET", "/api/errors/ok", null);
            sent++;
            Thread.sleep(200);
        }
        long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1);
        long bulwarkLines = countLogLines("dev.bulwark") - bulwarkBefore;
        assertThat(countLogLines("[correlationId=") - perRequestBefore).as("no per-request line at INFO").isZero();
        assertThat(countLogLines("with 429 in the last")).as("the 429s are summed up").isPositive();
        // at most one line per status and interval (401, 403, 400 and 429 here, and what the other tests of this
        // deployment left in the interval they ended in), against one per request before
        assertThat(bulwarkLines).as("Bulwark lines for %s refused requests in %ss", sent, seconds)
                .isBetween(1L, Math.min(5 * (seconds + 2), sent / 4));
        System.out.printf("RefusalFloodIT: %d refused requests, %d Bulwark log lines, %d container CWWKS552x lines%n",
                sent, bulwarkLines, countLogLines("CWWKS552") - containerBefore);
    }
}
