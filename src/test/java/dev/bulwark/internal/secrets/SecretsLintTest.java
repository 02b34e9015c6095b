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
    void publicKeysCertificatesAndPublishableKeysAreNotSecrets() {
        String der = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0";
        Map<String, String> packaged = new HashMap<>();
        packaged.put("mp.jwt.verify.publickey", der);
        packaged.put("mp.jwt.verify.publickey.location", "/META-INF/public.pem");
        packaged.put("app.signing.public-key", der);
        packaged.put("app.signing.publicKey", der);
        packaged.put("app.jwks", der);
        packaged.put("mp.jwt.verify.publickey.pem", "-----BEGIN PUBLIC KEY-----\n" + der + "\n-----END PUBLIC KEY-----");
        packaged.put("tls.client.certificate", "-----BEGIN CERTIFICATE-----\n" + der + "\n-----END CERTIFICATE-----");
        packaged.put("app.jwks.inline", "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + der + "\"}]}");
        packaged.put("stripe.publishable-key", "pk_live_51HqLyjWDarjtT1zdp7dcXa8Ue3bIcM4lFeWEvCkdtQ");
        packaged.put("maps.public-api-key", "AIzaSyExampleOnly");
        packaged.put("assets.integrity", "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC");
        assertThat(check(packaged)).isEmpty();
    }

    @Test
    void aCertificatesPasswordOrASigningKeyIsASecretWhateverWordPrecedesIt() {
        Map<String, String> packaged = new HashMap<>();
        packaged.put("server.certificate.password", "changeit-not-really");
        packaged.put("ssl.cert.password", "hunter2hunter2");
        packaged.put("tls.cert.private-key", "abcdefgh");
        packaged.put("integrity.signing-key", "k3y-material");
        packaged.put("jwks.client-secret", "s3cr3t-value");
        assertThat(check(packaged)).extracting(SecretsLint.Finding::key)
                .containsExactlyInAnyOrderElementsOf(packaged.keySet());
    }

    @Test
    void aSecretUnderAPublicSoundingNameIsStillFoundByItsShape() {
        Map<String, String> packaged = new HashMap<>();
        packaged.put("app.public-key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----");
        packaged.put("public.jwks", "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83O\",\"d\":\"jpsQ\"}]}");
        packaged.put("public.endpoint", "amqps://user:p4ss@mq.internal:5671");
        assertThat(check(packaged)).extracting(SecretsLint.Finding::key)
                .containsExactlyInAnyOrderElementsOf(packaged.keySet());
    }

    @Test
    void knownShapesAndPasswordsInConnectionStringsAreFound() {
        Map<String, String> packaged = new HashMap<>();
        packaged.put("a.pem", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----");
        packaged.put("b.pem", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n-----END EC PRIVATE KEY-----");
        packaged.put("c.jwk", "{\"kty\":\"oct\",\"k\":\"GawgguFyGrWKav7AX4VKUg\"}");
        packaged.put("d.aws", "AKIAIOSFODNN7EXAMPL3");
        packaged.put("e.github", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv");
        packaged.put("f.slack", "xoxb-" + "1234567890-abcdefghij");
        packaged.put("g.stripe", "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc");
        packaged.put("h.jdbc", "jdbc:postgresql://db.internal:5432/orders?user=app&password=hunter2");
        packaged.put("i.jdbc", "jdbc:sqlserver://db.internal;databaseName=orders;user=app;password=hunter2");
        packaged.put("j.jdbc", "jdbc:mysql://app:hunter2@db.internal:3306/orders");
        packaged.put("k.jdbc", "jdbc:oracle:thin:scott/tiger@db.internal:1521:orcl");
        packaged.put("l.redis", "rediss://:hunter2@cache.internal:6380");
        packaged.put("m.amqp", "amqp://guest:guest@mq.internal:5672/vhost");
        packaged.put("n.mongo", "mongodb+srv://app:hunter2@cluster0.example.net/orders");
        List<SecretsLint.Finding> found = check(packaged);
        assertThat(found).extracting(SecretsLint.Finding::key).containsExactlyInAnyOrderElementsOf(packaged.keySet());
        assertThat(found).filteredOn(f -> f.key().endsWith(".jdbc") || f.key().equals("l.redis"))
                .extracting(SecretsLint.Finding::why).containsOnly("a URL with a password");
        for (SecretsLint.Finding f : found) {
            assertThat(f.toString()).doesNotContain("hunter2").doesNotContain("tiger");
        }
    }

    @Test
    void connectionStringsWithoutAPasswordOrWithAReferenceAreNotSecrets() {
        Map<String, String> packaged = new HashMap<>();
        packaged.put("a.jdbc", "jdbc:postgresql://db.internal:5432/orders?user=app&ssl=true");
        packaged.put("b.jdbc", "jdbc:postgresql://db.internal:5432/orders?user=app&password=${DB_PASSWORD}");
        packaged.put("c.redis", "redis://:${REDIS_PASSWORD}@cache.internal:6379");
        packaged.put("d.url", "https://user@example.com/path");
        packaged.put("e.jdbc", "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
        packaged.put("f.jdbc", "jdbc:oracle:thin:@//db.internal:1521/orders");
        packaged.put("g.reset", "https://example.com/reset?password-reset=true");
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
