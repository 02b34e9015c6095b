package dev.bulwark.internal.resources;

import dev.bulwark.internal.controls.TestModels;
import dev.bulwark.internal.inventory.Endpoint;
import dev.bulwark.internal.inventory.InventoryReport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceScannerTest {

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @HttpMethod("PATCH")
    @interface Patch {
    }

    @ApplicationPath("/api/")
    public static class ScanningApp extends Application {
    }

    @ApplicationPath("strict")
    public static class ExplicitApp extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(Orders.class);
        }
    }

    @Path("/customers/")
    @Produces("application/json")
    public static class Customers {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("{id}")
        @Produces({"application/json, application/xml"})
        public String get(@PathParam("id") String id) {
            return id;
        }

        @POST
        @Consumes("application/json")
        public void create(String body) {
            // test fixture
        }

        @Patch
        @Path("/{id}/")
        public void patch(String body) {
            // test fixture
        }

        @Path("{id}/addresses")
        public Addresses addresses() {
            return new Addresses();
        }

        public void notAResourceMethod() {
            // no annotations
        }
    }

    public static class Addresses {
        @GET
        public String list() {
            return "";
        }

        @Path("loop")
        public Addresses again() {
            return this;
        }
    }

    @Path("orders")
    public interface OrdersApi {
        @DELETE
        @Path("{id}")
        void delete(@PathParam("id") String id);
    }

    public static class Orders implements OrdersApi {
        @Override
        public void delete(String id) {
            // inherits the interface's annotations
        }
    }

    @Test
    void buildsFullTemplatesWithInheritedMediaTypesAndLocators() {
        List<Endpoint> endpoints = TestModels.inventory("/shop", List.of(ScanningApp.class, Customers.class));
        assertThat(endpoints).extracting(e -> e.httpMethod() + " " + e.path()).containsExactly(
                "GET /shop/api/customers",
                "POST /shop/api/customers",
                "GET /shop/api/customers/{id}",
                "PATCH /shop/api/customers/{id}",
                "GET /shop/api/customers/{id}/addresses",
                "GET /shop/api/customers/{id}/addresses/loop");
        Endpoint get = endpoints.get(2);
        assertThat(get.produces()).containsExactly("application/json", "application/xml");
        assertThat(get.handler()).isEqualTo(Customers.class.getName() + "#get");
        assertThat(endpoints.get(1).consumes()).containsExactly("application/json");
        assertThat(endpoints.get(1).produces()).containsExactly("application/json");
    }

    @Test
    void anApplicationOverridingGetClassesServesOnlyThoseClasses() {
        List<Class<?>> classes = List.of(ScanningApp.class, ExplicitApp.class, Customers.class, Orders.class,
                OrdersApi.class);
        assertThat(ResourceScanner.applications(classes)).extracting(ResourceScanner.App::applicationPath)
                .containsExactly("strict", "/api/");
        List<Endpoint> endpoints = TestModels.inventory("", classes);
        assertThat(endpoints).extracting(e -> e.httpMethod() + " " + e.path())
                .contains("DELETE /strict/orders/{id}", "DELETE /api/orders/{id}", "GET /api/customers")
                .noneMatch(s -> s.startsWith("GET /strict/customers"));
        assertThat(endpoints).filteredOn(e -> e.path().equals("/strict/orders/{id}"))
                .extracting(Endpoint::resourceClass).containsExactly(Orders.class.getName());
    }

    @Test
    void rendersATableAndJson() {
        List<Endpoint> endpoints = List.of(new Endpoint("GET", "/a/{id}", List.of(), List.of("application/json"),
                "x.A", "get", "public", java.util.Map.of("rate-limit", "10/1m per ip"),
                List.of("an id in the path without an ownership rule (@OwnedBy)")));
        assertThat(InventoryReport.table(endpoints))
                .contains("Bulwark endpoint inventory (1 endpoints)")
                .contains("METHOD  PATH")
                .contains("GET     /a/{id}  -         application/json  public  rate-limit: 10/1m per ip  x.A#get")
                .contains("Findings (1):\n  GET /a/{id}: an id in the path without an ownership rule (@OwnedBy)");
        assertThat(InventoryReport.json(endpoints)).isEqualTo("{\"count\":1,\"endpoints\":[{\"method\":\"GET\","
                + "\"path\":\"/a/{id}\",\"consumes\":[],\"produces\":[\"application/json\"],\"access\":\"public\","
                + "\"policies\":{\"rate-limit\":\"10/1m per ip\"},\"handler\":\"x.A#get\","
                + "\"findings\":[\"an id in the path without an ownership rule (@OwnedBy)\"]}],\"beans\":[]}");
    }

    @Test
    void joinsPathsWithSingleSlashes() {
        assertThat(ResourceScanner.join("", "")).isEqualTo("/");
        assertThat(ResourceScanner.join("/ctx/", "/api/")).isEqualTo("/ctx/api");
        assertThat(ResourceScanner.join("/", "x")).isEqualTo("/x");
    }

    /** Turns service loading off without registering the feature. */
    @ApplicationPath("off")
    public static class NoServices extends Application {
        @Override
        public java.util.Map<String, Object> getProperties() {
            return java.util.Map.of("jakarta.ws.rs.loadServices", false);
        }
    }

    /** Turns it off but registers the feature itself. */
    @ApplicationPath("registered")
    public static class Registered extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(Customers.class, String.class);
        }

        @Override
        public java.util.Map<String, Object> getProperties() {
            return java.util.Map.of("jakarta.ws.rs.loadServices", "false");
        }
    }

    @Test
    void anApplicationThatTurnsOffServiceLoadingWithoutTheFeatureIsNamed() {
        assertThat(ResourceScanner.withoutFeature(List.of(NoServices.class, ScanningApp.class, Registered.class,
                Customers.class), Object.class)).containsExactly(NoServices.class.getName(),
                Registered.class.getName());
        assertThat(ResourceScanner.withoutFeature(List.of(Registered.class), String.class))
                .as("it lists the feature in getClasses()").isEmpty();
    }

    /** A sub-resource: no @Path of its own. */
    public static class Sub {
        @GET
        public String get() {
            return "sub";
        }
    }

    @Path("/root")
    public static class Root {
        @Path("/sub")
        public Sub sub() {
            return new Sub();
        }

        @GET
        public String get() {
            return "root";
        }
    }

    @Test
    void locatorsAndSubResourcesAreTold() throws Exception {
        assertThat(ResourceScanner.isLocator(Root.class, Root.class.getMethod("sub"))).isTrue();
        assertThat(ResourceScanner.isLocator(Root.class, Root.class.getMethod("get"))).isFalse();
        assertThat(ResourceScanner.servesRequests(Sub.class)).isTrue();
        assertThat(ResourceScanner.isResource(Sub.class)).isFalse();
        assertThat(ResourceScanner.servesRequests(String.class)).isFalse();
    }

    /** A resource with a JAX-RS property setter. */
    @Path("/paged")
    public static class Paged {
        private int page;

        @jakarta.ws.rs.QueryParam("page")
        public void setPage(int page) {
            this.page = page;
        }

        @GET
        public String get() {
            return "page " + page;
        }
    }

    @Test
    void propertySettersAreToldFromBusinessMethods() throws Exception {
        assertThat(JaxRsParameters.isInjectionSetter(Paged.class.getMethod("setPage", int.class))).isTrue();
        assertThat(JaxRsParameters.isInjectionSetter(Paged.class.getMethod("get"))).isFalse();
    }
}
