package dev.bulwark.internal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyKeysTest {

    @Test
    void offByDefault() {
        ApiKeySettings s = TestConfig.load(Map.of()).config().apiKeys();
        assertThat(s.enabled()).isFalse();
        assertThat(s.prefix()).isEqualTo("bwk");
        assertThat(s.header()).isEqualTo("X-API-Key");
        assertThat(s.authorizationScheme()).isEqualTo("ApiKey");
        assertThat(s.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxAge()).isEqualTo(Duration.ofDays(90));
        assertThat(s.audience()).as("no audience: only keys made without one").isNull();
    }

    @Test
    void anAudienceIsAServiceName() {
        assertThat(TestConfig.load(Map.of("bulwark.apikeys.audience", "billing-api")).config().apiKeys().audience())
                .isEqualTo("billing-api");
        for (String bad : new String[] {"billing api", "a,b", "-lead", "x".repeat(129)}) {
            assertThat(TestConfig.load(Map.of("bulwark.apikeys.audience", bad)).problems())
                    .extracting(ConfigProblem::message).as(bad).singleElement().asString()
                    .contains("bulwark.apikeys.audience");
        }
    }

    @Test
    void enabledKeysNeedAPepperAndAStore() {
        ConfigLoader.Result r = TestConfig.load(Map.of("bulwark.apikeys.enabled", "true"));
        assertThat(r.problems()).extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m)
                .contains("bulwark.apikeys.pepper").contains("missing"))
                .anySatisfy(m -> assertThat(m).contains("bulwark.apikeys.file"));
        r = TestConfig.load(Map.of("bulwark.apikeys.enabled", "true", "bulwark.apikeys.store", "JDBC",
                "bulwark.apikeys.pepper", KeyHasherTest.PEPPER));
        assertThat(r.problems()).extracting(ConfigProblem::message).singleElement().asString()
                .contains("bulwark.apikeys.jdbc.datasource");
        r = TestConfig.load(Map.of("bulwark.apikeys.enabled", "true", "bulwark.apikeys.file", "/k",
                "bulwark.apikeys.pepper", KeyHasherTest.PEPPER, "bulwark.apikeys.header", "off",
                "bulwark.apikeys.authorization-scheme", "off"));
        assertThat(r.problems()).extracting(ConfigProblem::message).singleElement().asString()
                .contains("bulwark.apikeys.header");
    }

    @Test
    void aShortPepperFailsNamingTheKeyNeverTheValue() {
        ConfigLoader.Result r = TestConfig.load(Map.of("bulwark.apikeys.enabled", "true",
                "bulwark.apikeys.file", "/k", "bulwark.apikeys.pepper", "hunter2-short"));
        assertThat(r.problems()).extracting(ConfigProblem::message).singleElement().asString()
                .contains("bulwark.apikeys.pepper").doesNotContain("hunter2");
        assertThat(TestConfig.load(Map.of("bulwark.apikeys.enabled", "true", "bulwark.apikeys.file", "/k",
                "bulwark.apikeys.pepper", KeyHasherTest.PEPPER)).config().apiKeys().toString())
                .doesNotContain(KeyHasherTest.PEPPER);
    }

    @Test
    void badPrefixesTablesAndSchemesAreRefused() {
        ConfigLoader.Result r = TestConfig.load(Map.of("bulwark.apikeys.prefix", "Bad_",
                "bulwark.apikeys.jdbc.table", "x; drop", "bulwark.apikeys.authorization-scheme", "Bearer",
                "bulwark.apikeys.cache-ttl", "1h"));
        assertThat(r.problems()).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("bulwark.apikeys.prefix"))
                .anySatisfy(m -> assertThat(m).contains("bulwark.apikeys.jdbc.table"))
                .anySatisfy(m -> assertThat(m).contains("bulwark.apikeys.authorization-scheme"))
                .anySatisfy(m -> assertThat(m).contains("bulwark.apikeys.cache-ttl"));
    }
}
