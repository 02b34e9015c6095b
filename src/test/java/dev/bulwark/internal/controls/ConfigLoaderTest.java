package dev.bulwark.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.errors.ErrorLogLevel;
import dev.bulwark.internal.validation.JsonLimits;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static ConfigLoader.Result load(Map<String, String> values) {
        return TestConfig.load(values);
    }

    @Test
    void everyKeyHasAValidDefault() {
        ConfigLoader.Result result = load(Map.of());
        assertThat(result.ok()).isTrue();
        BulwarkConfig c = result.config();
        assertThat(c.enabled()).isTrue();
        assertThat(c.errors().typeBase()).isEqualTo(URI.create("urn:bulwark:problem:"));
        assertThat(c.errors().clientLogLevel()).as("per-request 4xx lines are FINE: a flood cannot flood the log")
                .isEqualTo(ErrorLogLevel.FINE);
        assertThat(c.errors().summaryInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(c.rateLimiting().refused()).isEqualTo("60/1m");
        assertThat(c.rateLimiting().refusedExempt()).as("no address is exempt unless listed").isEmpty();
        assertThat(c.correlation().trustIncoming()).isTrue();
        assertThat(c.correlation().header()).isEqualTo("X-Request-Id");
        assertThat(c.inventory().log()).isTrue();
        assertThat(c.inventory().endpointEnabled()).isFalse();
        assertThat(c.inventory().endpointPath()).isEqualTo("/bulwark/inventory");
        assertThat(c.inventory().endpointRole()).isEqualTo("bulwark-admin");
        assertThat(BulwarkConfig.defaults()).isEqualTo(c);
    }

    @Test
    void readsConfiguredValues() {
        ConfigLoader.Result result = load(Map.of(
                "bulwark.errors.client-log-level", "warning",
                "bulwark.correlation.header", "X-Correlation-Id",
                "bulwark.inventory.endpoint.enabled", "TRUE",
                "bulwark.errors.type-base-uri", "https://api.example.com/problems/"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.config().errors().clientLogLevel()).isEqualTo(ErrorLogLevel.WARNING);
        assertThat(result.config().correlation().header()).isEqualTo("X-Correlation-Id");
        assertThat(result.config().inventory().endpointEnabled()).isTrue();
        assertThat(result.config().errors().typeBase().toString()).isEqualTo("https://api.example.com/problems/");
    }

    @Test
    void theRefusalBudgetAndTheLogSummaryAreConfigurableAndValidated() {
        ConfigLoader.Result result = load(Map.of("bulwark.ratelimit.refused", "30/10s",
                "bulwark.errors.summary-interval", "0s"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.config().rateLimiting().refused()).isEqualTo("30/10s");
        assertThat(result.config().errors().summaryInterval()).isZero();
        assertThat(load(Map.of("bulwark.ratelimit.refused", "off")).config().rateLimiting().refused()).isNull();
        ConfigLoader.Result bad = load(Map.of("bulwark.ratelimit.refused", "lots",
                "bulwark.errors.summary-interval", "2h"));
        assertThat(bad.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("bulwark.ratelimit.refused", "bulwark.errors.summary-interval");
    }

    @Test
    void refusalBudgetExemptionsAreCidrBlocksAndABadOneFailsNamingTheKey() throws Exception {
        ConfigLoader.Result result = load(Map.of("bulwark.ratelimit.refused-exempt",
                " 203.0.113.10, 10.20.0.0/16 ,2001:db8::/32"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.config().rateLimiting().refusedExempt()).containsExactly(Cidr.parse("203.0.113.10/32"),
                Cidr.parse("10.20.0.0/16"), Cidr.parse("2001:db8::/32"));
        for (String bad : new String[] {"office-nat.example.com", "10.0.0.0/33", "10.0.0.1,,10.0.0.2", "*"}) {
            assertThat(load(Map.of("bulwark.ratelimit.refused-exempt", bad)).problems()).as(bad)
                    .extracting(ConfigProblem::key).containsExactly("bulwark.ratelimit.refused-exempt");
        }
    }

    @Test
    void reportsEveryInvalidKeyWithItsNameProblemAndAcceptedForm() {
        ConfigLoader.Result result = load(Map.of(
                "bulwark.enabled", "yes",
                "bulwark.errors.client-log-level", "LOUD",
                "bulwark.correlation.header", "X Request\r\nId",
                "bulwark.errors.type-base-uri", "problems/",
                "bulwark.inventory.endpoint.path", "/../etc"));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "bulwark.enabled", "bulwark.errors.client-log-level", "bulwark.correlation.header",
                "bulwark.errors.type-base-uri", "bulwark.inventory.endpoint.path");
        ConfigProblem level = result.problems().stream()
                .filter(p -> p.key().equals("bulwark.errors.client-log-level")).findFirst().orElseThrow();
        assertThat(level.message())
                .contains("bulwark.errors.client-log-level")
                .contains("unknown value")
                .contains("one of OFF, FINE, INFO, WARNING");
        ConfigProblem header = result.problems().stream()
                .filter(p -> p.key().equals("bulwark.correlation.header")).findFirst().orElseThrow();
        assertThat(header.message()).doesNotContain("\r").doesNotContain("\n").contains("\\u000d");
    }

    @Test
    void neverEchoesTheValueOfASecretLookingKey() {
        Key<Integer> secret = new Key<>("bulwark.secrets.api-token-length", Parsers.intRange(1, 10), "5", "d", "5");
        Key<Integer> plain = new Key<>("bulwark.limits.size", Parsers.intRange(1, 10), "5", "d", "5");
        assertThat(secret.secret()).isTrue();
        assertThat(plain.secret()).isFalse();
        assertThat(new Key<>("bulwark.jwt.hmac-secret", Parsers.bool(), "false", "d", "x").secret()).isTrue();
        assertThat(new Key<>("bulwark.keystore.password", Parsers.bool(), "false", "d", "x").secret()).isTrue();
    }

    @Test
    void aMisspeltKeyFailsNamingTheClosestKnownKey() {
        Map<String, String> values = Map.of("bulwark.cors.allowed-origin", "https://app.example.com",
                "bulwark.ratelimit.anonymus", "10/1m", "mp.jwt.verify.issuer", "https://issuer.example",
                "other.setting", "x");
        ConfigLoader.Result result = TestConfig.load(values);
        assertThat(result.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "Bulwark configuration key 'bulwark.cors.allowed-origin': is not a Bulwark setting (expected a key"
                        + " from docs/configuration.md; did you mean 'bulwark.cors.allowed-origins'?)",
                "Bulwark configuration key 'bulwark.ratelimit.anonymus': is not a Bulwark setting (expected a key"
                        + " from docs/configuration.md; did you mean 'bulwark.ratelimit.anonymous'?)");
    }

    @Test
    void theCentralBaselineIsNamedAsAPropertyOrAnEnvironmentVariable() {
        assertThat(ConfigLoader.load(key -> Optional.empty(), java.util.Set.of("bulwark.baseline")).problems())
                .isEmpty();
        assertThat(ConfigLoader.load(key -> Optional.empty(), java.util.Set.of("BULWARK_BASELINE")).problems())
                .isEmpty();
    }

    @Test
    void everyKnownKeyIsAccepted() {
        Map<String, String> values = new java.util.HashMap<>();
        ConfigLoader.keys().forEach(k -> values.put(k.name(), k.example()));
        ConfigLoader.Result result = ConfigLoader.load(key -> Optional.empty(), values.keySet());
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void mpJwtCookieModeNamesTheCookieAndOtherHeadersAreRefused() {
        assertThat(load(Map.of()).config().jwt().tokenCookie()).isNull();
        assertThat(load(Map.of("mp.jwt.token.header", "Cookie")).config().jwt().tokenCookie()).isEqualTo("Bearer");
        assertThat(load(Map.of("mp.jwt.token.header", "Cookie", "mp.jwt.token.cookie", "at")).config().jwt()
                .tokenCookie()).isEqualTo("at");
        assertThat(load(Map.of("mp.jwt.token.header", "X-Token")).problems()).extracting(ConfigProblem::key)
                .containsExactly("mp.jwt.token.header");
    }

    @Test
    void theStringLimitIsTheBodyLimitUnlessSetAndTheOtherJsonLimitsKeepTheirDefaults() {
        JsonLimits defaults = load(Map.of()).config().validation().limits();
        assertThat(defaults.maxStringLength()).isEqualTo(JsonLimits.BOUNDED_BY_BODY);
        assertThat(defaults).isEqualTo(new JsonLimits(1_048_576, 32, 10_000, 1_000, JsonLimits.BOUNDED_BY_BODY,
                128, 40));

        ConfigLoader.Result set = load(Map.of("bulwark.validation.json.max-string-length", "4096"));
        assertThat(set.problems()).isEmpty();
        assertThat(set.config().validation().limits().maxStringLength()).isEqualTo(4096);

        for (String bad : new String[] {"0", "-1", "lots", "2147483648", "64k"}) {
            assertThat(load(Map.of("bulwark.validation.json.max-string-length", bad)).problems())
                    .as(bad).extracting(ConfigProblem::key).containsExactly("bulwark.validation.json.max-string-length");
        }
    }

    @Test
    void bearerCannotBeListedAsAnotherScheme() {
        assertThat(load(Map.of("bulwark.jwt.other-schemes", "Basic, bearer")).problems())
                .extracting(ConfigProblem::key).containsExactly("bulwark.jwt.other-schemes");
        assertThat(load(Map.of("bulwark.jwt.other-schemes", "Basic, NTLM")).config().jwt().otherSchemes())
                .containsExactly("basic", "ntlm");
    }

    /** Case variants and misspelt environment variables are caught too (attack review finding). */
    @Test
    void caseVariantsAndMisspeltEnvironmentVariablesFail() {
        java.util.List<String> names = java.util.List.of("Bulwark.jwt.max-lifetime", "BULWARK_JWT_MAX_LIFETME",
                "BULWARK_JWT_MAX_LIFETIME", "bulwark.jwt.max-lifetime");
        ConfigLoader.Result result = ConfigLoader.load(key -> Optional.empty(), names);
        assertThat(result.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "Bulwark configuration key 'Bulwark.jwt.max-lifetime': is not a Bulwark setting (expected a key"
                        + " from docs/configuration.md; did you mean 'bulwark.jwt.max-lifetime'?)",
                "Bulwark configuration key 'BULWARK_JWT_MAX_LIFETME': is not a Bulwark setting (expected a key"
                        + " from docs/configuration.md; did you mean 'bulwark.jwt.max-lifetime' (environment variable"
                        + " BULWARK_JWT_MAX_LIFETIME)?)");
    }

    /** Liberty reports BULWARK_JWT_MAX_LIFETIME also as bulwark.jwt.max.lifetime: the documented spelling works. */
    @Test
    void correctlySpeltEnvironmentVariablesPassWithLibertysDottedAlias() {
        java.util.List<String> names = java.util.List.of("BULWARK_JWT_MAX_LIFETIME", "bulwark.jwt.max.lifetime",
                "BULWARK_CORS_ALLOWED_ORIGINS", "bulwark.cors.allowed.origins", "BULWARK_ERRORS_CLIENT_LOG_LEVEL",
                "bulwark.errors.client.log.level");
        assertThat(ConfigLoader.load(key -> Optional.empty(), names).problems()).isEmpty();
        assertThat(ConfigLoader.load(key -> Optional.empty(), java.util.List.of("bulwark.jwt.max.lifetme"))
                .problems()).hasSize(1);
    }
}
