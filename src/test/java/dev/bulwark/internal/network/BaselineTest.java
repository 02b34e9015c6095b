package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.TestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service may tighten the central baseline, never loosen it: a loosening fails naming both settings. */
class BaselineTest {

    private static final String BASELINE = String.join("\n",
            "bulwark.ip.deny=203.0.113.0/24",
            "bulwark.ip.roles=admin",
            "bulwark.ip.roles.admin.allow=10.8.0.0/16",
            "bulwark.routes=admin",
            "bulwark.routes.admin.paths=/admin/*",
            "bulwark.routes.admin.access=authenticated",
            "bulwark.routes.admin.roles=admin, ops",
            "bulwark.routes.admin.scopes=admin:write",
            "bulwark.routes.admin.rate-limit=100/1m",
            "bulwark.routes.admin.body-limit=4096",
            "bulwark.routes.admin.ip.allow=10.8.0.0/16");

    @TempDir
    Path dir;

    private Path baseline(String text) throws Exception {
        Path file = dir.resolve("baseline.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The deployment's settings: the service's values over the baseline's, as MicroProfile Config orders them. */
    private List<ConfigProblem> check(Map<String, String> service) throws Exception {
        Path file = baseline(BASELINE);
        Map<String, String> effective = new HashMap<>(Baseline.read(file));
        effective.putAll(service);
        var loaded = TestConfig.load(effective);
        assertThat(loaded.problems()).isEmpty();
        return Baseline.check(file, loaded.config().settings(NetworkKeys.CONCERN));
    }

    @Test
    void theBaselineAloneAndATighterServicePass() throws Exception {
        assertThat(check(Map.of())).isEmpty();
        assertThat(check(Map.of("bulwark.ip.deny", "203.0.113.0/24, 198.51.100.0/24",
                "bulwark.ip.roles.admin.allow", "10.8.1.0/24",
                "bulwark.routes.admin.paths", "/admin/*, /ops/*",
                "bulwark.routes.admin.access", "deny",
                "bulwark.routes.admin.roles", "admin",
                "bulwark.routes.admin.scopes", "admin:write, admin:audit",
                "bulwark.routes.admin.rate-limit", "50/1m",
                "bulwark.routes.admin.body-limit", "1024"))).isEmpty();
    }

    @Test
    void eachLooseningFailsNamingTheServiceKeyAndTheBaseline() throws Exception {
        Map<String, String> loosenings = Map.of(
                "bulwark.ip.deny", "198.51.100.0/24",
                "bulwark.ip.roles.admin.allow", "10.0.0.0/8",
                "bulwark.routes.admin.access", "public",
                "bulwark.routes.admin.roles", "admin, ops, user",
                "bulwark.routes.admin.scopes", "admin:read",
                "bulwark.routes.admin.rate-limit", "100/1s",
                "bulwark.routes.admin.body-limit", "1048576",
                "bulwark.routes.admin.paths", "/admin/users",
                "bulwark.routes.admin.ip.allow", "10.8.0.0/16, 198.51.100.0/24");
        for (var entry : loosenings.entrySet()) {
            assertThat(check(Map.of(entry.getKey(), entry.getValue()))).as(entry.getKey()).singleElement()
                    .satisfies(p -> {
                        assertThat(p.key()).isEqualTo(entry.getKey());
                        assertThat(p.message()).startsWith("Bulwark configuration key '" + entry.getKey()
                                + "': loosens the central baseline " + dir).contains(": the service's value ")
                                .doesNotContain(" than the baseline's bulwark.");
                    });
        }
    }

    @Test
    void makingTheBaselinesProtectedRoutePublicFails() throws Exception {
        List<ConfigProblem> problems = check(Map.of("bulwark.routes.admin.access", "public",
                "bulwark.routes.admin.roles", "", "bulwark.routes.admin.ip.allow", ""));
        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "bulwark.routes.admin.access", "bulwark.routes.admin.roles", "bulwark.routes.admin.ip.allow");
    }

    @Test
    void droppingARouteOrRoleFails() throws Exception {
        Path file = baseline(BASELINE);
        for (String listing : List.of("bulwark.routes", "bulwark.ip.roles")) {
            Map<String, String> effective = new HashMap<>(Baseline.read(file));
            effective.put(listing, "");
            var loaded = TestConfig.load(effective);
            assertThat(loaded.problems()).as("the baseline's keys of the dropped name are unknown keys too")
                    .isNotEmpty();
            assertThat(Baseline.check(file, loaded.config().settings(NetworkKeys.CONCERN)))
                    .extracting(ConfigProblem::key).contains(listing);
        }
    }

    @Test
    void aMisspelledAddressOrRouteKeyInTheBaselineFailsInsteadOfHoldingNothing() throws Exception {
        NetworkSettings settings = TestConfig.load(Map.of()).config().settings(NetworkKeys.CONCERN);
        Path file = baseline(String.join("\n", "bulwark.routes=admin", "bulwark.routes.admin.paths=/admin/*",
                "bulwark.routes.admin.scope=ops:write", "bulwark.ip.dney=10.0.0.0/8",
                "bulwark.routes.ops.access=deny"));
        assertThat(Baseline.check(file, settings)).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "bulwark.routes.admin.scope", "bulwark.ip.dney", "bulwark.routes.ops.access");
        assertThat(Baseline.check(file, settings).get(0).message()).contains("central baseline " + file);
        assertThat(Baseline.check(baseline(BASELINE), settings)).extracting(ConfigProblem::key)
                .doesNotContain("bulwark.routes.admin.scopes", "bulwark.ip.roles.admin.allow");
    }

    @Test
    void theBaselinesAddressRulesMustBeValidAndReadable() throws Exception {
        // the other keys (bulwark.transport.https-only here) are held by controls.BaselineHold
        Path file = baseline("bulwark.transport.https-only=true\nbulwark.ip.allow=010.0.0.0/8\n");
        var settings = TestConfig.load(Map.of()).config().settings(NetworkKeys.CONCERN);
        assertThat(Baseline.check(file, settings)).extracting(ConfigProblem::key)
                .containsExactly("bulwark.ip.allow");
        assertThat(Baseline.check(dir.resolve("missing.properties"), settings)).singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo(Baseline.VARIABLE));
        assertThat(Baseline.check(null, settings)).isEmpty();
    }

    @Test
    void aReloadThatLoosensTheBaselineIsRefusedAndTheLastGoodRulesKept() throws Exception {
        Path file = baseline(BASELINE);
        Map<String, String> effective = new java.util.concurrent.ConcurrentHashMap<>(Baseline.read(file));
        var clock = dev.bulwark.MutableClock.atEpochSecond(1_800_000_000L);
        List<String> log = new java.util.ArrayList<>();
        AddressRules rules = new AddressRules(TestConfig.load(effective).config().settings(NetworkKeys.CONCERN),
                key -> java.util.Optional.ofNullable(effective.get(key)), clock, log::add, file);
        effective.put("bulwark.ip.deny", "");
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(rules.refusal("203.0.113.5", "GET", "/")).isNotNull();
        assertThat(log).singleElement().satisfies(line -> assertThat(line).contains("loosens the central baseline"));
    }

    @Test
    void theConfigSourceServesTheBaselineBelowTheApplication() throws Exception {
        BaselineConfigSource source = new BaselineConfigSource(baseline(BASELINE));
        assertThat(source.getOrdinal()).isLessThan(100);
        assertThat(source.getValue("bulwark.routes.admin.paths")).isEqualTo("/admin/*");
        assertThat(new BaselineConfigSource(null).getPropertyNames()).isEmpty();
        assertThat(new BaselineConfigSource(dir.resolve("missing")).getPropertyNames()).isEmpty();
    }

    @Test
    void observingTheBaselinesControlsIsALoosening() {
        Path file = Path.of("/etc/bulwark/baseline.properties");
        assertThat(Baseline.observeProblem(file, TestConfig.load(Map.of("bulwark.observe", "address-rules"))
                .config().observe())).extracting(ConfigProblem::key).isEqualTo("bulwark.observe");
        assertThat(Baseline.observeProblem(file, TestConfig.load(Map.of("bulwark.observe", "authorization"))
                .config().observe())).isNotNull();
        assertThat(Baseline.observeProblem(file, TestConfig.load(Map.of("bulwark.observe", "all"))
                .config().observe())).isNotNull();
        assertThat(Baseline.observeProblem(file, TestConfig.load(Map.of("bulwark.observe", "rate-limit"))
                .config().observe())).isNull();
        assertThat(Baseline.observeProblem(null, TestConfig.load(Map.of("bulwark.observe", "all"))
                .config().observe())).isNull();
    }
}
