package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static dev.bulwark.it.TestTokens.B64;
import static dev.bulwark.it.TestTokens.claims;
import static dev.bulwark.it.TestTokens.header;
import static dev.bulwark.it.TestTokens.input;
import static dev.bulwark.it.TestTokens.now;
import static dev.bulwark.it.TestTokens.rs256;
import static dev.bulwark.it.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bulwark.devtools.DevTokens;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JWT attack catalogue against Liberty + Bulwark: every forged, confused, malformed or out-of-policy token
 * gets the same 401 (body and WWW-Authenticate), on protected and public endpoints alike, and a valid token is
 * still accepted after the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAttacksIT {

    private static final String SECURE = "/it/api/secure";
    private static final String PUBLIC = "/it/api/errors/ok";

    private PrivateKey trusted;
    private PublicKey trustedPublic;
    private byte[] publicPem;
    private HttpServer keyServer;
    private final AtomicInteger keyServerHits = new AtomicInteger();
    private final Set<String> refusalShapes = new HashSet<>();

    @BeforeAll
    void keys() throws Exception {
        trusted = DevTokens.readPrivateKey(ItSupport.KEYS.resolve("private.pem"));
        publicPem = Files.readAllBytes(ItSupport.KEYS.resolve("public.pem"));
        String body = new String(publicPem, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        trustedPublic = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/", exchange -> {
            keyServerHits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        keyServer.start();
    }

    @AfterAll
    void stop() {
        keyServer.stop(0);
        // Every refusal looked the same: one problem shape, one challenge.
        assertThat(refusalShapes).hasSize(1);
    }

    // ---- token building (TestTokens) ------------------------------------------------------------------------


    private String valid() throws Exception {
        return rs256(header("RS256"), claims());
    }

    private static String hmac(String alg, String header, String claims, byte[] secret) throws Exception {
        String jca = "Hmac" + alg.replace("HS", "SHA");
        Mac mac = Mac.getInstance(jca);
        mac.init(new SecretKeySpec(secret, jca));
        String signingInput = input(header, claims);
        return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    // ---- assertions -----------------------------------------------------------------------------------------

    private void refused(String token, String why) {
        for (String path : new String[] {SECURE, PUBLIC}) {
            HttpResponse<String> r = send("GET", path, null, "Authorization", "Bearer " + token);
            assertThat(r.statusCode()).as(why + " on " + path).isEqualTo(401);
            JsonObject p = assertProblem(r, 401);
            String challenge = r.headers().firstValue("WWW-Authenticate").orElse("<none>");
            refusalShapes.add(p.getString("type") + "|" + p.getString("title") + "|" + p.getString("detail") + "|"
                    + challenge);
            assertThat(r.body()).doesNotContain("alice").doesNotContain("signature").doesNotContain("expired");
        }
    }

    private void accepted(String token) {
        HttpResponse<String> r = send("GET", SECURE, null, "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getString("sub")).isEqualTo("alice");
    }

    // ---- the catalogue --------------------------------------------------------------------------------------

    @Test
    void aValidTokenIsAcceptedBeforeAndAfterEverything() throws Exception {
        accepted(valid());
        accepted(rs256("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", claims()));
    }

    @Test
    void algNoneInEveryCasing() throws Exception {
        String v = valid();
        String sig = v.substring(v.lastIndexOf('.') + 1);
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            String unsigned = input(header(none), claims("sub", "\"admin\""));
            refused(unsigned + ".", "alg " + none + " with an empty signature");
            refused(unsigned + "." + sig, "alg " + none + " with a real signature");
            refused(unsigned, "alg " + none + " without a signature segment");
        }
    }

    @Test
    void strippedEmptyAndTruncatedSignatures() throws Exception {
        String v = valid();
        String unsigned = v.substring(0, v.lastIndexOf('.'));
        refused(unsigned, "signature stripped");
        refused(unsigned + ".", "signature empty");
        refused(v.substring(0, v.length() - 12), "signature truncated");
        refused(unsigned + "." + "A".repeat(342), "signature zeroed");
    }

    @Test
    void tamperedClaimsWithTheOriginalSignature() throws Exception {
        String v = valid();
        String[] p = v.split("\\.");
        String tampered = B64.encodeToString(claims("sub", "\"admin\"", "groups", "[\"user\",\"admin\"]")
                .getBytes(StandardCharsets.UTF_8));
        refused(p[0] + "." + tampered + "." + p[2], "payload tampered");
        String header = B64.encodeToString(header("RS256", "kid", "\"other\"").getBytes(StandardCharsets.UTF_8));
        refused(header + "." + p[1] + "." + p[2], "header tampered");
    }

    @Test
    void hmacSignedWithTheRsaPublicKeyAlgorithmConfusion() throws Exception {
        String pem = new String(publicPem, StandardCharsets.US_ASCII);
        List<byte[]> secrets = List.of(pem.getBytes(StandardCharsets.US_ASCII),
                pem.strip().getBytes(StandardCharsets.US_ASCII), trustedPublic.getEncoded(),
                ((RSAPublicKey) trustedPublic).getModulus().toByteArray());
        for (String alg : new String[] {"HS256", "HS384", "HS512"}) {
            for (byte[] secret : secrets) {
                refused(hmac(alg, header(alg), claims(), secret), alg + " with the public key as secret");
            }
        }
    }

    @Test
    void hmacWithWeakSecrets() throws Exception {
        for (String secret : new String[] {"\0", "secret", "password", "bulwark", "your-256-bit-secret"}) {
            refused(hmac("HS256", header("HS256"), claims(), secret.getBytes(StandardCharsets.UTF_8)),
                    "HS256 with '" + secret + "'");
        }
    }

    @Test
    void disallowedAlgorithmsWithTheTrustedKey() throws Exception {
        refused(sign(header("RS384"), claims(), trusted, "SHA384withRSA"), "RS384 with the trusted key");
        refused(sign(header("RS512"), claims(), trusted, "SHA512withRSA"), "RS512 with the trusted key");
        refused(sign(header("PS256"), claims(), trusted, "RSASSA-PSS"), "PS256 with the trusted key");
    }

    @Test
    void wrongSignersAndWeakKeys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        refused(sign(header("RS256"), claims(), rsa.generateKeyPair().getPrivate(), "SHA256withRSA"), "wrong signer");
        rsa.initialize(1024);
        refused(sign(header("RS256"), claims(), rsa.generateKeyPair().getPrivate(), "SHA256withRSA"),
                "1024-bit signer");
    }

    @Test
    void psychicEcdsaSignatures() throws Exception {
        String unsigned = input(header("ES256"), claims());
        refused(unsigned + "." + B64.encodeToString(new byte[64]), "ES256 r = s = 0");
        byte[] n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray();
        byte[] rs = new byte[64];
        System.arraycopy(n, n.length - 32, rs, 0, 32);
        System.arraycopy(n, n.length - 32, rs, 32, 32);
        refused(unsigned + "." + B64.encodeToString(rs), "ES256 r = s = n");
    }

    @Test
    void embeddedAndRemoteKeysAreNeverUsed() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair attacker = rsa.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) attacker.getPublic();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + B64.encodeToString(unsigned(pub.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(pub.getPublicExponent())) + "\"}";
        refused(sign(header("RS256", "jwk", jwk), claims(), attacker.getPrivate(), "SHA256withRSA"), "embedded jwk");
        String url = "\"http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json\"";
        refused(sign(header("RS256", "jku", url), claims(), attacker.getPrivate(), "SHA256withRSA"), "jku");
        refused(sign(header("RS256", "x5u", url), claims(), attacker.getPrivate(), "SHA256withRSA"), "x5u");
        refused(rs256(header("RS256", "jku", url), claims()), "jku on a token the trusted key signed");
        assertThat(keyServerHits.get()).as("the key URLs were never fetched").isZero();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] b = value.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Test
    void keyIdsAreOnlyComparedSoOddTextIsHarmlessButNonStringsAndControlsAreRefused() throws Exception {
        // A key id is never used as a path, URL or query: with the locally configured key these tokens, signed by
        // the trusted key, are simply valid, like the ids cloud key services write.
        for (String kid : new String[] {"\"../../../../../../dev/null\"", "\"' OR '1'='1\"", "\"k1/../../etc/passwd\"",
            "\"|id\"", "\"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"",
            "\"https://contoso.vault.azure.net/keys/signing/4f1e2d3c4b5a69788796a5b4c3d2e1f0\""}) {
            accepted(rs256(header("RS256", "kid", kid), claims()));
        }
        for (String kid : new String[] {"1", "null", "{\"x\":1}", "\"\"", "\"k\\u0000\"", "\"k\\u202e1\"",
            "\"" + "k".repeat(600) + "\""}) {
            refused(rs256(header("RS256", "kid", kid), claims()), "kid " + kid);
        }
    }

    @Test
    void critIsRefused() throws Exception {
        refused(rs256(header("RS256", "crit", "[\"x-unknown\"]", "x-unknown", "1"), claims()), "crit unknown");
        refused(rs256(header("RS256", "crit", "[\"exp\"]"), claims()), "crit exp");
    }

    @Test
    void tokenTypeConfusion() throws Exception {
        for (String typ : new String[] {"id_token+jwt", "logout+jwt", "dpop+jwt", "secevent+jwt", "refresh+jwt"}) {
            refused(rs256("{\"alg\":\"RS256\",\"typ\":\"" + typ + "\"}", claims()), "typ " + typ);
        }
        refused(rs256(header("RS256"), claims("typ", "\"ID\"")), "Keycloak ID token");
        refused(rs256(header("RS256"), claims("typ", "\"Refresh\"")), "Keycloak refresh token");
        refused(rs256(header("RS256"), claims("aud", "\"bulwark-web-client\"", "nonce", "\"n\"")),
                "an ID token for a client");
    }

    @Test
    void malformedCompactSerializations() throws Exception {
        String v = valid();
        String[] p = v.split("\\.");
        refused("a.b.c.d.e", "a JWE where a JWS is expected");
        refused(v + ".extra", "four segments");
        refused(p[0] + ". " + p[1] + "." + p[2], "whitespace inside");
        refused(p[0] + "." + p[1] + "=." + p[2], "base64 padding");
        refused(p[0] + "." + p[1] + "." + p[2].replace('-', '+').replace('_', '/') + "+/", "non-base64url characters");
        refused(B64.encodeToString("not json".getBytes(StandardCharsets.UTF_8)) + "." + p[1] + "." + p[2],
                "header not JSON");
        refused(B64.encodeToString(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'})
                + "." + p[1] + "." + p[2], "header not UTF-8");
        refused(rs256("{\"alg\":\"RS256\",\"alg\":\"none\"}", claims()), "duplicate alg");
        refused(rs256(header("RS256"), claims().replace("\"sub\":\"alice\"", "\"sub\":\"alice\",\"sub\":\"admin\"")),
                "duplicate sub");
        refused(rs256(header("RS256"), claims().replace("\"sub\":\"alice\"",
                "\"sub\":\"alice\",\"s\\u0075b\":\"admin\"")), "duplicate sub with an escape");
        refused("", "empty bearer value");
    }

    @Test
    void hugeTokensAreRefusedWithoutAServerError() throws Exception {
        String padding = "x".repeat(12_000);
        refused(rs256(header("RS256"), claims("pad", "\"" + padding + "\"")), "a 16 KB token");
        HttpResponse<String> huge = send("GET", SECURE, null, "Authorization", "Bearer " + "a".repeat(200_000));
        assertThat(huge.statusCode()).isIn(400, 401, 413, 431);
        assertThat(huge.body()).doesNotContain("Exception");
    }

    @Test
    void timesOnBothSidesOfTheSkew() throws Exception {
        long now = now();
        accepted(rs256(header("RS256"), claims("iat", Long.toString(now - 330), "exp", Long.toString(now - 30))));
        refused(rs256(header("RS256"), claims("iat", Long.toString(now - 390), "exp", Long.toString(now - 90))),
                "expired 90 s ago");
        accepted(rs256(header("RS256"), claims("nbf", Long.toString(now + 30))));
        refused(rs256(header("RS256"), claims("nbf", Long.toString(now + 120))), "nbf in 2 minutes");
        refused(rs256(header("RS256"), claims("iat", Long.toString(now + 120), "exp", Long.toString(now + 400))),
                "iat in the future");
        accepted(rs256(header("RS256"), claims("exp", Long.toString(now + 3600))));
        accepted(rs256(header("RS256"), claims("iat", Long.toString(now - 5300), "exp", Long.toString(now + 100))));
        refused(rs256(header("RS256"), claims("exp", Long.toString(now + 7200))), "a two-hour token");
        refused(rs256(header("RS256"), claims("exp", "\"tomorrow\"")), "exp as a string");
    }

    @Test
    void issuerAndAudienceNearMisses() throws Exception {
        for (String iss : new String[] {"\"" + ItSupport.ISSUER + "/\"", "\"" + ItSupport.ISSUER.toUpperCase() + "\"",
            "[\"" + ItSupport.ISSUER + "\"]", "42", "\"https://issuer.bulwark.test.evil\""}) {
            refused(rs256(header("RS256"), claims("iss", iss)), "iss " + iss);
        }
        for (String aud : new String[] {"\"bulwark-it/\"", "\"BULWARK-IT\"", "\"bulwark\"", "\"bulwark-it2\"",
            "[\"other\"]", "42", "[42]", "[]"}) {
            refused(rs256(header("RS256"), claims("aud", aud)), "aud " + aud);
        }
        accepted(rs256(header("RS256"), claims("aud", "[\"other\",\"bulwark-it\"]")));
    }

    @Test
    void missingSubjectOrRequiredClaims() throws Exception {
        refused(rs256(header("RS256"), claims("sub", null)), "no sub (upn only)");
        refused(rs256(header("RS256"), claims("iat", null)), "no iat");
        refused(rs256(header("RS256"), claims("exp", null)), "no exp");
    }

    @Test
    void tokensOutsideTheAuthorizationHeaderAreRefused() throws Exception {
        String v = valid();
        HttpResponse<String> query = send("GET", SECURE + "?access_token=" + v, null);
        assertProblem(query, 401);
        HttpResponse<String> queryPublic = send("GET", PUBLIC + "?access_token=" + v, null);
        assertProblem(queryPublic, 401);
        // MicroProfile JWT reads the Authorization header here: a cookie is no credential, and identifies nobody
        HttpResponse<String> cookie = send("GET", "/it/servlet/whoami", null, "Cookie", "Bearer=" + v);
        assertThat(cookie.statusCode()).isEqualTo(200);
        assertThat(json(cookie.body()).getString("sub")).isEqualTo("anonymous");
        assertProblem(send("GET", SECURE, null, "Cookie", "Bearer=" + v), 401);
        HttpResponse<String> twoHeaders = send("GET", SECURE, null, "Authorization", "Bearer " + v,
                "Authorization", "Bearer " + v);
        assertProblem(twoHeaders, 401);
    }

    @Test
    void aRevokedTokenIsRefusedFromThenOn() throws Exception {
        String v = valid();
        accepted(v);
        assertThat(send("POST", SECURE + "/logout", "", "Authorization", "Bearer " + v).statusCode()).isEqualTo(200);
        refused(v, "revoked");
        accepted(valid());
    }

    @Test
    void aMissingRoleIs403WithoutAChallenge() throws Exception {
        String noRole = rs256(header("RS256"), claims("groups", "[\"guest\"]"));
        HttpResponse<String> r = send("GET", SECURE, null, "Authorization", "Bearer " + noRole);
        assertProblem(r, 403);
        assertThat(r.headers().firstValue("WWW-Authenticate")).as("insufficient_scope is for scopes only").isEmpty();
        HttpResponse<String> none = send("GET", SECURE, null);
        assertProblem(none, 401);
        assertThat(none.headers().allValues("WWW-Authenticate")).as("no credentials: RFC 6750 3.1, no error code")
                .containsExactly("Bearer");
    }

    @Test
    void groupsThatAreNotAnArrayOfStringsAreRefused() throws Exception {
        refused(rs256(header("RS256"), claims("groups", "\"user\"")), "groups as a bare string");
        refused(rs256(header("RS256"), claims("groups", "[\"user\", 7]")), "groups holding a number");
        accepted(rs256(header("RS256"), claims("groups", "[\"user\"]")));
    }

    @Test
    void afterTheWholeCatalogueAValidTokenStillWorks() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tokens.add(valid());
        }
        tokens.forEach(this::accepted);
    }
}
