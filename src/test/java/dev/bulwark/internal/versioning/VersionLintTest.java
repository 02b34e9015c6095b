package dev.bulwark.internal.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.api.ObjectAccessPolicy;
import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.Public;
import dev.bulwark.api.RateLimit;
import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.TestModels;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weaker-old-version lint catches a planted regression, and leaves equal or stronger old versions alone. */
class VersionLintTest {

    @ApplicationPath("/api")
    public static class Api extends Application {
    }

    public static class Owners implements ObjectAccessPolicy {
        @Override
        public boolean permits(dev.bulwark.api.AccessRequest request) {
            return true;
        }
    }

    public record Note(String text) {
    }

    @Path("/v2/orders")
    @RolesAllowed("customer")
    public static class OrdersV2 {
        @GET
        @Path("/{id}")
        @RequiresScopes("orders:read")
        @OwnedBy(value = "id", policy = Owners.class)
        public String get(@PathParam("id") String id) {
            return id;
        }

        @GET
        public String list() {
            return "";
        }

        @POST
        @JsonBodyLimits(maxBytes = 4096)
        @RateLimit(rate = "10/1m")
        public String create(Note note) {
            return "";
        }
    }

    /** v1, as someone left it: the planted regressions. */
    @Path("/v1/orders")
    public static class OrdersV1 {
        @GET
        @Path("/{orderId}")
        @RolesAllowed("customer")
        public String get(@PathParam("orderId") String id) {
            return id;
        }

        @GET
        @Public
        public String list() {
            return "";
        }

        @POST
        @RolesAllowed("customer")
        @RateLimit(rate = "100/1m")
        public String create(Note note) {
            return "";
        }
    }

    /** v3 as strong as v2: no finding for v2. */
    @Path("/v3/orders")
    @RolesAllowed("customer")
    public static class OrdersV3 {
        @GET
        @Path("/{id}")
        @RequiresScopes("orders:read")
        @OwnedBy(value = "id", policy = Owners.class)
        public String get(@PathParam("id") String id) {
            return id;
        }

        @GET
        public String list() {
            return "";
        }
    }

    private static List<VersionLint.Finding> findings(Map<String, String> properties, Class<?>... resources) {
        BulwarkConfig config = TestConfig.load(properties).config();
        List<Class<?>> classes = new java.util.ArrayList<>(List.of(resources));
        classes.add(Api.class);
        return VersionLint.check(TestModels.resources(config, "", classes).policies(), config.versioning());
    }

    @Test
    void everyWeakerOldEndpointIsAFindingNamingBoth() {
        List<VersionLint.Finding> findings = findings(Map.of(), OrdersV1.class, OrdersV2.class);
        assertThat(findings).extracting(VersionLint.Finding::message).containsExactlyInAnyOrder(
                "GET /api/v1/orders/{orderId} (" + OrdersV1.class.getName() + "#get) is weaker than GET "
                        + "/api/v2/orders/{id} (" + OrdersV2.class.getName() + "#get): no scope orders:read where the"
                        + " successor requires it; no @OwnedBy where the successor has one",
                "GET /api/v1/orders (" + OrdersV1.class.getName() + "#list) is weaker than GET /api/v2/orders ("
                        + OrdersV2.class.getName() + "#list): public where the successor is protected",
                "POST /api/v1/orders (" + OrdersV1.class.getName() + "#create) is weaker than POST /api/v2/orders ("
                        + OrdersV2.class.getName() + "#create): body limit 1048576 bytes where the successor has "
                        + "4096; looser rate limit for anonymous callers (100/1m per ip where the successor has "
                        + "10/1m per ip)");
        assertThat(findings.get(0).inventoryLine()).startsWith("weaker than its successor ");
    }

    @Test
    void anEqualOrStrongerSuccessorChainIsClean() {
        assertThat(findings(Map.of(), OrdersV2.class, OrdersV3.class)).isEmpty();
        assertThat(findings(Map.of(), OrdersV2.class)).isEmpty();
    }

    @Test
    void theScheduledSuccessorIsTheOneCompared() {
        // v1's successor is v3 here: only get and list exist in v3
        List<VersionLint.Finding> findings = findings(Map.of("bulwark.versioning.versions", "v1, v3",
                "bulwark.versioning.versions.v1.successor", "v3"), OrdersV1.class, OrdersV2.class, OrdersV3.class);
        assertThat(findings).extracting(f -> f.successor().site().path())
                .containsOnly("/api/v3/orders/{id}", "/api/v3/orders");
        assertThat(findings).hasSize(2);
    }
}
