package dev.bulwark.internal.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.TestModels;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Constructible;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.junit.jupiter.api.Test;

/**
 * The security written into a document made of the OpenAPI model interfaces: each object a map of what was set on it
 * ({@code setX} / {@code getX}, {@code addX(name, value)} into the map {@code X} of maps, {@code addX(value)} into the
 * list {@code X}).
 */
class SecurityDocumentTest {

    @ApplicationPath("/api")
    public static class Shop extends Application {
    }

    @Path("/orders")
    public static class Orders {
        @GET
        @PermitAll
        public String list() {
            return "[]";
        }

        @POST
        @RolesAllowed("clerk")
        @RequiresScopes(value = "orders:write", anyOf = {"shop:eu", "shop:us"})
        public String create(String body) {
            return body;
        }

        @GET
        @Path("/{id: [0-9]+}")
        @RolesAllowed({"clerk", "customer"})
        @OwnedBy(value = "id", policy = Owners.class)
        public String one(@PathParam("id") String id) {
            return id;
        }

        @GET
        @Path("/internal")
        @DenyAll
        public String internal() {
            return "";
        }
    }

    /** Who owns an order, for the test's {@code @OwnedBy}. */
    public static class Owners implements dev.bulwark.api.ObjectAccessPolicy {
        @Override
        public boolean permits(dev.bulwark.api.AccessRequest request) {
            return false;
        }
    }

    /** The model objects: maps behind the interfaces. */
    static final class Models implements SecurityDocument.Factory {
        final Map<Object, Map<String, Object>> states = new HashMap<>();

        @Override
        public <T extends Constructible> T create(Class<T> type) {
            return make(type, new LinkedHashMap<>());
        }

        @SuppressWarnings("unchecked")
        <T> T make(Class<T> type, Map<String, Object> state) {
            Object[] self = new Object[1];
            self[0] = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                if (name.equals("toString")) {
                    return type.getSimpleName() + state;
                }
                if (name.startsWith("set")) {
                    state.put(name.substring(3), args[0]);
                    return null;
                }
                if (name.startsWith("get") && (args == null || args.length == 0)) {
                    return state.get(name.substring(3));
                }
                if (name.startsWith("add") && args != null && args.length == 2) {
                    String key = name.equals("addExtension") ? "Extensions" : plural(name.substring(3));
                    ((Map<Object, Object>) state.computeIfAbsent(key, k -> new LinkedHashMap<>()))
                            .put(args[0], args[1]);
                    return proxy;
                }
                if (name.startsWith("add") && args != null && args.length == 1) {
                    ((List<Object>) state.computeIfAbsent(plural(name.substring(3)), k -> new ArrayList<>()))
                            .add(args[0]);
                    return proxy;
                }
                if (method.isDefault()) {
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw new UnsupportedOperationException(type.getSimpleName() + "." + name);
            });
            states.put(self[0], state);
            return (T) self[0];
        }

        private static String plural(String thing) {
            return switch (thing) {
                case "APIResponse" -> "APIResponses";
                case "Property" -> "Properties";
                case "MediaType" -> "MediaTypes";
                default -> thing + "s";
            };
        }
    }

    private final Models models = new Models();

    private Operation operation(Map<String, PathItem> items, String path, PathItem.HttpMethod method) {
        PathItem item = items.computeIfAbsent(path, p -> models.make(PathItem.class,
                new LinkedHashMap<>(Map.of("Operations", new LinkedHashMap<PathItem.HttpMethod, Operation>()))));
        Operation op = models.create(Operation.class);
        item.getOperations().put(method, op);
        return op;
    }

    private OpenAPI document(Map<String, PathItem> items, String... servers) {
        Paths paths = models.make(Paths.class, new LinkedHashMap<>(Map.of("PathItems", items)));
        OpenAPI doc = models.create(OpenAPI.class);
        doc.setPaths(paths);
        List<Server> list = new ArrayList<>();
        for (String url : servers) {
            Server s = models.create(Server.class);
            s.setUrl(url);
            list.add(s);
        }
        doc.setServers(list);
        return doc;
    }

    private SecurityDocument writer(Map<String, String> config, String apiKeyHeader) {
        var model = TestModels.resources("/shop", List.of(Shop.class, Orders.class));
        return new SecurityDocument(TestConfig.load(config).config().settings(OpenApiKeys.CONCERN),
                new OperationIndex(model.policies()), apiKeyHeader, models);
    }

    @SuppressWarnings("unchecked")
    private static <T> T extension(Operation op, String name) {
        return (T) op.getExtensions().get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachOperationTellsWhoMayCallItAndWhatBulwarkCanAnswer() {
        Map<String, PathItem> items = new LinkedHashMap<>();
        Operation list = operation(items, "/api/orders", PathItem.HttpMethod.GET);
        Operation create = operation(items, "/api/orders", PathItem.HttpMethod.POST);
        Operation one = operation(items, "/api/orders/{orderId}", PathItem.HttpMethod.GET);
        Operation internal = operation(items, "/api/orders/internal", PathItem.HttpMethod.GET);
        OpenAPI doc = document(items, "http://shop.example:9080/shop", "https://shop.example:9443/shop");

        writer(Map.of(), "X-API-Key").write(doc);

        assertThat(list.getSecurity()).isEmpty(); // public: no credential
        assertThat(list.getResponses().getAPIResponses()).containsOnlyKeys("400", "429", "500");
        assertThat((Map<String, Object>) extension(list, "x-bulwark-access")).containsEntry("access", "public");

        // two alternatives of the bearer scheme (one per any-of scope: scopes are not listed on an HTTP bearer
        // scheme in OpenAPI 3.0), then the API key
        assertThat(create.getSecurity()).hasSize(3);
        assertThat(create.getSecurity().get(0).getSchemes()).containsEntry("bulwark-bearer", List.of());
        assertThat(create.getSecurity().get(2).getSchemes()).containsEntry("bulwark-api-key", List.of());
        assertThat(create.getResponses().getAPIResponses()).containsOnlyKeys("400", "401", "403", "413", "415",
                "429", "500");
        assertThat((Map<String, Object>) extension(create, "x-bulwark-access"))
                .containsEntry("access", "authenticated").containsEntry("roles", List.of("clerk"))
                .containsEntry("scopes", List.of("orders:write"))
                .containsEntry("anyOfScopes", List.of("shop:eu", "shop:us"));

        // a path parameter's name and pattern do not matter; the ownership check answers 404
        assertThat(one.getResponses().getAPIResponses()).containsKeys("401", "403", "404").doesNotContainKey("413");
        assertThat((Map<String, Object>) extension(one, "x-bulwark-access"))
                .containsEntry("roles", List.of("clerk", "customer")).containsKey("objectLevel");

        assertThat((Map<String, Object>) extension(internal, "x-bulwark-access")).containsEntry("access", "denied");

        APIResponse tooMany = create.getResponses().getAPIResponse("429");
        assertThat(tooMany.getRef()).isEqualTo("#/components/responses/BulwarkTooManyRequests");
        Components components = doc.getComponents();
        assertThat(components.getResponses()).containsKeys("BulwarkBadRequest", "BulwarkUnauthorized",
                "BulwarkForbidden", "BulwarkNotFound", "BulwarkContentTooLarge", "BulwarkUnsupportedMediaType",
                "BulwarkTooManyRequests", "BulwarkInternalServerError");
        assertThat(components.getResponses().get("BulwarkTooManyRequests").getHeaders())
                .containsKeys("Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(components.getResponses().get("BulwarkTooManyRequests").getContent().getMediaTypes())
                .containsKey("application/problem+json");
        assertThat(components.getSchemas()).containsKey("BulwarkProblem");
        SecurityScheme bearer = components.getSecuritySchemes().get("bulwark-bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        SecurityScheme key = components.getSecuritySchemes().get("bulwark-api-key");
        assertThat(key.getIn()).isEqualTo(SecurityScheme.In.HEADER);
        assertThat(key.getName()).isEqualTo("X-API-Key");

        assertThat(doc.getServers()).extracting(Server::getUrl).containsExactly("https://shop.example:9443/shop");
    }

    @Test
    void withAnOpenIdConnectProviderTheScopesAreListedPerOperation() {
        Map<String, PathItem> items = new LinkedHashMap<>();
        Operation create = operation(items, "/api/orders", PathItem.HttpMethod.POST);
        OpenAPI doc = document(items);

        writer(Map.of("bulwark.openapi.openid-connect-url",
                "https://idp.example/realms/shop/.well-known/openid-configuration"), null).write(doc);

        assertThat(create.getSecurity()).extracting(SecurityRequirement::getSchemes).containsExactly(
                Map.of("bulwark-bearer", List.of("orders:write", "shop:eu")),
                Map.of("bulwark-bearer", List.of("orders:write", "shop:us")));
        SecurityScheme bearer = doc.getComponents().getSecuritySchemes().get("bulwark-bearer");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.OPENIDCONNECT);
        assertThat(bearer.getOpenIdConnectUrl()).isEqualTo(
                "https://idp.example/realms/shop/.well-known/openid-configuration");
        assertThat(doc.getComponents().getSecuritySchemes()).doesNotContainKey("bulwark-api-key");
    }

    @Test
    void whatTheApplicationDocumentedItselfIsKept() {
        Map<String, PathItem> items = new LinkedHashMap<>();
        Operation create = operation(items, "/api/orders", PathItem.HttpMethod.POST);
        SecurityRequirement own = models.create(SecurityRequirement.class);
        own.addScheme("corporate-sso", List.of());
        create.setSecurity(new ArrayList<>(List.of(own)));
        APIResponses responses = models.create(APIResponses.class);
        APIResponse mine = models.create(APIResponse.class);
        mine.setDescription("Our own 403");
        responses.addAPIResponse("403", mine);
        create.setResponses(responses);
        OpenAPI doc = document(items);

        writer(Map.of(), null).write(doc);

        assertThat(create.getSecurity()).containsExactly(own);
        assertThat(create.getResponses().getAPIResponse("403")).isSameAs(mine);
        assertThat(create.getResponses().getAPIResponses()).containsKeys("401", "429");
    }

    @Test
    void operationsBulwarkDoesNotKnowAndTheSwitchLeaveTheDocumentAlone() {
        Map<String, PathItem> items = new LinkedHashMap<>();
        Operation other = operation(items, "/api/elsewhere", PathItem.HttpMethod.GET);
        OpenAPI doc = document(items, "http://shop.example:9080/shop");
        writer(Map.of(), null).write(doc);
        assertThat(other.getSecurity()).isNull();
        assertThat(doc.getComponents()).isNull();

        Map<String, PathItem> items2 = new LinkedHashMap<>();
        Operation list = operation(items2, "/api/orders", PathItem.HttpMethod.GET);
        OpenAPI doc2 = document(items2, "http://shop.example:9080/shop");
        writer(Map.of("bulwark.openapi.security", "false"), null).write(doc2);
        assertThat(list.getSecurity()).isNull();
        assertThat(doc2.getServers()).hasSize(1);
    }

    @Test
    void aDiscoveryUrlThatIsNotHttpsFailsTheDeploymentNamingTheKey() {
        assertThat(TestConfig.load(Map.of("bulwark.openapi.openid-connect-url",
                "http://idp.example/.well-known/openid-configuration")).problems())
                .anySatisfy(p -> assertThat(p.toString()).contains("bulwark.openapi.openid-connect-url"));
        assertThat(TestConfig.load(Map.of("bulwark.openapi.openid-connect-url",
                "https://user:pw@idp.example/x")).problems()).isNotEmpty();
        assertThat(TestConfig.load(Map.of("bulwark.openapi.openid-connect-url",
                "https://idp.example/realms/shop/.well-known/openid-configuration")).problems()).isEmpty();
    }

    @Test
    void templatesMatchWhateverTheParameterNamesAndTheContextRoot() {
        assertThat(OperationIndex.normalize("/shop//api/orders/{id: [0-9]{1,9}}/")).isEqualTo("/shop/api/orders/{}");
        var model = TestModels.resources("/shop", List.of(Shop.class, Orders.class));
        OperationIndex index = new OperationIndex(model.policies());
        assertThat(index.find("get", "/api/orders/{x}")).isNotNull();
        assertThat(index.find("GET", "/shop/api/orders/{x}")).isNotNull();
        assertThat(index.find("DELETE", "/api/orders/{x}")).isNull();
        assertThat(index.find("GET", "/orders/{x}/more")).isNull();
        assertThat(index.find("GET", "rders")).isNull(); // only at a segment boundary

        // a model built before the web module started has no context root; Liberty's merged document has it
        OperationIndex early = new OperationIndex(TestModels.resources("", List.of(Shop.class, Orders.class))
                .policies());
        assertThat(early.find("GET", "/shop/api/orders/{orderId}").roles()).containsExactlyInAnyOrder("clerk",
                "customer");
        assertThat(early.find("GET", "/api/orders").access()).isEqualTo(OperationContract.Access.PUBLIC);
        assertThat(early.find("GET", "/shop/api/orders/{orderId}/x")).isNull();
    }
}
