package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersioningKeysTest {

    private static Map<String, String> schedule() {
        Map<String, String> p = new HashMap<>(VersionsTest.schedule());
        p.put("bulwark.versioning.versions.v1.sunset", "2027-06-01");
        p.put("bulwark.versioning.versions.v1.brown-outs",
                "2027-03-01T10:00:00Z/2027-03-01T11:00:00Z, 2027-04-01T10:00:00+02:00/2027-04-01T12:00:00+02:00");
        return p;
    }

    @Test
    void aScheduleIsReadPerListedVersion() {
        ConfigLoader.Result result = TestConfig.load(schedule());
        assertThat(result.problems()).isEmpty();
        VersionSchedule v1 = result.config().versioning().schedule().get("v1");
        assertThat(v1.deprecated()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(v1.sunset()).isEqualTo(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(v1.successor()).isEqualTo("v2");
        assertThat(v1.brownOuts()).hasSize(2);
        assertThat(v1.brownOuts().get(1).start()).isEqualTo(Instant.parse("2027-04-01T08:00:00Z"));
        assertThat(result.config().versioning().schedule().get("v2").scheduled()).isFalse();
    }

    @Test
    void theHeaderValuesFollowTheRfcs() {
        VersionSchedule v1 = TestConfig.load(schedule()).config().versioning().schedule().get("v1");
        assertThat(v1.deprecationHeader()).isEqualTo("@1780272000");
        assertThat(v1.sunsetHeader()).isEqualTo("Tue, 01 Jun 2027 00:00:00 GMT");
        assertThat(v1.linkHeader()).isEqualTo("<https://example.com/migrate>; rel=\"deprecation\"; type=\"text/html\", "
                + "<https://example.com/migrate>; rel=\"sunset\"; type=\"text/html\"");
    }

    @Test
    void noScheduleByDefault() {
        VersioningSettings s = TestConfig.load(Map.of()).config().versioning();
        assertThat(s.schedule()).isEmpty();
        assertThat(s.fromPath()).isTrue();
        assertThat(s.endpointPath()).isEqualTo("/bulwark/versions");
    }

    @Test
    void aSunsetBeforeTheDeprecationFailsNamingTheKey() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.sunset", "2026-01-01T00:00:00Z");
        p.remove("bulwark.versioning.versions.v1.brown-outs");
        assertThat(problems(p)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions.v1.sunset");
            assertThat(c.problem()).contains("not after the deprecation");
        });
    }

    @Test
    void aSuccessorThatIsNotListedFails() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.successor", "v3");
        assertThat(problems(p)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions.v1.successor");
            assertThat(c.problem()).contains("'v3' is not listed");
        });
        p.put("bulwark.versioning.versions.v1.successor", "v1");
        assertThat(problems(p)).singleElement().satisfies(c -> assertThat(c.problem()).contains("itself"));
    }

    @Test
    void aBrownOutAfterTheSunsetOrWithoutOneFails() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.brown-outs", "2027-07-01T10:00:00Z/2027-07-01T11:00:00Z");
        assertThat(problems(p)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions.v1.brown-outs");
            assertThat(c.problem()).contains("ends after the sunset");
        });
        p.remove("bulwark.versioning.versions.v1.sunset");
        p.put("bulwark.versioning.versions.v1.brown-outs", "2026-07-01T10:00:00Z/2026-07-01T11:00:00Z");
        assertThat(problems(p)).singleElement().satisfies(c -> assertThat(c.problem()).contains("need a sunset"));
        p.put("bulwark.versioning.versions.v1.sunset", "2027-06-01");
        p.put("bulwark.versioning.versions.v1.brown-outs", "2026-07-01T11:00:00Z/2026-07-01T10:00:00Z");
        assertThat(problems(p)).singleElement().satisfies(c -> assertThat(c.problem()).contains("ends before"));
    }

    @Test
    void datesAndLinksThatDoNotParseFailNamingTheKey() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.deprecated", "June 1st");
        p.put("bulwark.versioning.versions.v1.link", "javascript:alert(1)");
        assertThat(problems(p)).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "bulwark.versioning.versions.v1.deprecated", "bulwark.versioning.versions.v1.link");
        p = schedule();
        p.put("bulwark.versioning.versions", "v1, V2");
        assertThat(problems(p)).extracting(ConfigProblem::key).contains("bulwark.versioning.versions");
    }

    @Test
    void aMisspeltOrUnlistedVersionKeyIsNeverSilentlyIgnored() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.sunst", "2027-06-01");
        p.put("bulwark.versioning.versions.v3.sunset", "2027-06-01");
        List<ConfigProblem> problems = problems(p);
        assertThat(problems).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "bulwark.versioning.versions.v1.sunst", "bulwark.versioning.versions.v3.sunset");
        assertThat(problems.get(0).acceptedForm() + problems.get(1).acceptedForm())
                .contains("bulwark.versioning.versions.v1.sunset");
    }

    @Test
    void withPathVersionsANameNoPathCanHoldFailsNamingTheKey() {
        for (String name : new String[] {"1", "version1", "api-v1", "2026-01"}) {
            Map<String, String> p = new HashMap<>();
            p.put("bulwark.versioning.versions", name + ", v2");
            assertThat(problems(p)).as(name).singleElement().satisfies(c -> {
                assertThat(c.key()).isEqualTo("bulwark.versioning.versions");
                assertThat(c.problem()).contains("'" + name + "'").contains("no path can name");
            });
            p.put("bulwark.versioning.source", "header");
            assertThat(problems(p)).as(name + " from a header").isEmpty();
        }
    }

    @Test
    void twoSpellingsOfOneVersionFail() {
        Map<String, String> p = new HashMap<>();
        p.put("bulwark.versioning.source", "header");
        p.put("bulwark.versioning.versions", "v2, 2");
        assertThat(problems(p)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions");
            assertThat(c.problem()).contains("cannot tell apart");
        });
    }

    @Test
    void aBrownOutBeforeTheDeprecationFails() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.brown-outs", "2026-05-01T10:00:00Z/2026-05-01T11:00:00Z");
        assertThat(problems(p)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions.v1.brown-outs");
            assertThat(c.problem()).contains("starts before the deprecation");
        });
    }

    @Test
    void successorsMustBeNewerAndNeverGoRoundInACircle() {
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v2.successor", "v1");
        assertThat(problems(p)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions.v2.successor");
            assertThat(c.problem()).contains("not newer");
        });
        Map<String, String> dated = new HashMap<>();
        dated.put("bulwark.versioning.source", "header");
        dated.put("bulwark.versioning.versions", "a, b");
        dated.put("bulwark.versioning.versions.a.successor", "b");
        dated.put("bulwark.versioning.versions.b.successor", "a");
        assertThat(problems(dated)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("bulwark.versioning.versions.a.successor");
            assertThat(c.problem()).contains("circle: a -> b -> a");
        });
        dated.remove("bulwark.versioning.versions.b.successor");
        dated.put("bulwark.versioning.versions.a.sunset", "2027-06-01");
        dated.put("bulwark.versioning.versions.b.sunset", "2027-01-01");
        assertThat(problems(dated)).singleElement().satisfies(c -> assertThat(c.problem())
                .contains("'b' is not newer than a: its sunset"));
        dated.put("bulwark.versioning.versions.b.sunset", "2028-01-01");
        assertThat(problems(dated)).isEmpty();
    }

    @Test
    void aYearAnHttpDateCannotHoldFailsNamingTheKey() {
        for (String date : new String[] {"+10000-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00", "0000-06-01",
                "-0001-01-01T00:00:00Z"}) {
            Map<String, String> p = schedule();
            p.put("bulwark.versioning.versions.v1.sunset", date);
            p.remove("bulwark.versioning.versions.v1.brown-outs");
            assertThat(problems(p)).as(date).extracting(ConfigProblem::key)
                    .contains("bulwark.versioning.versions.v1.sunset");
        }
        Map<String, String> p = schedule();
        p.put("bulwark.versioning.versions.v1.sunset", "9999-12-31T23:59:59Z");
        assertThat(TestConfig.load(p).config().versioning().schedule().get("v1").sunsetHeader())
                .isEqualTo("Fri, 31 Dec 9999 23:59:59 GMT");
    }

    private static List<ConfigProblem> problems(Map<String, String> p) {
        return TestConfig.load(p).problems();
    }
}
