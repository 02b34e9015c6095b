package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.auth.BearerCredentials.Credential;
import dev.bulwark.internal.auth.BearerCredentials.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerCredentialsTest {

    private static final String JWS = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    private final BearerCredentials header = new BearerCredentials(Set.of("basic", "negotiate"), null,
            Set.of("access_token"));
    private final BearerCredentials cookie = new BearerCredentials(Set.of("basic"), "Bearer", Set.of());

    private Credential auth(String... values) {
        return header.find(List.of(values), List.of());
    }

    @Test
    void noCredentials() {
        assertThat(auth().kind()).isEqualTo(Kind.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "BEARER ", "BeArEr ", "Bearer   ", " Bearer ", "\tBearer "})
    void bearerInAnyCaseWithSpaces(String prefix) {
        Credential c = auth(prefix + JWS + " ");
        assertThat(c.kind()).isEqualTo(Kind.BEARER);
        assertThat(c.token()).isEqualTo(JWS);
    }

    /** Shapes a lenient container may take as a token, or that carry no token Bulwark can check: all refused. */
    @ParameterizedTest
    @ValueSource(strings = {JWS, "Bearer", "Bearer ", "Bearer\t" + JWS, "Bearer" + JWS, "Bearer " + JWS + " x",
        "Bearer: " + JWS, "Token " + JWS, "JWT " + JWS, "DPoP " + JWS, "Bearer " + JWS + ",Bearer " + JWS,
        "Basic " + JWS, "Negotiate " + JWS, "Basic", "Bear " + JWS, "Bearer\u00a0" + JWS, "Bearer \"" + JWS + "\"",
        "=Bearer " + JWS, "", "   "})
    void everyOtherShapeIsMalformed(String value) {
        assertThat(auth(value).kind()).as(value).isEqualTo(Kind.MALFORMED);
    }

    /**
     * A token text read before (the gate's cache says so) skips the character scan only: where it sits and how the
     * header is shaped are checked as for any token, and any other text is scanned.
     */
    @Test
    void aTokenReadBeforeSkipsOnlyTheCharacterScan() {
        java.util.function.Predicate<String> readBefore = JWS::equals;
        assertThat(header.find(List.of("Bearer " + JWS), List.of(), readBefore).token()).isEqualTo(JWS);
        assertThat(header.find(List.of("Bearer " + JWS + " x"), List.of(), readBefore).kind())
                .isEqualTo(Kind.MALFORMED);
        assertThat(header.find(List.of("Bearer " + JWS, "Bearer " + JWS), List.of(), readBefore).kind())
                .isEqualTo(Kind.MALFORMED);
        assertThat(header.find(List.of("Token " + JWS), List.of(), readBefore).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(header.find(List.of("Bearer " + JWS + "\u00e9"), List.of(), readBefore).kind())
                .isEqualTo(Kind.MALFORMED);
        assertThat(cookie.find(List.of("Bearer " + JWS), List.of(), readBefore).kind())
                .as("a header token where the cookie is configured").isEqualTo(Kind.MALFORMED);
        assertThat(cookie.find(List.of(), List.of(JWS), readBefore).token()).isEqualTo(JWS);
        assertThat(cookie.find(List.of(), List.of(JWS + "\""), readBefore).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void severalAuthorizationHeadersAreMalformed() {
        assertThat(auth("Bearer " + JWS, "Bearer " + JWS).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(auth("Basic dXNlcjpwYXNz", "Bearer " + JWS).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void configuredOtherSchemesPassToTheContainer() {
        assertThat(auth("Basic dXNlcjpwYXNzd29yZA==").kind()).isEqualTo(Kind.OTHER_SCHEME);
        assertThat(auth("basic dXNlcjpwYXNzd29yZA==").kind()).isEqualTo(Kind.OTHER_SCHEME);
        assertThat(auth("Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg").kind()).isEqualTo(Kind.OTHER_SCHEME);
        assertThat(auth("Digest username=\"u\", realm=\"r\"").kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void inCookieModeTheCookieIsTheCredential() {
        Credential c = cookie.find(List.of(), List.of(JWS));
        assertThat(c.kind()).isEqualTo(Kind.BEARER);
        assertThat(c.token()).isEqualTo(JWS);
        assertThat(cookie.find(List.of(), List.of(JWS, JWS)).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(cookie.find(List.of(), List.of("a b")).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(cookie.find(List.of("Bearer " + JWS), List.of()).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(cookie.find(List.of(JWS), List.of()).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(cookie.find(List.of("Basic dXNlcjpwYXNz"), List.of()).kind()).isEqualTo(Kind.OTHER_SCHEME);
        assertThat(cookie.find(List.of(), List.of()).kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void inHeaderModeCookiesAreNotCredentials() {
        assertThat(header.find(List.of(), List.of(JWS)).kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void onlyCompactTokensInConfiguredQueryParametersAreLeaks() {
        assertThat(header.leakedQueryToken(Map.of("access_token", List.of(JWS)))).isEqualTo("access_token");
        assertThat(header.leakedQueryToken(Map.of("ACCESS_TOKEN", List.of("x", JWS)))).isEqualTo("ACCESS_TOKEN");
        assertThat(header.leakedQueryToken(Map.of("access_token", List.of("a.b.c.d.e".replace("a", "aa")))))
                .isNotNull();
        // reset and verification links
        assertThat(header.leakedQueryToken(Map.of("token", List.of(JWS)))).isNull();
        assertThat(header.leakedQueryToken(Map.of("jwt", List.of(JWS)))).isNull();
        assertThat(header.leakedQueryToken(Map.of("id_token", List.of(JWS)))).isNull();
        assertThat(header.leakedQueryToken(Map.of("access_token", List.of("4f1e2d3c4b5a6978")))).isNull();
        assertThat(header.leakedQueryToken(Map.of("token", List.of("q3Xv-9sd_81Kd0aZ")))).isNull();
    }

    @Test
    void aQueryParameterConfiguredInAnotherCaseStillRefusesTheToken() {
        BearerCredentials mixed = new BearerCredentials(Set.of(), null, Set.of("Access_Token", "JWT"));
        assertThat(mixed.leakedQueryToken(Map.of("access_token", List.of(JWS)))).isEqualTo("access_token");
        assertThat(mixed.leakedQueryToken(Map.of("Access_Token", List.of(JWS)))).isEqualTo("Access_Token");
        assertThat(mixed.leakedQueryToken(Map.of("jwt", List.of(JWS)))).isEqualTo("jwt");
    }

    /**
     * The character-class checks agree with the grammar they implement (written here as regular expressions, the
     * oracle) on every short string over the characters that matter, and on random longer ones.
     */
    @Test
    void theShapeChecksAgreeWithTheirGrammar() {
        java.util.regex.Pattern b64token = java.util.regex.Pattern.compile("[A-Za-z0-9._~+/-]+=*");
        java.util.regex.Pattern compactJose = java.util.regex.Pattern.compile(
                "[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*)?");
        String alphabet = "aZ9-_.=+/~ !\u00e9";
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 200_000; n++) {
            int length = random.nextInt(n < 100_000 ? 7 : 24);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String v = s.toString();
            assertThat(BearerCredentials.isB64Token(v)).as("b64token %s", v).isEqualTo(b64token.matcher(v).matches());
            assertThat(BearerCredentials.looksLikeToken(v)).as("compact JOSE %s", v)
                    .isEqualTo(compactJose.matcher(v).matches());
        }
    }
}
