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

    public record Item(String name, int quantity) {
    }

    /** v5: any-of scopes, every JSON limit and a schema. */
    @Path("/v5/items")
    public static class ItemsV5 {
        @GET
        @RequiresScopes(anyOf = {"items:read"})
        public String list() {
            return "";
        }

        @POST
        @RolesAllowed("customer")
        @JsonBodyLimits(maxDepth = 4, maxArrayLength = 10, maxObjectEntries = 10, maxStringLength = 100)
        @dev.bulwark.api.JsonSchema("schemas/item.json")
        public String create(Item item) {
            return "";
        }
    }

    /** v4 admits the profile scope, has the default JSON limits and no schema. */
    @Path("/v4/items")
    public static class ItemsV4 {
        @GET
        @RequiresScopes(anyOf = {"items:read", "profile"})
        public String list() {
            return "";
        }

        @POST
        @RolesAllowed("customer")
        public String create(Item item) {
            return "";
        }
    }

    /** v4 as strong as v5 in other spellings: one of the any-of scopes required outright, a narrower any-of. */
    @Path("/v4/items")
    public static class ItemsV4Strong {
        @GET
        @RequiresScopes({"items:read"})
        public String list() {
            return "";
        }

        @POST
        @RolesAllowed("customer")
        @JsonBodyLimits(maxDepth = 3, maxArrayLength = 10, maxObjectEntries = 5, maxStringLength = 100)
        @dev.bulwark.api.JsonSchema("schemas/item.json")
        public String create(Item item) {
            return "";
        }
    }

    /** v6 has only the list: v4's create is compared with v5's, the nearest later version that has it. */
    @Path("/v6/items")
    public static class ItemsV6 {
        @GET
        @RequiresScopes(anyOf = {"items:read"})
        public String list() {
            return "";
        }
    }

    @Test
    void anyOfScopesEveryJsonLimitAndTheSchemaAreCompared() {
        List<VersionLint.Finding> findings = findings(Map.of(), ItemsV4.class, ItemsV5.class);
        assertThat(findings).extracting(f -> f.older().site().httpMethod() + " " + String.join("; ", f.weaker()))
                .containsExactlyInAnyOrder(
                        "GET scopes any of (items:read, profile) admit profile where the successor requires one of "
                                + "(items:read)",
                        "POST JSON depth limit 32 where the successor has 4; JSON array length limit 10000 where the"
                                + " successor has 10; JSON object entries limit 1000 where the successor has 10; JSON "
                                + "string length limit 1048576 where the successor has 100; no @JsonSchema where the "
                                + "successor has schemas/item.json");
        assertThat(findings(Map.of(), ItemsV4Strong.class, ItemsV5.class)).isEmpty();
    }

    @Test
    void whenTheNextVersionLacksTheEndpointTheNearestLaterOneIsCompared() {
        List<VersionLint.Finding> findings = findings(Map.of(), ItemsV4.class, ItemsV5.class, ItemsV6.class);
        assertThat(findings).extracting(f -> f.older().site().httpMethod() + " " + f.successor().site().path())
                .containsExactlyInAnyOrder("GET /api/v5/items", "POST /api/v5/items");
        // v4 scheduled straight to v6: v6 lacks create and nothing comes after v6, so only the list is compared
        List<VersionLint.Finding> skipping = findings(Map.of("bulwark.versioning.versions", "v4, v6",
                "bulwark.versioning.versions.v4.successor", "v6"), ItemsV4.class, ItemsV6.class);
        assertThat(skipping).extracting(f -> f.older().site().httpMethod() + " " + f.successor().site().path())
                .containsExactly("GET /api/v6/items");
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
