package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenPolicyTest {

    static final long NOW = 1_800_000_000L;
    private static final Instant AT = Instant.ofEpochSecond(NOW);

    static JwtSettings jwt(String... extra) {
        Map<String, String> m = new HashMap<>(Map.of(
                "mp.jwt.verify.publickey.location", "/META-INF/public.pem",
                "mp.jwt.verify.issuer", "https://issuer.example",
                "mp.jwt.verify.audiences", "api, other-api"));
        for (int i = 0; i < extra.length; i += 2) {
            m.put(extra[i], extra[i + 1]);
        }
        ConfigLoader.Result r = TestConfig.load(m);
        assertThat(r.problems()).isEmpty();
        return r.config().jwt();
    }

    static String token(String header, String claims) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static String claims(String... overrides) {
        Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("iss", "\"https://issuer.example\"");
        c.put("sub", "\"alice\"");
        c.put("aud", "\"api\"");
        c.put("iat", Long.toString(NOW - 10));
        c.put("exp", Long.toString(NOW + 600));
        c.put("jti", "\"t-1\"");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                c.remove(overrides[i]);
            } else {
                c.put(overrides[i], overrides[i + 1]);
            }
        }
        StringBuilder json = new StringBuilder("{");
        c.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";
    private final TokenPolicy policy = new TokenPolicy(jwt());
    private final InMemoryTokenDenyList denyList = new InMemoryTokenDenyList(10,
            Clock.fixed(AT, ZoneOffset.UTC));

    private void accepts(String header, String claims) throws Exception {
        policy.check(RawToken.parse(token(header, claims)), AT, denyList);
    }

    private String refusal(TokenPolicy p, String header, String claims) {
        try {
            p.check(RawToken.parse(token(header, claims)), AT, denyList);
        } catch (TokenRejected e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + header + " " + claims);
    }

    private String refusal(String header, String claims) {
        return refusal(policy, header, claims);
    }

    @Test
    void aGoodAccessTokenPasses() throws Exception {
        accepts(HEADER, claims());
        accepts("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}", claims("aud", "[\"x\",\"other-api\"]"));
        accepts("{\"alg\":\"RS256\"}", claims("nbf", Long.toString(NOW + 30), "typ", "\"Bearer\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE", "HS256", "HS512", "RS384", "PS256", "ES512", "EdDSA", ""})
    void onlyConfiguredAlgorithmsPass(String alg) {
        assertThat(refusal("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", claims())).contains("algorithm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jku", "x5u", "jwk", "x5c", "crit", "b64", "zip"})
    void headersThatPointAtKeysOrDemandProcessingAreRefused(String name) {
        assertThat(refusal("{\"alg\":\"RS256\",\"" + name + "\":\"http://127.0.0.1/x\"}", claims()))
                .contains("'" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_token+jwt", "logout+jwt", "dpop+jwt", "secevent+jwt", "JOSE", "jwt+id"})
    void otherTokenTypesAreRefused(String typ) {
        assertThat(refusal("{\"alg\":\"RS256\",\"typ\":\"" + typ + "\"}", claims())).contains("not an access token");
    }

    @Test
    void strictModeWantsAtJwt() throws Exception {
        TokenPolicy strict = new TokenPolicy(jwt("bulwark.jwt.require-at-jwt", "true"));
        assertThat(refusal(strict, HEADER, claims())).contains("not an access token");
        assertThat(refusal(strict, "{\"alg\":\"RS256\"}", claims())).contains("missing typ");
        strict.check(RawToken.parse(token("{\"alg\":\"RS256\",\"typ\":\"application/at+jwt\"}", claims())), AT, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\u0000b", "k1\\n", "\\u202ek1", "k\\u200bk", "\\ud800", "", "\\u0085x"})
    void keyIdsWithControlOrFormatCharactersOrEmptyAreRefused(String kid) {
        // refused by the strict JSON reading of the header (control characters, lone surrogates) or by the policy
        assertThatThrownBy(() -> policy.check(RawToken.parse(token("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}",
                claims())), AT, denyList)).isInstanceOf(TokenRejected.class);
    }

    @Test
    void absurdlyLongKeyIdsAreRefused() throws Exception {
        accepts("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(512) + "\"}", claims());
        assertThat(refusal("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(513) + "\"}", claims())).contains("key id");
        assertThat(refusal("{\"alg\":\"RS256\",\"kid\":7}", claims())).contains("kid is not a string");
    }

    /** Key ids are only compared with trusted keys' ids, never used as paths or queries: cloud key ids pass. */
    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "https://contoso-vault.vault.azure.net/keys/signing-key/4f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "projects/p/locations/global/keyRings/r/cryptoKeys/k/cryptoKeyVersions/1",
        "../../../../dev/null", "' OR 1=1 --", "Schlüssel-1", "kid with spaces"})
    void cloudAndOtherPrintableKeyIdsAreAccepted(String kid) throws Exception {
        accepts("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}", claims());
    }

    @Test
    void issuerAndAudienceMatchExactly() {
        for (String iss : new String[] {"\"https://issuer.example/\"", "\"HTTPS://ISSUER.EXAMPLE\"",
            "\"https://issuer.example.evil\"", "[\"https://issuer.example\"]", "42", "null"}) {
            assertThat(refusal(HEADER, claims("iss", iss))).as(iss).containsAnyOf("issuer", "iss");
        }
        for (String aud : new String[] {"\"API\"", "\"api \"", "\"ap\"", "\"api-x\"", "[]", "[\"x\"]", "42", "[42]",
            "{\"a\":1}"}) {
            assertThat(refusal(HEADER, claims("aud", aud))).as(aud).contains("aud");
        }
    }

    @Test
    void requiredClaimsMustBeThereWithTheRightTypes() {
        for (String claim : new String[] {"iss", "sub", "aud", "exp", "iat"}) {
            assertThat(refusal(HEADER, claims(claim, null))).as(claim).contains("missing");
        }
        assertThat(refusal(HEADER, claims("sub", "\"  \""))).contains("blank subject");
        assertThat(refusal(HEADER, claims("sub", "7"))).contains("sub is not a string");
        assertThat(refusal(HEADER, claims("exp", "\"soon\""))).contains("exp is not a number");
        assertThat(refusal(HEADER, claims("exp", "1e30"))).contains("out of range");
    }

    @Test
    void timesAreCheckedWithBulwarksOwnSkewOnBothSides() throws Exception {
        accepts(HEADER, claims("exp", Long.toString(NOW - 59)));
        assertThat(refusal(HEADER, claims("exp", Long.toString(NOW - 61)))).isEqualTo("expired");
        accepts(HEADER, claims("nbf", Long.toString(NOW + 59)));
        assertThat(refusal(HEADER, claims("nbf", Long.toString(NOW + 61)))).contains("nbf");
        accepts(HEADER, claims("iat", Long.toString(NOW + 59)));
        assertThat(refusal(HEADER, claims("iat", Long.toString(NOW + 61)))).contains("iat");
    }

    @Test
    void lifetimeAndAgeAreBounded() throws Exception {
        assertThat(refusal(HEADER, claims("iat", Long.toString(NOW), "exp", Long.toString(NOW + 5401))))
                .contains("lifetime").contains("bulwark.jwt.max-lifetime");
        accepts(HEADER, claims("iat", Long.toString(NOW), "exp", Long.toString(NOW + 5400)));
        TokenPolicy shortAge = new TokenPolicy(jwt("bulwark.jwt.max-age", "10m"));
        assertThat(refusal(shortAge, HEADER, claims("iat", Long.toString(NOW - 1000), "exp",
                Long.toString(NOW + 600)))).contains("older").contains("bulwark.jwt.max-age");
    }

    /** Default access tokens of mainstream providers, each used near the end of its life. */
    @Test
    void mainstreamProvidersDefaultAccessTokensAreAccepted() throws Exception {
        for (long lifetime : new long[] {300, 3600, 3600 + 1800, 5400}) { // Keycloak, Okta/Google/Cognito, Entra ID
            accepts(HEADER, claims("iat", Long.toString(NOW - lifetime + 30), "exp", Long.toString(NOW + 30)));
        }
    }

    /** Raising the lifetime alone also raises the age: a token never stops working before it expires. */
    @Test
    void maxAgeFollowsMaxLifetimeUnlessSet() throws Exception {
        assertThat(jwt().maxAge()).isEqualTo(jwt().maxLifetime()).hasMinutes(90);
        TokenPolicy twoHours = new TokenPolicy(jwt("bulwark.jwt.max-lifetime", "2h"));
        assertThat(jwt("bulwark.jwt.max-lifetime", "2h").maxAge()).hasHours(2);
        twoHours.check(RawToken.parse(token(HEADER, claims("iat", Long.toString(NOW - 7000), "exp",
                Long.toString(NOW + 200)))), AT, null);
        assertThat(jwt("bulwark.jwt.max-lifetime", "2h", "bulwark.jwt.max-age", "30m").maxAge()).hasMinutes(30);
    }

    @Test
    void groupsMustBeAnArrayOfStrings() throws Exception {
        accepts(HEADER, claims("groups", "[\"user\", \"admin\"]"));
        accepts(HEADER, claims("groups", "[]"));
        accepts(HEADER, claims());
        assertThat(refusal(HEADER, claims("groups", "\"admin\""))).isEqualTo("groups is not an array of strings");
        assertThat(refusal(HEADER, claims("groups", "\"admin user\""))).isEqualTo("groups is not an array of strings");
        assertThat(refusal(HEADER, claims("groups", "{\"admin\":true}"))).isEqualTo("groups is not an array of strings");
        assertThat(refusal(HEADER, claims("groups", "true"))).isEqualTo("groups is not an array of strings");
        assertThat(refusal(HEADER, claims("groups", "[\"user\", 7]"))).isEqualTo("groups holds a non-string");
        assertThat(refusal(HEADER, claims("groups", "[[\"admin\"]]"))).isEqualTo("groups holds a non-string");
        assertThat(refusal(HEADER, claims("groups", "[null]"))).isEqualTo("groups holds a non-string");
    }

    @Test
    void identityProviderTypeClaimsMustSayBearer() {
        assertThat(refusal(HEADER, claims("typ", "\"ID\""))).contains("typ claim");
        assertThat(refusal(HEADER, claims("typ", "\"Refresh\""))).contains("typ claim");
    }

    @Test
    void deniedTokenIdsAreRefusedUntilTheyExpire() throws Exception {
        denyList.deny("t-1", Instant.ofEpochSecond(NOW + 600));
        assertThat(refusal(HEADER, claims())).contains("deny-list");
        accepts(HEADER, claims("jti", "\"t-2\""));
        assertThatThrownBy(() -> new TokenPolicy(jwt("bulwark.jwt.require-jti", "true"))
                .check(RawToken.parse(token(HEADER, claims("jti", null))), AT, denyList))
                .isInstanceOf(TokenRejected.class).hasMessageContaining("missing jti");
    }

    @Test
    void malformedCompactTokensAreRefusedBeforeAnyCheck() {
        String good = token(HEADER, claims());
        String[] parts = good.split("\\.");
        String[] bad = {"", "a", "a.b", good + ".x", good + ".x.y", parts[0] + "." + parts[1] + ".",
            " " + good, good + " ", parts[0] + "=." + parts[1] + "." + parts[2], parts[0] + "." + parts[1] + ".a+b/",
            "x".repeat(20_000), token("not json", claims()), token("[1]", claims()),
            token("{\"alg\":\"RS256\",\"alg\":\"none\"}", claims()),
            token(HEADER, "{\"sub\":\"alice\",\"sub\":\"admin\"}"),
            token(HEADER, "{\"s\\u0075b\":\"alice\",\"sub\":\"admin\"}")};
        for (String t : bad) {
            assertThatThrownBy(() -> RawToken.parse(t)).as(t.length() > 80 ? t.substring(0, 80) : t)
                    .isInstanceOf(TokenRejected.class);
        }
        byte[] notUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        String bin = Base64.getUrlEncoder().withoutPadding().encodeToString(notUtf8);
        assertThatThrownBy(() -> RawToken.parse(bin + "." + parts[1] + "." + parts[2]))
                .isInstanceOf(TokenRejected.class);
        assertThatCode(() -> RawToken.parse(good)).doesNotThrowAnyException();
    }

    /** Differences of time claims cannot overflow past the lifetime and age limits (attack review finding). */
    @Test
    void extremeTimeClaimsAreRefusedBeforeAnyArithmetic() {
        String tenYears = Long.toString(NOW + 315_360_000L);
        for (String iat : new String[] {"-9223372036854775808", "-1", "9223372036854775807", "253402300800"}) {
            assertThat(refusal(HEADER, claims("iat", iat, "exp", tenYears))).as(iat).contains("iat");
        }
        assertThat(refusal(HEADER, claims("exp", "9223372036854775807"))).contains("exp");
        assertThat(refusal(HEADER, claims("nbf", "-9223372036854775808"))).contains("nbf");
    }

    @Test
    void issuerAndAudienceRefusalsNameBothValuesAndTheKey() {
        assertThat(refusal(HEADER, claims("iss", "\"https://issuer.example/\"")))
                .contains("'https://issuer.example/'").contains("'https://issuer.example'")
                .contains("mp.jwt.verify.issuer");
        assertThat(refusal(HEADER, claims("aud", "\"apx\""))).contains("apx").contains("mp.jwt.verify.audiences");
    }
}
