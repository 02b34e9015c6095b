package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.TestTokens.claims;
import static dev.bulwark.it.TestTokens.header;
import static dev.bulwark.it.TestTokens.now;
import static dev.bulwark.it.TestTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One token policy whatever door a request comes in by: JAX-RS resources (protected and public), a plain servlet
 * that trusts whatever caller the container authenticated, a servlet the container protects itself, a scoped CDI
 * bean behind a public resource, and Bulwark's own inventory servlet; and whatever shape the Authorization header
 * takes. Every token here is signed by the trusted key, so the container alone would accept each of them.
 */
class DoorsIT {

    private static final String CONTAINER_PROTECTED = "/it/servlet/protected";

    /** Path, and the status a valid token gets there. */
    private static final Map<String, Integer> DOORS = new LinkedHashMap<>();

    static {
        DOORS.put("/it/api/secure", 200);
        DOORS.put("/it/api/errors/ok", 200);
        DOORS.put("/it/servlet/whoami", 200);
        DOORS.put(CONTAINER_PROTECTED, 200);
        DOORS.put("/it/api/scoped/report", 403); // the CDI bean wants reports:read, which alice lacks
        DOORS.put("/it/bulwark/inventory", 403); // alice is no bulwark-admin
    }

    /** Tokens the container accepts (trusted signature, within Liberty's own rules) that break Bulwark's policy. */
    private static Map<String, String> policyBreakers() {
        long now = now();
        Map<String, String> t = new LinkedHashMap<>();
        t.put("a 3-hour lifetime", rs256(header("RS256"), claims("exp", Long.toString(now + 3 * 3600))));
        t.put("expired 2 minutes ago (inside Liberty's 5-minute skew)", rs256(header("RS256"),
                claims("iat", Long.toString(now - 400), "exp", Long.toString(now - 120))));
        t.put("no iat", rs256(header("RS256"), claims("iat", null)));
        t.put("a jku header", rs256(header("RS256", "jku", "\"https://attacker.example/jwks\""), claims()));
        t.put("an IdP typ of Refresh", rs256(header("RS256"), claims("typ", "\"Refresh\"")));
        t.put("a foreign audience among others", rs256(header("RS256"), claims("aud", "[\"other\"]")));
        return t;
    }

    /** Every way a token can be put into the Authorization header(s). */
    private static List<String[]> shapes(String token) {
        List<String[]> s = new ArrayList<>();
        s.add(new String[] {"Authorization", "Bearer " + token});
        s.add(new String[] {"Authorization", token});
        s.add(new String[] {"Authorization", "bearer " + token});
        s.add(new String[] {"Authorization", "BEARER " + token});
        s.add(new String[] {"Authorization", "Bearer  " + token});
        s.add(new String[] {"Authorization", "Bearer\t" + token});
        s.add(new String[] {"Authorization", "Token " + token});
        s.add(new String[] {"Authorization", "JWT " + token});
        s.add(new String[] {"Authorization", "Basic " + token});
        s.add(new String[] {"Authorization", "Bearer " + token, "Authorization", "Bearer " + token});
        s.add(new String[] {"Authorization", token + " "});
        return s;
    }

    @Test
    void everyPolicyBreakingTokenIsRefusedAtEveryDoorInEveryHeaderShape() {
        List<String> accepted = new ArrayList<>();
        for (var token : policyBreakers().entrySet()) {
            for (String[] shape : shapes(token.getValue())) {
                for (String door : DOORS.keySet()) {
                    HttpResponse<String> r = send("GET", door, null, shape);
                    if (r.statusCode() != 401) {
                        accepted.add(token.getKey() + " as '" + shape[1].substring(0, 8) + "...' (" + shape.length / 2
                                + " header(s)) at " + door + ": " + r.statusCode() + " " + r.body());
                        continue;
                    }
                    assertRefused(r, door);
                }
            }
        }
        assertThat(accepted).as("requests that got past the token policy").isEmpty();
    }

    @Test
    void aValidTokenWorksAtEveryDoorOnlyInTheBearerScheme() {
        String valid = rs256(header("RS256"), claims());
        for (var door : DOORS.entrySet()) {
            for (String prefix : new String[] {"Bearer ", "bearer ", "BEARER "}) {
                HttpResponse<String> r = send("GET", door.getKey(), null, "Authorization", prefix + valid);
                assertThat(r.statusCode()).as(prefix + door.getKey() + " " + r.body()).isEqualTo(door.getValue());
            }
            assertRefused(send("GET", door.getKey(), null, "Authorization", valid), door.getKey());
            assertRefused(send("GET", door.getKey(), null, "Authorization", "JWT " + valid), door.getKey());
        }
        HttpResponse<String> whoami = send("GET", "/it/servlet/whoami", null, "Authorization", "Bearer " + valid);
        assertThat(json(whoami.body()).getString("sub")).isEqualTo("alice");
    }

    /**
     * The uniform 401. One exception, listed in docs/errors.md: where the container enforces a servlet's own
     * security constraint and refuses the credentials itself (it authenticates before any filter and uses no error
     * page), Liberty answers a bare 401 with the same challenge and nothing else. Tokens Liberty accepts there get
     * Bulwark's policy and problem like everywhere else.
     */
    private static void assertRefused(HttpResponse<String> r, String door) {
        assertThat(r.statusCode()).as(door).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).as(door)
                .hasValue("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
        if (door.equals(CONTAINER_PROTECTED) && r.body().isEmpty()) {
            ItSupport.assertNoLeaks(r);
            return;
        }
        assertProblem(r, 401);
    }

    /**
     * Liberty answers the constraint's 401 itself, empty, before any filter; WildFly dispatches it to the error
     * page, so the client gets Bulwark's problem: either way nothing of the servlet runs and nothing leaks.
     */
    private static void containersOwn401(HttpResponse<String> r) {
        if (ItSupport.onLiberty()) {
            assertThat(r.body()).isEmpty();
        } else {
            assertProblem(r, 401);
        }
        ItSupport.assertNoLeaks(r);
    }

    @Test
    void theContainerProtectedServletRefusesWithItsOwnBare401WhereItRefusesTheCredentials() {
        String valid = rs256(header("RS256"), claims());
        for (String value : new String[] {"Basic " + valid, "Bearer " + valid + "x", "Bearer " + valid.substring(1)}) {
            HttpResponse<String> r = send("GET", CONTAINER_PROTECTED, null, "Authorization", value);
            assertThat(r.statusCode()).isEqualTo(401);
            containersOwn401(r);
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer realm=\"MP-JWT\", error=\"invalid_token\"");
        }
        HttpResponse<String> none = send("GET", CONTAINER_PROTECTED, null);
        assertThat(none.statusCode()).isEqualTo(401);
        containersOwn401(none);
    }

    @Test
    void withoutCredentialsThePlainServletSeesNobody() {
        HttpResponse<String> r = send("GET", "/it/servlet/whoami", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).getString("sub")).isEqualTo("anonymous");
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    /** A browser's or tool's Basic credentials on a public endpoint: not refused, and no Bearer challenge. */
    @Test
    void basicCredentialsOnAPublicEndpointPassWithoutABearerChallenge() {
        HttpResponse<String> r = send("GET", "/it/api/errors/ok", null, "Authorization", "Basic dXNlcjpwYXNzd29yZA==");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> servlet = send("GET", "/it/servlet/whoami", null, "Authorization",
                "Basic dXNlcjpwYXNzd29yZA==");
        assertThat(json(servlet.body()).getString("sub")).isEqualTo("anonymous");
    }

    /** Password-reset and e-mail verification links carry tokens in the query; they must keep working. */
    @Test
    void resetAndVerificationLinksAndCookiesNamedLikeTokensPass() {
        String jws = rs256(header("RS256"), claims());
        for (String query : new String[] {"token=" + jws, "jwt=" + jws, "id_token=" + jws,
            "token=q3Xv-9sd_81Kd0aZ", "access_token=not-a-jwt"}) {
            HttpResponse<String> r = send("GET", "/it/api/errors/ok?" + query, null);
            assertThat(r.statusCode()).as(query).isEqualTo(200);
        }
        for (String cookie : new String[] {"token=" + jws, "jwt=" + jws, "access_token=" + jws}) {
            HttpResponse<String> r = send("GET", "/it/servlet/whoami", null, "Cookie", cookie);
            assertThat(r.statusCode()).as(cookie).isEqualTo(200);
            assertThat(json(r.body()).getString("sub")).isEqualTo("anonymous");
        }
        assertProblem(send("GET", "/it/api/errors/ok?access_token=" + jws, null), 401);
        assertProblem(send("GET", "/it/servlet/whoami?ACCESS_TOKEN=" + jws, null), 401);
    }

    /** Default access tokens of mainstream identity providers are accepted near the end of their life. */
    @Test
    void mainstreamProviderLifetimesAreAccepted() {
        long now = now();
        for (long lifetime : new long[] {300, 3600, 4500, 5400}) {
            String t = rs256(header("RS256"), claims("iat", Long.toString(now - lifetime + 60),
                    "exp", Long.toString(now + 60)));
            HttpResponse<String> r = send("GET", "/it/api/secure", null, "Authorization", "Bearer " + t);
            assertThat(r.statusCode()).as(lifetime + " s").isEqualTo(200);
        }
    }

    /**
     * A servlet that authenticates the caller itself, after Bulwark's filter: a token the container finds anywhere
     * (here a form body's access_token, which Liberty reads) identifies a caller only after the whole policy.
     */
    @Test
    void aServletAuthenticatingLaterGetsNoCallerByAnOutOfPolicyToken() {
        for (var token : policyBreakers().entrySet()) {
            for (String[] headers : new String[][] {{"Authorization", "Bearer " + token.getValue()},
                {"Content-Type", "application/x-www-form-urlencoded"}}) {
                String body = headers[0].equals("Content-Type") ? "access_token=" + token.getValue() : "";
                HttpResponse<String> r = send("POST", "/it/servlet/login", body, headers);
                assertThat(r.statusCode()).as(token.getKey() + " via " + headers[0]).isEqualTo(401);
                assertThat(r.body()).doesNotContain("alice");
            }
        }
        String valid = rs256(header("RS256"), claims());
        HttpResponse<String> ok = send("POST", "/it/servlet/login", "", "Authorization", "Bearer " + valid);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok.body()).getString("sub")).isEqualTo("alice");
    }
}
