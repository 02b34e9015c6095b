package dev.bulwark.internal.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bulwark.internal.auth.JwtKeys;
import dev.bulwark.internal.authz.AuthzKeys;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.cors.CorsKeys;
import dev.bulwark.internal.correlation.CorrelationKeys;
import dev.bulwark.internal.errors.ErrorKeys;
import dev.bulwark.internal.exposure.ExposureKeys;
import dev.bulwark.internal.exposure.egress.EgressKeys;
import dev.bulwark.internal.headers.HeaderKeys;
import dev.bulwark.internal.inventory.InventoryKeys;
import dev.bulwark.internal.ratelimit.RateLimitKeys;
import dev.bulwark.internal.transport.MethodKeys;
import dev.bulwark.internal.transport.TransportKeys;
import dev.bulwark.internal.validation.ValidationKeys;
import dev.bulwark.internal.versioning.VersioningKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each concern reads its own keys, and a bad value fails naming its key while the others read as their defaults. */
class ConcernsTest {

    /** For each concern: a bad configuration and the one key its problem names. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(ErrorKeys.CONCERN, Map.of("bulwark.errors.client-log-level", "LOUD"),
                        "bulwark.errors.client-log-level"),
                Arguments.of(CorrelationKeys.CONCERN, Map.of("bulwark.correlation.header", "X Request Id"),
                        "bulwark.correlation.header"),
                Arguments.of(InventoryKeys.CONCERN, Map.of("bulwark.inventory.endpoint.path", "/../etc"),
                        "bulwark.inventory.endpoint.path"),
                Arguments.of(TransportKeys.CONCERN, Map.of("bulwark.transport.allowed-hosts", "api.example.com/x"),
                        "bulwark.transport.allowed-hosts"),
                Arguments.of(HeaderKeys.CONCERN, Map.of("bulwark.headers.strict-transport-security", "max-age=60"),
                        "bulwark.headers.strict-transport-security"),
                Arguments.of(CorsKeys.CONCERN, Map.of("bulwark.cors.allowed-origins", "*",
                        "bulwark.cors.allow-credentials", "true"), "bulwark.cors.allowed-origins"),
                Arguments.of(MethodKeys.CONCERN, Map.of("bulwark.methods.allowed", "GET, TRACE"),
                        "bulwark.methods.allowed"),
                Arguments.of(ValidationKeys.CONCERN, Map.of("bulwark.validation.json.max-depth", "0"),
                        "bulwark.validation.json.max-depth"),
                Arguments.of(JwtKeys.CONCERN, Map.of("mp.jwt.token.header", "X-Token"), "mp.jwt.token.header"),
                Arguments.of(AuthzKeys.CONCERN, Map.of("bulwark.authz.object-denied-status", "401"),
                        "bulwark.authz.object-denied-status"),
                Arguments.of(RateLimitKeys.CONCERN, Map.of("bulwark.ratelimit.anonymous", "lots"),
                        "bulwark.ratelimit.anonymous"),
                Arguments.of(VersioningKeys.CONCERN, Map.of("bulwark.versioning.source", "cookie"),
                        "bulwark.versioning.source"),

                Arguments.of(ExposureKeys.CONCERN, Map.of("bulwark.exposure.sensitive-names", "password,,secret"),
                        "bulwark.exposure.sensitive-names"),

                Arguments.of(EgressKeys.CONCERN, Map.of("bulwark.exposure.egress.action", "block"),
                        "bulwark.exposure.egress.action"),

                Arguments.of(dev.bulwark.internal.audit.AuditKeys.CONCERN, Map.of("bulwark.audit.destination",
                        "syslog"), "bulwark.audit.destination"),

                Arguments.of(dev.bulwark.internal.alerts.AlertKeys.CONCERN, Map.of(
                        "bulwark.alerts.auth-failures.per-address", "20 per minute"),
                        "bulwark.alerts.auth-failures.per-address"),

                Arguments.of(dev.bulwark.internal.alerts.WebhookKeys.CONCERN, Map.of(
                        "bulwark.alerts.webhook.url", "http://siem.example/hooks"),
                        "bulwark.alerts.webhook.url"),

                Arguments.of(dev.bulwark.internal.secrets.SecretsKeys.CONCERN,
                        Map.of("bulwark.secrets.refresh", "never"), "bulwark.secrets.refresh"),

                Arguments.of(dev.bulwark.internal.apikeys.ApiKeyKeys.CONCERN,
                        Map.of("bulwark.apikeys.cache-ttl", "forever"), "bulwark.apikeys.cache-ttl"),
                Arguments.of(dev.bulwark.internal.observe.ObserveKeys.CONCERN,
                        Map.of("bulwark.observe", "authentication"), "bulwark.observe"),
                Arguments.of(dev.bulwark.internal.apidoc.OpenApiKeys.CONCERN,
                        Map.of("bulwark.openapi.openid-connect-url", "http://idp.example/.well-known/x"),
                        "bulwark.openapi.openid-connect-url"),
                Arguments.of(dev.bulwark.internal.network.NetworkKeys.CONCERN,
                        Map.of("bulwark.ip.allow", "10.0.0.1/8"), "bulwark.ip.allow"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueFailsNamingItsKeyAndTheConcernStillReadsAsItsDefaults(ConfigConcern<?> concern,
                                                                        Map<String, String> bad, String key) {
        ConfigReader reader = new ConfigReader(name -> Optional.ofNullable(bad.get(name)));
        Object settings = concern.read(reader);
        assertThat(reader.problems()).extracting(ConfigProblem::key).containsExactly(key);
        assertThat(concern.keys()).extracting(Key::name).contains(key);
        Object defaults = concern.read(new ConfigReader(name -> Optional.empty()));
        if (!(concern instanceof CorsKeys)) {
            assertThat(settings).as("the bad value reads as the default").isEqualTo(defaults);
        }
    }

    @Test
    void everyConcernIsCoveredAbove() {
        assertThat(badValues().map(a -> a.get()[0])).containsExactlyInAnyOrderElementsOf(Controls.CONCERNS);
    }

    /** keys() is what docs/configuration.md lists: a concern reads every Bulwark key it lists and no other key. */
    @ParameterizedTest
    @MethodSource("concerns")
    void aConcernReadsExactlyTheKeysItLists(ConfigConcern<?> concern) {
        Set<String> asked = new HashSet<>();
        concern.read(new ConfigReader(name -> {
            asked.add(name);
            return Optional.empty();
        }));
        List<String> listed = concern.keys().stream().map(Key::name).toList();
        assertThat(listed).containsAll(asked);
        assertThat(asked).containsAll(listed.stream().filter(n -> n.startsWith(ConfigReader.PREFIX)).toList());
    }

    static Stream<ConfigConcern<?>> concerns() {
        return Controls.CONCERNS.stream();
    }

    @Test
    void everyKeyIsNamedOnceAndItsDefaultAndExampleAreValid() {
        List<Key<?>> keys = ConfigLoader.keys();
        assertThat(keys).extracting(Key::name).doesNotHaveDuplicates();
        for (Key<?> key : keys) {
            assertThatCode(() -> {
                if (key.defaultValue() != null) {
                    key.parser().parse(key.defaultValue());
                }
                key.parser().parse(key.example());
            }).as(key.name()).doesNotThrowAnyException();
        }
    }

    @org.junit.jupiter.api.Test
    void aZeroCountRateIsAProblemNamingItsKeyNotAnException() {
        for (String key : java.util.List.of("bulwark.ratelimit.anonymous", "bulwark.ratelimit.authenticated",
                "bulwark.ratelimit.refused")) {
            ConfigLoader.Result r = dev.bulwark.internal.config.TestConfig.load(Map.of(key, "0/1m"));
            org.assertj.core.api.Assertions.assertThat(r.problems()).singleElement()
                    .satisfies(p -> org.assertj.core.api.Assertions.assertThat(p.message()).contains(key)
                            .contains("not a rate"));
        }
    }
}
