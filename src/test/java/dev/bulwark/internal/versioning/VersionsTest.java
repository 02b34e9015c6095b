package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.Public;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.TestModels;
import dev.bulwark.internal.headers.MapHeaders;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A deprecated version through every stage of its schedule, time moved by the clock. */
class VersionsTest {

    @ApplicationPath("/api")
    public static class Api extends Application {
    }

    @Path("/v1/orders")
    public static class OrdersV1 {
        @GET
        @Public
        public String list() {
            return "";
        }
    }

    @Path("/v2/orders")
    public static class OrdersV2 {
        @GET
        @Public
        public String list() {
            return "";
        }
    }

    static final Instant BEFORE = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant DEPRECATED = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant BROWN_OUT = Instant.parse("2027-03-01T10:30:00Z");
    static final Instant AFTER_SUNSET = Instant.parse("2027-06-01T00:00:00Z");
    private static final Function<String, Enumeration<String>> NO_HEADERS = name -> null;

    static Map<String, String> schedule() {
        Map<String, String> p = new HashMap<>();
        p.put("bulwark.versioning.versions", "v1, v2");
        p.put("bulwark.versioning.versions.v1.deprecated", "2026-06-01T00:00:00Z");
        p.put("bulwark.versioning.versions.v1.sunset", "2027-06-01T00:00:00Z");
        p.put("bulwark.versioning.versions.v1.successor", "v2");
        p.put("bulwark.versioning.versions.v1.link", "https://example.com/migrate");
        p.put("bulwark.versioning.versions.v1.brown-outs", "2027-03-01T10:00:00Z/2027-03-01T11:00:00Z");
        return p;
    }

    private static Versions versions(Map<String, String> properties, Instant now) {
        return versions(properties, now, Api.class, OrdersV1.class, OrdersV2.class);
    }

    static Versions versions(Map<String, String> properties, Instant now, Class<?>... classes) {
        BulwarkConfig config = TestConfig.load(properties).config();
        return Versions.of(config.versioning(), TestModels.resources(config, "/shop", List.of(classes)).policies(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A request's headers: name, value, name, value... (a name may come back: several lines). */
    static Function<String, Enumeration<String>> headers(String... nameValues) {
        return name -> {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nameValues.length; i += 2) {
                if (nameValues[i].equalsIgnoreCase(name)) {
                    values.add(nameValues[i + 1]);
                }
            }
            return Collections.enumeration(values);
        };
    }

    /** Writes the lifecycle headers as a servlet response would hold them (several values per name). */
    static MapHeaders write(Versions.Match match, MapHeaders headers) {
        Map<String, List<String>> extra = new HashMap<>();
        Versions.write(match, headers, (n, v) -> {
            extra.computeIfAbsent(n, k -> new ArrayList<>()).add(v);
            headers.set(n, headers.get(n) + ", " + v);
        }, n -> {
            List<String> all = new ArrayList<>();
            if (headers.contains(n)) {
                all.add(headers.get(n));
            }
            return all;
        });
        return headers;
    }

    private static MapHeaders written(Versions.Match match) {
        return write(match, new MapHeaders("Content-Type", "application/json"));
    }

    @Test
    void beforeItsDeprecationAVersionIsServedWithoutLifecycleHeaders() {
        Versions.Match m = versions(schedule(), BEFORE).match("/shop/api/v1/orders", NO_HEADERS);
        assertThat(m.stage()).isEqualTo(VersionSchedule.Stage.ACTIVE);
        assertThat(m.refused()).isFalse();
        MapHeaders h = written(m);
        assertThat(h.contains("Deprecation")).isFalse();
        assertThat(h.contains("Sunset")).isFalse();
    }

    @Test
    void whileDeprecatedEveryResponseCarriesDeprecationSunsetAndLinks() {
        Versions.Match m = versions(schedule(), DEPRECATED).match("/shop/api/v1/orders?page=2", NO_HEADERS);
        assertThat(m.refused()).isFalse();
        MapHeaders h = written(m);
        assertThat(h.get("Deprecation")).isEqualTo("@1780272000");
        assertThat(h.get("Sunset")).isEqualTo("Tue, 01 Jun 2027 00:00:00 GMT");
        assertThat(h.get("Link")).contains("rel=\"deprecation\"").contains("rel=\"sunset\"");
    }

    @Test
    void aBrownOutAnswers410NamingTheSuccessorWithTheHeaders() {
        Versions.Match m = versions(schedule(), BROWN_OUT).match("/shop/api/v1/orders", NO_HEADERS);
        assertThat(m.refused()).isTrue();
        assertThat(m.refusal().field()).isEqualTo("v1");
        assertThat(m.refusal().message()).contains("brown-out").contains("use v2");
        assertThat(written(m).get("Deprecation")).isEqualTo("@1780272000");
        // one minute after the window the version is served again
        Versions.Match after = versions(schedule(), Instant.parse("2027-03-01T11:00:00Z"))
                .match("/shop/api/v1/orders", NO_HEADERS);
        assertThat(after.refused()).isFalse();
    }

    @Test
    void afterTheSunsetItIsGoneUnlessConfiguredToKeepServing() {
        Versions.Match m = versions(schedule(), AFTER_SUNSET).match("/shop/api/v1/orders", NO_HEADERS);
        assertThat(m.refused()).isTrue();
        assertThat(m.refusal().message()).isEqualTo("retired on 2027-06-01T00:00:00Z; use v2");
        Map<String, String> serve = schedule();
        serve.put("bulwark.versioning.after-sunset", "serve");
        Versions.Match served = versions(serve, AFTER_SUNSET).match("/shop/api/v1/orders", NO_HEADERS);
        assertThat(served.refused()).isFalse();
        assertThat(written(served).get("Sunset")).isEqualTo("Tue, 01 Jun 2027 00:00:00 GMT");
    }

    @Test
    void theSuccessorAndOtherPathsAreUntouched() {
        Versions v = versions(schedule(), AFTER_SUNSET);
        assertThat(v.match("/shop/api/v2/orders", NO_HEADERS)).isNull();
        assertThat(v.match("/shop/api/v10/orders", NO_HEADERS)).isNull();
        assertThat(v.match("/shop/api/v1x/orders", NO_HEADERS)).isNull();
        assertThat(v.match("/shop/status", NO_HEADERS)).isNull();
        assertThat(v.match("/other/api/v1/orders", NO_HEADERS)).isNull();
        assertThat(v.prefixes()).containsExactly("/shop/api/v1");
    }

    @Test
    void spellingsOfTheSamePathCannotSlipPastASunset() {
        Versions v = versions(schedule(), AFTER_SUNSET);
        for (String uri : new String[] {"/shop/api/v1", "/shop/api/v1/", "/shop//api/v1/orders",
                "/shop/api/v1;x=y/orders", "/shop/api/%761/orders", "/shop/api/%76%31/orders", "/shop;a/api/v1"}) {
            assertThat(v.match(uri, NO_HEADERS)).as(uri).isNotNull().satisfies(m -> assertThat(m.refused()).isTrue());
        }
    }

    @Test
    void aVersionFromAHeaderOrAMediaTypeParameter() {
        Map<String, String> header = schedule();
        header.put("bulwark.versioning.source", "header");
        Versions byHeader = versions(header, DEPRECATED);
        assertThat(byHeader.match("/shop/api/orders", headers("Api-Version", "1")).version()).isEqualTo("v1");
        assertThat(byHeader.match("/shop/api/orders", headers("Api-Version", " V1 ")).version())
                .isEqualTo("v1");
        assertThat(byHeader.match("/shop/api/orders", headers("Api-Version", "2"))).isNull();
        assertThat(byHeader.match("/shop/api/v1/orders", NO_HEADERS)).isNull();

        Map<String, String> media = schedule();
        media.put("bulwark.versioning.source", "media-type");
        Versions byMedia = versions(media, BROWN_OUT);
        assertThat(byMedia.match("/x", headers("Accept", "application/json; charset=utf-8; version=1"))
                .refused()).isTrue();
        assertThat(byMedia.match("/x", headers("Accept", "text/plain, application/json;version=\"v1\"")))
                .isNotNull();
        assertThat(byMedia.match("/x", headers("Content-Type", "application/json;version=1"))).isNotNull();
        assertThat(byMedia.match("/x", headers("Accept", "application/json;q=0.5"))).isNull();
    }

    @Test
    void nothingToDoWithoutAScheduledVersion() {
        assertThat(versions(Map.of(), DEPRECATED)).isNull();
        assertThat(versions(Map.of("bulwark.versioning.versions", "v1"), DEPRECATED)).isNull();
    }

    @Test
    void theApplicationsOwnLinkHeaderIsKeptAndNothingIsWrittenTwice() {
        Versions.Match m = versions(schedule(), DEPRECATED).match("/shop/api/v1/orders", NO_HEADERS);
        MapHeaders h = new MapHeaders("Link", "</shop/api/v1/orders?page=2>; rel=\"next\"");
        write(m, h);
        write(m, h);
        assertThat(h.get("Link")).startsWith("</shop/api/v1/orders?page=2>; rel=\"next\", <https://example.com")
                .containsOnlyOnce("rel=\"deprecation\"");
        assertThat(h.get("Deprecation")).isEqualTo("@1780272000");
    }

    @Test
    void anApplicationsOwnDeprecationStillGetsSunsetAndLink() {
        Versions.Match m = versions(schedule(), DEPRECATED).match("/shop/api/v1/orders", NO_HEADERS);
        MapHeaders h = new MapHeaders("Deprecation", "@1700000000");
        write(m, h);
        write(m, h);
        assertThat(h.get("Deprecation")).isEqualTo("@1700000000");
        assertThat(h.get("Sunset")).isEqualTo("Tue, 01 Jun 2027 00:00:00 GMT");
        assertThat(h.get("Link")).containsOnlyOnce("rel=\"deprecation\"").containsOnlyOnce("rel=\"sunset\"");
        MapHeaders sunsetOnly = new MapHeaders("Sunset", "Wed, 01 Jan 2031 00:00:00 GMT");
        write(m, sunsetOnly);
        assertThat(sunsetOnly.get("Sunset")).isEqualTo("Wed, 01 Jan 2031 00:00:00 GMT");
        assertThat(sunsetOnly.get("Deprecation")).isEqualTo("@1780272000");
    }
}
