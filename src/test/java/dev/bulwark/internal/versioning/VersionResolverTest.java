package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.Public;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.TestModels;
import dev.bulwark.internal.inventory.Endpoint;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionResolverTest {

    @ApplicationPath("/api/v3")
    public static class V3 extends Application {
        @Override
        public java.util.Set<Class<?>> getClasses() {
            return java.util.Set.of(Things.class);
        }
    }

    @ApplicationPath("/api")
    public static class Plain extends Application {
        @Override
        public java.util.Set<Class<?>> getClasses() {
            return java.util.Set.of(Things.class, Versioned.class);
        }
    }

    @Path("/things")
    public static class Things {
        @GET
        @Public
        public String list() {
            return "";
        }
    }

    @Path("/v2")
    public static class Versioned {
        @GET
        @Path("/things/v1")
        @Public
        public String list() {
            return "";
        }
    }

    private static List<Endpoint> inventory(Map<String, String> properties) {
        BulwarkConfig config = TestConfig.load(properties).config();
        return TestModels.resources(config, "/shop", List.of(V3.class, Plain.class, Things.class, Versioned.class))
                .policies().stream().map(Endpoint::of).toList();
    }

    @Test
    void theVersionComesFromTheApplicationPathOrTheResourcePathAndTheInventoryShowsIt() {
        List<Endpoint> endpoints = inventory(Map.of("bulwark.versioning.versions", "v2",
                "bulwark.versioning.versions.v2.deprecated", "2026-06-01"));
        assertThat(endpoints).filteredOn(e -> e.path().equals("/shop/api/v3/things")).singleElement()
                .satisfies(e -> assertThat(e.policies()).containsEntry("version", "v3"));
        assertThat(endpoints).filteredOn(e -> e.path().equals("/shop/api/v2/things/v1")).singleElement()
                .satisfies(e -> assertThat(e.policies()).containsEntry("version",
                        "v2 (deprecated 2026-06-01T00:00:00Z)"));
    }

    @Test
    void anUnversionedEndpointIsAFindingOnceTheDeploymentUsesVersions() {
        assertThat(inventory(Map.of())).filteredOn(e -> e.path().equals("/shop/api/things")).singleElement()
                .satisfies(e -> {
                    assertThat(e.policies()).doesNotContainKey("version");
                    assertThat(e.findings()).isEmpty();
                });
        for (Map<String, String> p : List.of(Map.of("bulwark.versioning.versions", "v2"),
                Map.of("bulwark.versioning.strict", "true"))) {
            assertThat(inventory(p)).filteredOn(e -> e.path().equals("/shop/api/things")).singleElement()
                    .satisfies(e -> assertThat(e.findings()).containsExactly(ApiVersion.UNVERSIONED));
        }
    }

    @Test
    void withHeaderVersionsEndpointsHaveNoVersionPart() {
        assertThat(inventory(Map.of("bulwark.versioning.source", "header", "bulwark.versioning.versions", "v2")))
                .allSatisfy(e -> assertThat(e.policies()).doesNotContainKey("version"));
    }

    @Test
    void versionSegments() {
        assertThat(VersionResolver.isVersionSegment("v1")).isTrue();
        assertThat(VersionResolver.isVersionSegment("v10")).isTrue();
        assertThat(VersionResolver.isVersionSegment("v")).isFalse();
        assertThat(VersionResolver.isVersionSegment("V1")).isFalse();
        assertThat(VersionResolver.isVersionSegment("v1beta")).isFalse();
        assertThat(VersionResolver.isVersionSegment("{v1}")).isFalse();
    }
}
