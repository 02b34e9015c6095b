package dev.bulwark.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.testkit.engine.Access;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.ApiModel;
import dev.bulwark.testkit.engine.Identity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiModelTest {

    private static final String INVENTORY = """
            {"count":3,"endpoints":[
             {"method":"GET","path":"/shop/api/orders/{id: [0-9]+}","consumes":[],"produces":["application/json"],
              "access":"roles(admin,customer) owner(path id by OrderAccess)","policies":{},"handler":"a.B#get","findings":[]},
             {"method":"POST","path":"/shop/api/orders","consumes":["application/json"],"produces":[],
              "access":"roles(customer) scopes(all: orders:write; any: a|b)","policies":{},"handler":"a.B#create","findings":[]},
             {"method":"GET","path":"/shop/api/status","consumes":[],"produces":[],"access":"public","policies":{},
              "handler":"a.S#status","findings":[]}],"beans":[]}
            """;

    private static final String OPENAPI = """
            {"openapi":"3.0.3","servers":[{"url":"https://localhost:9443/shop"}],
             "paths":{"/api/orders/{orderId}":{"get":{"parameters":[{"name":"orderId","in":"path","required":true,
               "schema":{"type":"integer"}}],"responses":{"200":{"content":{"application/json":{"schema":
               {"$ref":"#/components/schemas/Order"}}}}},"security":[{"bearer":["orders:read"]}]}},
              "/api/extra":{"get":{"parameters":[{"name":"q","in":"query","schema":{"type":"string"}}],
               "responses":{"200":{"description":"ok"}},"security":[]}}},
             "components":{"schemas":{"Order":{"type":"object","properties":{"id":{"type":"integer"}}}}}}
            """;

    @Test
    void inventoryAccessRulesAreRead() {
        ApiModel model = ApiModel.fromInventory(INVENTORY);
        assertThat(model.endpoints()).extracting(ApiEndpoint::subject).containsExactly(
                "GET /shop/api/orders/{id: [0-9]+}", "POST /shop/api/orders", "GET /shop/api/status");
        ApiEndpoint get = model.endpoints().get(0);
        assertThat(get.access().roles()).containsExactlyInAnyOrder("admin", "customer");
        assertThat(get.access().owned()).isTrue();
        assertThat(get.pathVariables()).containsExactly("id");
        assertThat(get.expand(v -> "7")).isEqualTo("/shop/api/orders/7");
        Access create = model.endpoints().get(1).access();
        assertThat(create.allScopes()).containsExactly("orders:write");
        assertThat(create.anyScopes()).containsExactlyInAnyOrder("a", "b");
        assertThat(model.endpoints().get(2).access().isPublic()).isTrue();
        assertThat(model.endpoints().get(1).takesJson()).isTrue();
    }

    @Test
    void accessAdmitsByRoleAndScopes() {
        Access create = Access.parse("roles(customer) scopes(all: orders:write)");
        assertThat(create.admits(new Identity("u", "t", Set.of("customer"), Set.of("orders:write")))).isTrue();
        assertThat(create.admits(new Identity("u", "t", Set.of("customer"), Set.of()))).isFalse();
        assertThat(create.admits(new Identity("u", "t", Set.of("admin"), Set.of("orders:write")))).isFalse();
        assertThat(create.admits(Identity.ANONYMOUS)).isFalse();
        assertThat(Access.parse("NONE: denied by default").denyAll()).isTrue();
    }

    @Test
    void documentIsMergedIntoTheInventoryByOperation() {
        ApiModel merged = ApiModel.merge(ApiModel.fromInventory(INVENTORY), ApiModel.fromOpenApi(OPENAPI, null));
        ApiEndpoint get = merged.endpoints().get(0);
        assertThat(get.access().roles()).contains("customer");
        assertThat(get.access().allScopes()).containsExactly("orders:read");
        assertThat(merged.resolve(get.responseSchema()).getJsonObject("properties").keySet()).containsExactly("id");
        assertThat(merged.endpoints()).extracting(ApiEndpoint::subject).contains("GET /shop/api/extra");
        ApiEndpoint extra = merged.endpoints().stream().filter(e -> e.path().endsWith("extra")).findFirst().orElseThrow();
        assertThat(extra.access().isPublic()).isTrue();
        assertThat(extra.query()).extracting(p -> p.name()).containsExactly("q");
        assertThat(merged.only(List.of("/shop/api/orders")).endpoints()).hasSize(2);
    }

    @Test
    void identityReadsRolesAndScopesFromTheTokenPayload() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"alice\",\"groups\":[\"customer\"],\"scope\":\"orders:read orders:write\"}".getBytes());
        Identity alice = Identity.of("user1", "e30." + payload + ".sig");
        assertThat(alice.roles()).containsExactly("customer");
        assertThat(alice.scopes()).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(alice.subject()).isEqualTo("alice");
        assertThat(Identity.of("user1", "opaque-token").roles()).isEmpty();
    }

    @Test
    void aPathItemsOwnServersGiveItsPrefix() {
        // Liberty merging several applications' documents: each path item carries its application's server.
        ApiModel model = ApiModel.fromOpenApi("""
                {"openapi":"3.0.3","servers":[{"url":"https://h:9443"}],"paths":{
                 "/api/orders":{"servers":[{"url":"https://h:9443/shop"},{"url":"https://h:9443/shop-eu/"}],
                  "get":{"responses":{}}},
                 "/api/users":{"get":{"servers":[{"url":"https://h:9443/admin/"}],"responses":{}}},
                 "/status":{"get":{"responses":{}}}}}""", null);
        assertThat(model.endpoints()).extracting(ApiEndpoint::subject)
                .containsExactly("GET /shop/api/orders", "GET /shop-eu/api/orders", "GET /admin/api/users",
                        "GET /status");
    }
}
