package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
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
 * of 20 a minute per caller; each test is its own client address through the trusted proxy's X-Forwarded-For, and
 * its own token subjects, since a verified caller's budget follows it from any address; 198.51.100.96/30 is
 * exempt), and they do not flood the log: Bulwark writes one summary line per status and interval, and one line
 * naming the caller that spent its budget, not one line per request.
 */
class RefusalFloodIT {

    private static final int BUDGET = 20;
    private static final String APP = "https://app.example.com";

    private static HttpResponse<String> from(String address, String method, String path, String body,
                                             String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = address;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, "/it-flood" + path, body, all);
    }

    private static String bearer(String subject) {
        return "Bearer " + token(subject, "user");
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

    private static void served(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as("%s: %s", what, r.body()).isEqualTo(200);
    }

    /** Sends {@code BUDGET} requests that each get {@code status}, then one more that gets 429. */
    private static void floodEndsIn429(String address, int status, Function<Integer, HttpResponse<String>> refused) {
        for (int i = 0; i < BUDGET; i++) {
            HttpResponse<String> r = refused.apply(i);
            assertThat(r.statusCode()).as("refusal %s from %s: %s", i, address, r.body()).isEqualTo(status);
        }
        limited(refused.apply(BUDGET));
    }

    /**
     * The address spent its budget: its requests without a valid token get 429, while a valid token from it is
     * served (its own caller) and another address is served.
     */
    private static void addressIsSpentButValidTokensFromItAreServed(String address, String subject) {
        limited(from(address, "GET", "/api/errors/ok", null));
        limited(from(address, "GET", "/api/secure", null, "Authorization", "Bearer not.a.token"));
        served(from(address, "GET", "/api/secure", null, "Authorization", bearer(subject)),
                "a valid token from the spent address");
        served(from(address, "GET", "/api/errors/ok", null, "Authorization", bearer(subject)),
                "a valid token on a public endpoint");
        served(from(address + "0", "GET", "/api/errors/ok", null), "another address");
    }

    @Test
    void invalidTokensEndIn429ForTheAddressWhileValidTokensFromItAreServed() {
        String address = "198.51.100.21";
        String valid = token("amy-21", "user");
        String[] tokens = {"not.a.token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.", valid.substring(0,
                valid.length() - 4) + "AAAA", "a.b.c"};
        floodEndsIn429(address, 401, i -> from(address, "GET", "/api/secure", null,
                "Authorization", "Bearer " + tokens[i % tokens.length]));
        addressIsSpentButValidTokensFromItAreServed(address, "ben-21");

        // a browser behind the spent address sees the 429 (not a network error): its preflight is answered, and
        // the 429 carries the CORS headers of the allowed origin
        HttpResponse<String> preflight = from(address, "OPTIONS", "/api/secure", null, "Origin", APP,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        HttpResponse<String> anonymous = from(address, "GET", "/api/errors/ok", null, "Origin", APP);
        limited(anonymous);
        assertThat(anonymous.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(anonymous.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(anonymous.headers().firstValue("Vary")).hasValue("Origin");
        HttpResponse<String> stale = from(address, "GET", "/api/secure", null, "Origin", APP, "Authorization",
                "Bearer not.a.token");
        limited(stale);
        assertThat(stale.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        HttpResponse<String> other = from(address, "GET", "/api/errors/ok", null, "Origin", "https://evil.example");
        limited(other);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).as("only for an allowed origin")
                .isEmpty();
        served(from(address, "GET", "/api/secure", null, "Origin", APP, "Authorization", bearer("ben-21")),
                "a browser with a valid token behind the spent address");

        // the operator learns which address is locked out, once
        awaitLog("client " + address + " spent its refusal budget (bulwark.ratelimit.refused=20/1m)",
                "bulwark.ratelimit.refused-exempt");
        assertThat(countLogLines("client " + address + " spent its refusal budget")).isEqualTo(1);
    }

    @Test
    void schemeLessAndGarbageAuthorizationHeadersEndIn429() {
        String address = "198.51.100.22";
        String[] headers = {"garbage", "Basic bm9ib2R5Om5vdGhpbmc=", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "Bearer",
            "Token abc"};
        floodEndsIn429(address, 401, i -> from(address, "GET", "/api/secure", null,
                "Authorization", headers[i % headers.length]));
        addressIsSpentButValidTokensFromItAreServed(address, "bea-22");
        limited(from(address, "GET", "/api/secure", null, "Authorization", "Basic bm9ib2R5Om5vdGhpbmc="));
    }

    @Test
    void forbiddenRequestsWithAValidTokenEndIn429ForThatSubjectOnly() {
        String address = "198.51.100.23";
        String carol = bearer("carol-23");
        floodEndsIn429(address, 403, i -> from(address, "GET", i % 2 == 0 ? "/api/admin" : "/api/customers", null,
                "Authorization", carol));
        // carol's budget follows her token to any address, even for what she may do
        limited(from(address, "GET", "/api/secure", null, "Authorization", carol));
        limited(from("198.51.100.230", "GET", "/api/secure", null, "Authorization", carol));
        // dave, behind the same address with his own valid token, and the address itself are not affected
        served(from(address, "GET", "/api/secure", null, "Authorization", bearer("dave-23")), "another user");
        served(from(address, "GET", "/api/errors/ok", null), "an anonymous request from the same address");
        assertThat(from(address, "GET", "/api/admin", null, "Authorization", bearer("dave-23")).statusCode())
                .as("dave's own refusal is his").isEqualTo(403);

        awaitLog("subject 'carol-23' spent its refusal budget (bulwark.ratelimit.refused=20/1m)");
        assertThat(countLogLines("subject 'carol-23' spent its refusal budget")).isEqualTo(1);
    }

    @Test
    void badInputEndsIn429() {
        String address = "198.51.100.24";
        floodEndsIn429(address, 400, i -> i % 2 == 0
                ? from(address, "GET", "/api/errors/ok?q=%00" + i, null)
                : from(address, "POST", "/api/items", "{\"name\":", "Content-Type", "application/json"));
        // bad input with a token that is no good is not let through the spent address either
        limited(from(address, "GET", "/api/errors/ok?q=%00", null, "Authorization", "Bearer not.a.token"));
        addressIsSpentButValidTokensFromItAreServed(address, "eve-24");
    }

    /** What the container refuses before the filter (an encoded slash, WEB-INF) is charged and limited too. */
    @Test
    void containerRefusalsEndIn429() {
        String address = "198.51.100.31";
        floodEndsIn429(address, 400, i -> from(address, "GET", "/api/a%2Fb" + i, null));
        limited(from(address, "GET", "/WEB-INF/web.xml", null));
    }

    @Test
    void badInputWithAValidTokenEndsIn429ForItsSubject() {
        String address = "198.51.100.29";
        String frank = bearer("frank-29");
        floodEndsIn429(address, 400, i -> from(address, "POST", "/api/items", "{\"name\":", "Content-Type",
                "application/json", "Authorization", frank));
        limited(from("198.51.100.129", "GET", "/api/secure", null, "Authorization", frank));
        served(from(address, "GET", "/api/secure", null, "Authorization", bearer("gina-29")), "another user");
    }

    @Test
    void ownershipProbesEndIn429ButMissingPagesDoNot() {
        String grace = bearer("grace-25");
        floodEndsIn429("198.51.100.25", 404, i -> from("198.51.100.25", "GET", "/api/orders/" + (2 + i), null,
                "Authorization", grace));
        limited(from("198.51.100.250", "GET", "/api/secure", null, "Authorization", grace));
        for (int i = 0; i < BUDGET * 2; i++) {
            assertThat(from("198.51.100.26", "GET", "/api/no-such-thing/" + i, null).statusCode()).isEqualTo(404);
        }
        served(from("198.51.100.26", "GET", "/api/errors/ok", null), "after missing pages");
    }

    @Test
    void anExemptAddressIsNeverAnswered429ButItsVerifiedCallersAreBudgeted() {
        String exempt = "198.51.100.97";
        for (int i = 0; i < BUDGET * 2; i++) {
            assertThat(from(exempt, "GET", "/api/secure", null, "Authorization", "Bearer not.a.token").statusCode())
                    .as("bad token %s from the exempt address", i).isEqualTo(401);
            assertThat(from(exempt, "GET", "/api/errors/ok?q=%00", null).statusCode()).isEqualTo(400);
        }
        served(from(exempt, "GET", "/api/errors/ok", null), "the exempt address");
        assertThat(countLogLines("client " + exempt + " spent")).isZero();

        String henry = bearer("henry-97");
        floodEndsIn429(exempt, 403, i -> from(exempt, "GET", "/api/admin", null, "Authorization", henry));
        served(from(exempt, "GET", "/api/errors/ok", null), "the exempt address after henry's flood");

        String next = "198.51.100.100";
        floodEndsIn429(next, 401, i -> from(next, "GET", "/api/secure", null, "Authorization", "Bearer x.y.z"));
    }

    @Test
    void legitimateTrafficSpendsNothing() {
        String ivy = bearer("ivy-27");
        for (int i = 0; i < BUDGET * 3; i++) {
            served(from("198.51.100.27", "GET", i % 2 == 0 ? "/api/errors/ok" : "/api/secure", null,
                    "Authorization", ivy), "request " + i);
        }
        // a few honest mistakes stay well within the budget
        for (int i = 0; i < 3; i++) {
            assertThat(from("198.51.100.27", "GET", "/api/admin", null, "Authorization", ivy).statusCode())
                    .isEqualTo(403);
            assertThat(from("198.51.100.27", "GET", "/api/secure", null, "Authorization", "Bearer expired.or.not")
                    .statusCode()).isEqualTo(401);
        }
        served(from("198.51.100.27", "GET", "/api/errors/ok", null), "anonymous");
        served(from("198.51.100.27", "GET", "/api/secure", null, "Authorization", ivy), "ivy");
        assertThat(countLogLines("198.51.100.27 spent")).isZero();
        assertThat(countLogLines("'ivy-27' spent")).isZero();
    }

    @Test
    void aFloodDoesNotFloodTheLog() throws Exception {
        String jack = bearer("jack-28");
        long bulwarkBefore = countLogLines("dev.bulwark");
        long perRequestBefore = countLogLines("[correlationId=") - countLogLines("the first of its kind");
        long containerBefore = countLogLines("CWWKS552");
        long namedBefore = countLogLines("from client 198.51.100.28,");
        int sent = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++, sent++) {
            switch (i % 3) {
                case 0 -> from("198.51.100.28", "GET", "/api/secure", null, "Authorization", "Bearer not.a.token");
                case 1 -> from("198.51.100.28", "GET", "/api/admin", null, "Authorization", jack);
                default -> from("198.51.100.28", "GET", "/api/errors/ok?q=%01", null);
            }
        }
        // the summary of the last interval is written by the next refusal after it ends
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (countLogLines("from client 198.51.100.28,") == namedBefore && System.nanoTime() < deadline) {
            from("198.51.100.28", "GET", "/api/errors/ok", null);
            sent++;
            Thread.sleep(200);
        }
        long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1);
        long bulwarkLines = countLogLines("dev.bulwark") - bulwarkBefore;
        assertThat(countLogLines("[correlationId=") - countLogLines("the first of its kind") - perRequestBefore)
                .as("no per-request line at INFO but the first of each kind").isZero();
        assertThat(countLogLines("with 429 in the last")).as("the 429s are summed up").isPositive();
        assertThat(countLogLines("from client 198.51.100.28,") - namedBefore).as("the summaries name the caller")
                .isPositive();
        // at most one summary line per status and interval (401, 403, 400 and 429 here, and what the other tests of
        // this deployment left in the interval they ended in), the first refusal of each of those kinds, and the
        // lines naming the address and the subject when they spend their budget, against one per request before
        assertThat(bulwarkLines).as("Bulwark lines for %s refused requests in %ss", sent, seconds)
                .isBetween(1L, Math.min(9 * (seconds + 2), sent / 2));
        System.out.printf("RefusalFloodIT: %d refused requests, %d Bulwark log lines, %d container CWWKS552x lines%n",
                sent, bulwarkLines, countLogLines("CWWKS552") - containerBefore);
    }
}
