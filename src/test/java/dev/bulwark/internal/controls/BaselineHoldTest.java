package dev.bulwark.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.TestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central baseline holds the settings a gateway would own (TLS, tokens, authorization, rate limits, input limits,
 * headers, CORS, audit): a service may tighten each, never loosen it, and a loosening names the key and the baseline.
 */
class BaselineHoldTest {

    private static final String WHERE = "central baseline /etc/bulwark/baseline.properties";

    @TempDir
    Path dir;

    /** The problems of a service with these values over the baseline's (as MicroProfile Config orders them). */
    private static List<ConfigProblem> check(Map<String, String> baseline, Map<String, String> service) {
        Map<String, String> effective = new HashMap<>(baseline);
        effective.putAll(service);
        assertThat(TestConfig.load(effective).problems()).as("the service's configuration itself is valid").isEmpty();
        return BaselineHold.check(baseline, key -> Optional.ofNullable(effective.get(key)), WHERE);
    }

    private static List<String> loosened(Map<String, String> baseline, Map<String, String> service) {
        List<ConfigProblem> problems = check(baseline, service);
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("loosens the " + WHERE));
        return problems.stream().map(ConfigProblem::key).toList();
    }

    @Test
    void aServiceWithoutValuesOfItsOwnTakesTheBaselinesAndPasses() {
        Map<String, String> baseline = Map.of("bulwark.transport.https-only", "true",
                "bulwark.jwt.clock-skew", "30s", "bulwark.ratelimit.anonymous", "100/1m",
                "bulwark.headers.strict-transport-security", "max-age=63072000; includeSubDomains; preload",
                "bulwark.authz.strict", "true", "bulwark.trusted-proxies", "10.0.0.0/8");
        assertThat(check(baseline, Map.of())).isEmpty();
    }

    @Test
    void switchingAControlOffIsALooseningNamingTheKey() {
        Map<String, String> baseline = Map.of("bulwark.enabled", "true", "bulwark.transport.https-only", "true",
                "bulwark.ratelimit.enabled", "true", "bulwark.audit.enabled", "true", "bulwark.authz.strict", "true");
        assertThat(loosened(baseline, Map.of("bulwark.enabled", "false", "bulwark.transport.https-only", "false",
                "bulwark.ratelimit.enabled", "false", "bulwark.audit.enabled", "false",
                "bulwark.authz.strict", "false")))
                .containsExactlyInAnyOrder("bulwark.enabled", "bulwark.transport.https-only",
                        "bulwark.ratelimit.enabled", "bulwark.audit.enabled", "bulwark.authz.strict");
        assertThat(check(baseline, Map.of("bulwark.enabled", "false")).get(0).message())
                .isEqualTo("Bulwark configuration key 'bulwark.enabled': loosens the " + WHERE + ": the service's value"
                        + " switches Bulwark off (the baseline's does not) (expected a value at least as strict as the"
                        + " baseline's)");
    }

    @Test
    void aBaselineThatLeavesAControlOffHoldsNothingThere() {
        assertThat(check(Map.of("bulwark.authz.strict", "false"), Map.of("bulwark.authz.strict", "true"))).isEmpty();
        assertThat(check(Map.of("bulwark.jwt.lint.allow-hmac", "true"), Map.of())).isEmpty();
    }

    @Test
    void tokenRulesMayOnlyNarrow() {
        Map<String, String> baseline = Map.of("bulwark.jwt.algorithms", "RS256, ES256",
                "bulwark.jwt.clock-skew", "30s", "bulwark.jwt.max-lifetime", "1h",
                "bulwark.jwt.lint.allow-hmac", "false");
        assertThat(check(baseline, Map.of("bulwark.jwt.algorithms", "ES256", "bulwark.jwt.clock-skew", "5s",
                "bulwark.jwt.max-lifetime", "15m"))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.jwt.algorithms", "RS256, PS256",
                "bulwark.jwt.clock-skew", "60s", "bulwark.jwt.max-lifetime", "2h",
                "bulwark.jwt.lint.allow-hmac", "true")))
                .containsExactlyInAnyOrder("bulwark.jwt.algorithms", "bulwark.jwt.clock-skew",
                        "bulwark.jwt.max-lifetime", "bulwark.jwt.lint.allow-hmac");
    }

    @Test
    void aRateMayBeLowerNeverHigherNorABiggerBurst() {
        Map<String, String> baseline = Map.of("bulwark.ratelimit.anonymous", "100/1m");
        assertThat(check(baseline, Map.of("bulwark.ratelimit.anonymous", "50/1m"))).isEmpty();
        assertThat(check(baseline, Map.of("bulwark.ratelimit.anonymous", "1/1s"))).as("60 a minute, burst 1")
                .isEmpty();
        assertThat(check(baseline, Map.of("bulwark.ratelimit.anonymous", "100/2m"))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.ratelimit.anonymous", "200/1m"))).hasSize(1);
        assertThat(loosened(baseline, Map.of("bulwark.ratelimit.anonymous", "100/30s"))).as("twice the rate")
                .hasSize(1);
        assertThat(loosened(baseline, Map.of("bulwark.ratelimit.anonymous", "2/1s"))).as("120 a minute")
                .hasSize(1);
        assertThat(loosened(baseline, Map.of("bulwark.ratelimit.anonymous", "1000/1h"))).as("a bigger burst")
                .hasSize(1);
        assertThat(loosened(baseline, Map.of("bulwark.ratelimit.anonymous", "off"))).hasSize(1);
    }

    @Test
    void trustedProxiesAndExemptionsStayWithinTheBaselinesBlocks() {
        Map<String, String> baseline = Map.of("bulwark.trusted-proxies", "10.0.0.0/8",
                "bulwark.ratelimit.refused-exempt", "");
        assertThat(check(baseline, Map.of("bulwark.trusted-proxies", "10.1.2.0/24"))).isEmpty();
        assertThat(check(baseline, Map.of("bulwark.trusted-proxies", ""))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.trusted-proxies", "10.0.0.0/8, 192.168.0.0/16",
                "bulwark.ratelimit.refused-exempt", "203.0.113.7/32")))
                .containsExactlyInAnyOrder("bulwark.trusted-proxies", "bulwark.ratelimit.refused-exempt");
        assertThat(loosened(baseline, Map.of("bulwark.trusted-proxies", "0.0.0.0/0"))).hasSize(1);
    }

    @Test
    void headersMayGetStricterNeverOffOrWeaker() {
        Map<String, String> baseline = Map.of(
                "bulwark.headers.strict-transport-security", "max-age=31536000; includeSubDomains",
                "bulwark.headers.x-frame-options", "DENY", "bulwark.headers.content-security-policy",
                "default-src 'none'");
        assertThat(check(baseline, Map.of("bulwark.headers.strict-transport-security",
                "max-age=63072000; includeSubDomains; preload",
                "bulwark.headers.content-security-policy", "default-src 'none'; frame-ancestors 'none'"))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.headers.strict-transport-security", "max-age=63072000",
                "bulwark.headers.x-frame-options", "SAMEORIGIN",
                "bulwark.headers.content-security-policy", "off")))
                .containsExactlyInAnyOrder("bulwark.headers.strict-transport-security",
                        "bulwark.headers.x-frame-options", "bulwark.headers.content-security-policy");
        assertThat(loosened(Map.of("bulwark.headers.strict-transport-security", "max-age=63072000"),
                Map.of("bulwark.headers.strict-transport-security", "max-age=31536000"))).hasSize(1);
        assertThat(loosened(baseline, Map.of("bulwark.headers.strict-transport-security", "off",
                "bulwark.headers.x-frame-options", "off"))).hasSize(2);
    }

    @Test
    void inputLimitsMayOnlyShrink() {
        Map<String, String> baseline = Map.of("bulwark.validation.max-body-bytes", "1048576",
                "bulwark.validation.json.max-depth", "32", "bulwark.validation.reject-unknown-properties", "true");
        assertThat(check(baseline, Map.of("bulwark.validation.max-body-bytes", "65536"))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.validation.max-body-bytes", "10485760",
                "bulwark.validation.json.max-depth", "100",
                "bulwark.validation.reject-unknown-properties", "false"))).hasSize(3);
    }

    @Test
    void corsAndMethodsMayOnlyNarrow() {
        Map<String, String> baseline = Map.of("bulwark.cors.allowed-origins", "https://app.example.com",
                "bulwark.cors.allow-credentials", "false", "bulwark.methods.allowed", "GET, POST, PUT, DELETE");
        assertThat(check(baseline, Map.of("bulwark.cors.allowed-origins", "",
                "bulwark.methods.allowed", "GET, POST"))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.cors.allowed-origins",
                "https://app.example.com, https://evil.example", "bulwark.cors.allow-credentials", "true",
                "bulwark.methods.allowed", "GET, POST, PATCH"))).hasSize(3);
    }

    @Test
    void observingMoreControlsThanTheBaselineObservesIsALoosening() {
        Map<String, String> baseline = Map.of("bulwark.observe", "rate-limit");
        assertThat(check(baseline, Map.of())).isEmpty();
        assertThat(check(baseline, Map.of("bulwark.observe", ""))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.observe", "rate-limit, cors"))).hasSize(1);
        assertThat(check(Map.of("bulwark.observe", "all"), Map.of("bulwark.observe", "cors"))).isEmpty();
    }

    @Test
    void aKeyTheBaselineCannotHoldAndABadBaselineValueFailTheDeployment() {
        List<ConfigProblem> problems = BaselineHold.check(Map.of("bulwark.inventory.log", "false",
                        "bulwark.ip.allow", "10.0.0.0/8", "bulwark.jwt.clock-skew", "forever"),
                key -> Optional.empty(), WHERE);
        assertThat(problems).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("bulwark.inventory.log", "bulwark.jwt.clock-skew");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains(WHERE));
    }

    @Test
    void theBaselineFileIsReadOnceFoundAndNothingIsHeldWithoutOne() throws Exception {
        assertThat(BaselineHold.check(null, key -> Optional.of("false"))).isEmpty();
        Path file = dir.resolve("baseline.properties");
        Files.writeString(file, "bulwark.transport.https-only=true\n", StandardCharsets.UTF_8);
        assertThat(BaselineHold.check(file, key -> Optional.of("false"))).extracting(ConfigProblem::key)
                .containsExactly("bulwark.transport.https-only");
    }

    @Test
    void everyHeldKeyIsAKeyBulwarkReads() {
        List<String> known = ConfigLoader.keys().stream().map(k -> k.name()).toList();
        assertThat(known).containsAll(BaselineHold.names().stream().filter(n -> n.startsWith("bulwark.")).toList());
    }

    @Test
    void egressBidiScopesCachingAndTheTokensTrustAreHeldToo() {
        Map<String, String> baseline = Map.of("bulwark.exposure.egress.action", "REDACT",
                "bulwark.exposure.egress.kinds", "TOKEN, PRIVATE_KEY", "bulwark.validation.allow-balanced-bidi-isolates",
                "false", "bulwark.authz.scope-claim", "scope", "bulwark.headers.cache-control", "no-store",
                "mp.jwt.verify.issuer", "https://login.example.com", "mp.jwt.token.header", "Authorization");
        assertThat(check(baseline, Map.of("bulwark.exposure.egress.action", "PROBLEM",
                "bulwark.exposure.egress.kinds", "TOKEN, PRIVATE_KEY, API_KEY",
                "bulwark.headers.cache-control", "no-store, max-age=0"))).isEmpty();
        assertThat(loosened(baseline, Map.of("bulwark.exposure.egress.action", "LOG",
                "bulwark.exposure.egress.kinds", "TOKEN", "bulwark.validation.allow-balanced-bidi-isolates", "true",
                "bulwark.authz.scope-claim", "scp", "bulwark.headers.cache-control", "public, max-age=31536000",
                "mp.jwt.verify.issuer", "https://evil.example", "mp.jwt.token.header", "Cookie")))
                .containsExactlyInAnyOrder("bulwark.exposure.egress.action", "bulwark.exposure.egress.kinds",
                        "bulwark.validation.allow-balanced-bidi-isolates", "bulwark.authz.scope-claim",
                        "bulwark.headers.cache-control", "mp.jwt.verify.issuer", "mp.jwt.token.header");
    }

    @Test
    void aServicesOwnBadValueIsTheLoadersToReportNotTheBaselines() {
        assertThat(BaselineHold.check(Map.of("bulwark.transport.https-only", "true"),
                key -> Optional.of("no"), WHERE)).isEmpty();
    }
}
