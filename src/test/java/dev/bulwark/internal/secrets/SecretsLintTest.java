package dev.bulwark.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsLintTest {

    private static final Set<String> BULWARK_SECRETS = Set.of("bulwark.apikeys.pepper");

    private static List<SecretsLint.Finding> check(Map<String, String> properties) {
        return SecretsLint.check(properties, BULWARK_SECRETS::contains);
    }

    @Test
    void secretNamesAndShapesAreFoundAndNamedByKeyOnly() {
        Map<String, String> packaged = new HashMap<>();
        packaged.put("orders.db.password", "hunter2");
        packaged.put("oauth.clientSecret", "s3cr3t");
        packaged.put("payments.api-key", "abc");
        packaged.put("signing.private_key", "xyz");
        packaged.put("bulwark.apikeys.pepper", "a-pepper-in-the-war-0123456789-abcdef");
        packaged.put("innocent.value", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----");
        packaged.put("cloud.id", "AKIAIOSFODNN7EXAMPLE");
        packaged.put("ci.github", "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8");
        packaged.put("redis.endpoint", "redis://user:p4ss@cache.internal:6379");
        packaged.put("webhook.signature", "Zq8Xv2Lm4Nc9Rt5Kp3Vd8Yw1Hb6Jf0Gs7Ua2Ei9Oo");
        List<SecretsLint.Finding> found = check(packaged);
        assertThat(found).extracting(SecretsLint.Finding::key).containsExactlyInAnyOrderElementsOf(packaged.keySet());
        assertThat(found).filteredOn(f -> f.key().equals("innocent.value")).singleElement()
                .extracting(SecretsLint.Finding::why).asString().contains("pem private key");
        assertThat(found).filteredOn(f -> f.key().equals("redis.endpoint")).singleElement()
                .extracting(SecretsLint.Finding::why).isEqualTo("a URL with a password");
        for (SecretsLint.Finding f : found) {
            assertThat(f.toString()).doesNotContain(packaged.get(f.key()));
        }
    }

    @Test
    void referencesLocationsAndOrdinarySettingsAreNotSecrets() {
        Map<String, String> packaged = new HashMap<>();
        packaged.put("orders.db.password", "${DB_PASSWORD}");
        packaged.put("orders.db.token", "");
        packaged.put("mp.jwt.token.header", "Cookie");
        packaged.put("mp.jwt.token.cookie", "jwt");
        packaged.put("mp.jwt.verify.publickey.location", "/META-INF/public.pem");
        packaged.put("mp.jwt.decrypt.key.location", "privateKey.pem");
        packaged.put("bulwark.jwt.query-token-parameters", "access_token, id_token");
        packaged.put("bulwark.exposure.sensitive-names-allowed", "access_token");
        packaged.put("bulwark.ratelimit.redis.url", "redis://cache.internal:6379");
        packaged.put("mp.jwt.verify.issuer", "https://issuer.example.com/realms/orders");
        packaged.put("bulwark.versioning.versions.v1.sunset", "2027-06-30T00:00:00Z");
        packaged.put("build.commit", "3f2a9c0d1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49"); // hex, lower case only
        packaged.put("bulwark.cors.allow-credentials", "true");
        packaged.put("session.token", "3600");
        packaged.put("app.description", "An API for orders, payments and shipping labels");
        assertThat(check(packaged)).isEmpty();
    }

    @Test
    void theRepositorysPackagedConfigurationsPassOrAllowTheirPlantedValue() throws Exception {
        assertThat(check(load("demo/src/main/resources/META-INF/microprofile-config.properties"))).isEmpty();
        assertThat(check(load("benchmarks/e2e-app/src/main/resources/META-INF/microprofile-config.properties")))
                .isEmpty();
        Map<String, String> it = load("integration-tests/src/main/resources/META-INF/microprofile-config.properties");
        assertThat(check(it)).extracting(SecretsLint.Finding::key).containsExactly("it.planted.db.password");
        assertThat(it.get("bulwark.secrets.lint.allow")).isEqualTo("it.planted.db.password");
    }

    private static Map<String, String> load(String path) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(path))) {
            p.load(r);
        }
        Map<String, String> out = new HashMap<>();
        p.stringPropertyNames().forEach(n -> out.put(n, p.getProperty(n)));
        return out;
    }
}
