package dev.bulwark.internal.versioning;

import static dev.bulwark.internal.versioning.VersionsTest.headers;
import static dev.bulwark.internal.versioning.VersionsTest.versions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.Public;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.TestModels;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests that name a retired version in ways the first matcher missed: templates before the version segment,
 * several header values, media type lists with quoted parameters, names that are not {@code v} and digits.
 */
class VersionMatchingTest {

    private static final Instant RETIRED = Instant.parse("2027-07-01T00:00:00Z");

    @ApplicationPath("/api")
    public static class Api extends Application {
    }

    @ApplicationPath("/t/{tenant}")
    public static class TenantApi extends Application {
    }

    @Path("/{tenant}/v1/orders")
    public static class TenantOrders {
        @GET
        @Public
        public String list() {
            return "";
        }
    }

    @Path("/{region: [a-z]+}/v1/items")
    public static class RegionItems {
        @GET
        @Public
        public String list() {
            return "";
        }
    }

    @Path("/files/{path: .+}/v1/meta")
    public static class Files {
        @GET
        @Public
        public String meta() {
            return "";
        }
    }

    @Path("/v1/orders")
    public static class Orders {
        @GET
        @Public
        public String list() {
            return "";
        }
    }

    @Path("/{a: [a-z]+}/{b: .+}/v1/x")
    public static class TwoRegexes {
        @GET
        @Public
        public String x() {
            return "";
        }
    }

    private static Map<String, String> retiredV1() {
        Map<String, String> p = new HashMap<>();
        p.put("bulwark.versioning.versions", "v1");
        p.put("bulwark.versioning.versions.v1.sunset", "2027-06-01T00:00:00Z");
        return p;
    }

    private static boolean refused(Versions v, String uri) {
        Versions.Match m = v.match(uri, name -> null);
        return m != null && m.refused();
    }

    @Test
    void aTemplateBeforeTheVersionSegmentMatchesAnySegment() {
        Versions v = versions(retiredV1(), RETIRED, Api.class, TenantOrders.class, RegionItems.class, Files.class);
        assertThat(refused(v, "/shop/api/acme/v1/orders")).isTrue();
        assertThat(refused(v, "/shop/api/other-tenant;m=1/v1/orders?x=1")).isTrue();
        assertThat(refused(v, "/shop/api/acme/%761/orders")).isTrue();
        assertThat(refused(v, "/shop/api/eu/v1/items")).isTrue();
        // a regular expression may span slashes: any run of segments
        assertThat(refused(v, "/shop/api/files/a/b/c/v1/meta")).isTrue();
        assertThat(refused(v, "/shop/api/files/a/v1/meta")).isTrue();
        // legitimate neighbours are untouched
        assertThat(v.match("/shop/api/acme/v2/orders", name -> null)).isNull();
        assertThat(v.match("/shop/api/acme/orders", name -> null)).isNull();
        assertThat(v.match("/shop/api/files/a/b/meta", name -> null)).isNull();
        assertThat(v.prefixes()).contains("/shop/api/{tenant}/v1", "/shop/api/files/{path: .+}/v1");
    }

    @Test
    void aPathTwoVersionPrefixesHoldIsTheVersionThatStandsWorst() {
        Map<String, String> p = retiredV1();
        p.put("bulwark.versioning.versions", "v1, v2");
        p.put("bulwark.versioning.versions.v2.deprecated", "2027-01-01T00:00:00Z");
        Versions v = versions(p, RETIRED, Api.class, VersionsTest.OrdersV2.class, TenantOrders.class);
        assertThat(v.match("/shop/api/v2/v1/orders", name -> null).version()).isEqualTo("v1");
        assertThat(v.match("/shop/api/v2/orders", name -> null).version()).isEqualTo("v2");
    }

    @Test
    void aTemplateInTheApplicationPathMatchesAnySegment() {
        Versions v = versions(retiredV1(), RETIRED, TenantApi.class, Orders.class);
        assertThat(refused(v, "/shop/t/acme/v1/orders")).isTrue();
        assertThat(v.match("/shop/t/acme/v2/orders", name -> null)).isNull();
        assertThat(v.match("/shop/t/v1/orders", name -> null)).isNull(); // no tenant: not the endpoint's path
    }

    @Test
    void twoRegularExpressionsBeforeTheVersionFailTheDeploymentNamingTheEndpoint() {
        BulwarkConfig config = TestConfig.load(retiredV1()).config();
        List<String> problems = Versions.problems(config.versioning(), TestModels.resources(config, "/shop",
                List.of(Api.class, TwoRegexes.class, Orders.class)).policies());
        assertThat(problems).singleElement().satisfies(p -> assertThat(p)
                .contains("GET /shop/api/{a: [a-z]+}/{b: .+}/v1/x").contains("TwoRegexes"));
    }

    @Test
    void aListedVersionNoEndpointHasFailsTheDeploymentNamingTheKey() {
        Map<String, String> p = retiredV1();
        p.put("bulwark.versioning.versions", "v1, v7");
        BulwarkConfig config = TestConfig.load(p).config();
        List<String> problems = Versions.problems(config.versioning(), TestModels.resources(config, "/shop",
                List.of(Api.class, Orders.class)).policies());
        assertThat(problems).singleElement().satisfies(m -> assertThat(m)
                .startsWith("bulwark.versioning.versions lists 'v7'"));
        assertThat(Versions.problems(TestConfig.load(retiredV1()).config().versioning(), TestModels.resources(
                config, "/shop", List.of(Api.class, Orders.class)).policies())).isEmpty();
    }

    private static Map<String, String> source(String source, String names, String retired) {
        Map<String, String> p = new HashMap<>();
        p.put("bulwark.versioning.source", source);
        p.put("bulwark.versioning.versions", names);
        p.put("bulwark.versioning.versions." + retired + ".sunset", "2027-06-01T00:00:00Z");
        return p;
    }

    @Test
    void headerNamesCompareAsConfigured() {
        Versions dated = versions(source("header", "2026-01, 2026-06", "2026-01"), RETIRED, Api.class);
        assertThat(dated.match("/x", headers("Api-Version", "2026-01")).refused()).isTrue();
        assertThat(dated.match("/x", headers("Api-Version", "\"2026-01\"")).refused()).isTrue();
        assertThat(dated.match("/x", headers("Api-Version", "v2026-01")).refused()).isTrue(); // the v spelling
        assertThat(dated.match("/x", headers("Api-Version", "2026-06"))).isNull();
        Versions numbered = versions(source("header", "v1, v2", "v1"), RETIRED, Api.class);
        assertThat(numbered.match("/x", headers("Api-Version", "1")).version()).isEqualTo("v1");
        assertThat(numbered.match("/x", headers("Api-Version", "V1")).version()).isEqualTo("v1");
        assertThat(numbered.match("/x", headers("Api-Version", "1.0"))).isNull(); // compared exactly
        assertThat(numbered.match("/x", headers("Api-Version", "vv1"))).isNull();
        assertThat(numbered.match("/x", headers("Api-Version", ""))).isNull();
    }

    @Test
    void everyHeaderValueCountsAndTheWorstVersionWins() {
        Map<String, String> p = source("header", "v1, v2", "v1");
        p.put("bulwark.versioning.versions.v2.deprecated", "2027-01-01T00:00:00Z");
        Versions v = versions(p, RETIRED, Api.class);
        assertThat(v.match("/x", headers("Api-Version", "2", "Api-Version", "1")).version()).isEqualTo("v1");
        assertThat(v.match("/x", headers("Api-Version", "2, 1")).refused()).isTrue();
        assertThat(v.match("/x", headers("Api-Version", "2")).refused()).isFalse();
    }

    @Test
    void mediaTypeListsAreParsedPerRfc9110() {
        Map<String, String> p = source("media-type", "v1, v2", "v1");
        p.put("bulwark.versioning.versions.v2.deprecated", "2027-01-01T00:00:00Z");
        Versions v = versions(p, RETIRED, Api.class);
        // a quoted parameter holding ';version=2' is one value; the media range's own version is 1
        assertThat(v.match("/x", headers("Accept", "application/json; profile=\"urn:x;version=2\"; version=1"))
                .version()).isEqualTo("v1");
        assertThat(v.match("/x", headers("Accept", "application/json; profile=\"urn:x,version=1\"; version=2"))
                .version()).isEqualTo("v2");
        assertThat(v.match("/x", headers("Accept", "application/json;version=\"v\\1\""))
                .version()).isEqualTo("v1");
        // any media range naming the retired version refuses, whatever its weight or position
        assertThat(v.match("/x", headers("Accept", "application/json;version=2;q=1, application/json;version=1;q=0.1"))
                .refused()).isTrue();
        assertThat(v.match("/x", headers("Accept", "application/json;version=2", "Accept",
                "application/json;version=1")).refused()).isTrue();
        assertThat(v.match("/x", headers("Accept", "application/json;version=2", "Content-Type",
                "application/json;version=1")).refused()).isTrue();
        // legitimate clients of the successor
        assertThat(v.match("/x", headers("Accept", "application/json;version=2, text/plain;q=0.5")).refused())
                .isFalse();
        assertThat(v.match("/x", headers("Accept", "application/json; VERSION=\"2\"")).version()).isEqualTo("v2");
        assertThat(v.match("/x", headers("Accept", "application/json;version=1.0"))).isNull(); // exact
        assertThat(v.match("/x", headers("Accept", "*/*"))).isNull();
    }

    @Test
    void theParameterParserHandlesMalformedInputWithoutFailing() {
        List<String> seen = new ArrayList<>();
        Versions.parameters("a/b;version=\"unterminated", "version", seen::add);
        Versions.parameters(";;=;version;version=;\"x\";version=3", "version", seen::add);
        assertThat(seen).containsExactly("unterminated", "", "3");
    }
}
