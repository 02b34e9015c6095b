package dev.bulwark.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.controls.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtLintTest {

    private static JwtLint.Result lint(Map<String, String> values) {
        ConfigLoader.Result r = TestConfig.load(values);
        assertThat(r.problems()).isEmpty();
        return JwtLint.check(r.config().jwt(), k -> Optional.ofNullable(values.get(k)),
                JwtLintTest.class.getClassLoader());
    }

    private static Map<String, String> good(String pemFile) {
        Map<String, String> m = new HashMap<>();
        m.put("mp.jwt.verify.publickey.location", pemFile);
        m.put("mp.jwt.verify.issuer", "https://issuer.example");
        m.put("mp.jwt.verify.audiences", "api");
        return m;
    }

    private static String pem(Path dir, int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        Path file = dir.resolve("k" + bits + ".pem");
        Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return file.toString();
    }

    /** A configuration against every rule: a 1024-bit RSA key, no issuer, no audience, a long skew, these algorithms. */
    private static Map<String, String> weak(Path dir, String algorithms) throws Exception {
        Map<String, String> m = good(pem(dir, 1024));
        m.remove("mp.jwt.verify.issuer");
        m.remove("mp.jwt.verify.audiences");
        m.put("bulwark.jwt.algorithms", algorithms);
        m.put("bulwark.jwt.clock-skew", "2m");
        return m;
    }

    @Test
    void aSoundConfigurationPasses(@TempDir Path dir) throws Exception {
        JwtLint.Result r = lint(good(pem(dir, 2048)));
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void applicationsWithoutJwtAreNotLinted() {
        assertThat(lint(Map.of()).problems()).isEmpty();
    }

    @Test
    void weakSettingsFailNamingTheKey(@TempDir Path dir) throws Exception {
        Map<String, String> m = weak(dir, "RS256, HS256");
        m.put("mp.jwt.verify.clock.skew", "300");
        JwtLint.Result r = lint(m);
        assertThat(r.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "mp.jwt.verify.issuer", "mp.jwt.verify.audiences", "bulwark.jwt.algorithms",
                "mp.jwt.verify.clock.skew", "bulwark.jwt.clock-skew", "mp.jwt.verify.publickey.location");
        assertThat(r.problems()).extracting(ConfigProblem::message)
                .anyMatch(msg -> msg.contains("1024-bit RSA key"));
    }

    @Test
    void everyRuleHasALoggedOptOut(@TempDir Path dir) throws Exception {
        Map<String, String> m = weak(dir, "RS256, HS256, PS256");
        for (String k : new String[] {"allow-missing-issuer", "allow-missing-audience", "allow-hmac",
            "allow-long-skew", "allow-weak-rsa"}) {
            m.put("bulwark.jwt.lint." + k, "true");
        }
        JwtLint.Result r = lint(m);
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).hasSize(6).anyMatch(w -> w.contains("PS256"));
    }

    @Test
    void theContainerAlgorithmMustBeAnAllowedOne(@TempDir Path dir) throws Exception {
        Map<String, String> m = good(pem(dir, 2048));
        m.put("mp.jwt.verify.publickey.algorithm", "ES384");
        assertThat(lint(m).problems()).extracting(ConfigProblem::key).containsExactly(
                "mp.jwt.verify.publickey.algorithm");
        m.put("mp.jwt.verify.publickey.algorithm", "HS256");
        assertThat(lint(m).problems()).extracting(ConfigProblem::key).contains("bulwark.jwt.algorithms");
    }

    @Test
    void jwksKeysAreMeasuredAndRemoteOnesAreNotFetched() throws Exception {
        byte[] modulus = new byte[128];
        modulus[0] = (byte) 0x80;
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(modulus) + "\",\"e\":\"AQAB\"},{\"kty\":\"EC\",\"crv\":\"P-256\"}]}";
        assertThat(JwtLint.rsaKeySizes(jwks)).containsExactly(1024);
        Map<String, String> m = good("https://idp.example/jwks");
        JwtLint.Result r = lint(m);
        assertThat(r.problems()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("remote"));
        Map<String, String> missing = good("/no/such/key.pem");
        assertThat(lint(missing).problems()).extracting(ConfigProblem::message)
                .anyMatch(msg -> msg.contains("cannot be read"));
    }

    @Test
    void theDenyListIsBoundedAndForgetsExpiredTokens() {
        java.time.Instant t0 = java.time.Instant.ofEpochSecond(1000);
        dev.bulwark.MutableClock c = new dev.bulwark.MutableClock(t0);
        InMemoryTokenDenyList list = new InMemoryTokenDenyList(3, c);
        list.deny("a", t0.plusSeconds(10));
        list.deny("b", t0.plusSeconds(100));
        list.deny("c", t0.plusSeconds(200));
        list.deny("d", t0.plusSeconds(300));
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.isDenied("a")).as("the soonest-expiring entry made room").isFalse();
        assertThat(list.isDenied("d")).isTrue();
        c.set(t0.plusSeconds(150));
        assertThat(list.isDenied("b")).as("expired with its token").isFalse();
        assertThat(list.isDenied("c")).isTrue();
        list.deny("old", t0.minusSeconds(1));
        assertThat(list.isDenied("old")).isFalse();
    }
}
