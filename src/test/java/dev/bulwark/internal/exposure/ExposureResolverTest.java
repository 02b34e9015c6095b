package dev.bulwark.internal.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.ResponseFields;
import dev.bulwark.internal.inventory.Endpoint;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.EndpointSite;
import dev.bulwark.internal.resources.ResourceScanner;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExposureResolverTest {

    @Path("/customers")
    @PermitAll
    public static class Customers {
        @GET
        @ResponseFields(value = {"id", "name", "e-mail", "orders.total"}, roles = "admin")
        @ResponseFields(value = {"id", "name"}, scopes = "customers:read")
        @ResponseFields(value = "id", anonymous = true)
        public List<Shapes.Customer> list() {
            return List.of();
        }

        @GET
        @Path("whole")
        public Shapes.Customer whole() {
            return null;
        }

        @GET
        @Path("page")
        @ResponseFields({"total", "items.id", "items.address.city"})
        public Shapes.Page<Shapes.Customer> page() {
            return null;
        }

        @GET
        @Path("listed")
        public Optional<Shapes.Listed> listed() {
            return Optional.empty();
        }

        @GET
        @Path("response")
        public Response response() {
            return null;
        }

        @GET
        @Path("none")
        public void none() {
            // fixture
        }

        @GET
        @Path("text")
        public String text() {
            return "";
        }
    }

    @Path("/bad")
    @PermitAll
    public static class Bad {
        @GET
        @Path("sensitive")
        @ResponseFields({"id", "passwordHash"})
        public Shapes.Customer annotated() {
            return null;
        }

        @GET
        @Path("looks")
        @ResponseFields({"id", "attributes.apiKey"})
        public Shapes.Customer looks() {
            return null;
        }

        @GET
        @Path("record")
        @ResponseFields({"orders.cardNumber"})
        public Shapes.Customer record() {
            return null;
        }

        @GET
        @Path("object")
        @ResponseFields({"address"})
        public Shapes.Customer object() {
            return null;
        }

        @GET
        @Path("syntax")
        @ResponseFields({"orders..total", "na*me", ""})
        public Shapes.Customer syntax() {
            return null;
        }

        @GET
        @Path("scalar")
        @ResponseFields("id")
        public long scalar() {
            return 1;
        }

        @GET
        @Path("anonymous")
        @ResponseFields(value = "id", anonymous = true, roles = "admin")
        public Shapes.Customer anonymous() {
            return null;
        }
    }

    @Path("/lint")
    public static class Lint {
        @GET
        @Path("typos")
        @jakarta.annotation.security.RolesAllowed({"admin", "auditor"})
        @ResponseFields(value = {"id", "emial", "address.cty", "name.first", "attributes.color", "orders.*"},
                roles = "admin")
        @ResponseFields(value = {"id"}, roles = "admni")
        public List<Shapes.Customer> typos() {
            return List.of();
        }

        @GET
        @Path("right")
        @jakarta.annotation.security.RolesAllowed({"admin", "customer"})
        @ResponseFields(value = {"id", "e-mail", "address.city", "orders.total", "attributes.*"}, roles = "admin")
        @ResponseFields(value = {"id"}, roles = "customer")
        public List<Shapes.Customer> right() {
            return List.of();
        }
    }

    @Test
    void aPathNamingNothingAndARoleNobodyHasAreFindingsNamingThem() throws Exception {
        ExposurePolicy p = policy(Lint.class, "typos").get(ExposurePolicy.class);
        assertThat(p.findings()).containsExactlyInAnyOrder(
                "'emial' names no property of Customer (its JSON names: address, attributes, e-mail, id,"
                        + " internalNote, name, orders, passwordResetRequired): a typo, or a subclass's property?",
                "'address.cty' names no property of Address (its JSON names: city, street): a typo, or a subclass's"
                        + " property?",
                "'name.first' goes on past 'name', which has no fields: the whole value leaves",
                "'orders.*' lets out every property of Order with '*', those added to it later included: name them"
                        + " ('*' is for a map's keys)",
                "a view for role 'admni', which @RolesAllowed (admin, auditor) never lets in: a typo?",
                "callers in role auditor match no view: every object they get is empty");
        // the views still work as declared: a finding, not a refusal (a subclass may have the property)
        assertThat(p.paths(p.mask(caller(true, Set.of("admin"), Set.of()))).paths()).contains("id", "emial");
        assertThat(problems(Lint.class, "typos")).isEmpty();
    }

    @Test
    void rightViewsOverEveryAllowedRoleHaveNoFinding() throws Exception {
        assertThat(policy(Lint.class, "right").get(ExposurePolicy.class).findings()).isEmpty();
        assertThat(policy(Customers.class, "list").get(ExposurePolicy.class).findings()).isEmpty();
    }

    private static EndpointPolicy policy(Class<?> type, String method) throws Exception {
        return EndpointModel.build(List.of(new ExposureResolver(ExposureSettings.defaults())),
                List.of(ResourceScanner.site(type, type.getMethod(method)))).policies().get(0);
    }

    private static List<String> problems(Class<?> type, String method) throws Exception {
        EndpointSite site = ResourceScanner.site(type, type.getMethod(method));
        return EndpointModel.build(List.of(new ExposureResolver(ExposureSettings.defaults())), List.of(site))
                .problems();
    }

    private static ResponseView.Caller caller(boolean authenticated, Set<String> roles, Set<String> scopes) {
        return new ResponseView.Caller() {
            @Override
            public boolean authenticated() {
                return authenticated;
            }

            @Override
            public boolean inRole(String role) {
                return roles.contains(role);
            }

            @Override
            public Set<String> scopes() {
                return scopes;
            }
        };
    }

    @Test
    void aCallerGetsTheUnionOfTheViewsItQualifiesFor() throws Exception {
        ExposurePolicy p = policy(Customers.class, "list").get(ExposurePolicy.class);
        assertThat(p.paths(p.mask(caller(false, Set.of(), Set.of()))).paths()).containsExactly("id");
        assertThat(p.paths(p.mask(caller(true, Set.of("user"), Set.of()))).paths()).containsExactly("id");
        assertThat(p.paths(p.mask(caller(true, Set.of(), Set.of("customers:read")))).paths())
                .containsExactly("id", "name");
        assertThat(p.paths(p.mask(caller(true, Set.of("admin"), Set.of()))).paths())
                .containsExactly("e-mail", "id", "name", "orders.total");
        assertThat(p.masks()).isEqualTo(8);
    }

    @Test
    void theInventoryShowsWhatLeavesPerView() throws Exception {
        ExposurePolicy p = policy(Customers.class, "list").get(ExposurePolicy.class);
        assertThat(p.describe()).isEqualTo("roles [admin]: id, name, e-mail, orders.total"
                + " | scopes [customers:read]: id, name | anyone: id");
        assertThat(p.findings()).isEmpty();
        ExposurePolicy page = policy(Customers.class, "page").get(ExposurePolicy.class);
        assertThat(page.describe()).isEqualTo("authenticated: items.id, items.address.city, total");
    }

    @Test
    void aWholeModelObjectWithoutAListIsAFindingListingWhatLeaves() throws Exception {
        EndpointPolicy policy = policy(Customers.class, "whole");
        ExposurePolicy p = policy.get(ExposurePolicy.class);
        assertThat(p.describe()).isEqualTo("no allow-list: id, name, e-mail, internalNote, address.city,"
                + " address.street, orders.id, orders.total, orders.status, attributes.*, passwordResetRequired");
        assertThat(p.describe()).doesNotContain("passwordHash", "cardNumber");
        assertThat(p.findings()).containsExactly("no allow-list (@ResponseFields): every field of Customer leaves");
        assertThat(p.heldBack()).containsExactlyInAnyOrder("passwordHash", "cardNumber");
        Endpoint line = Endpoint.of(policy);
        assertThat(line.findings()).contains("no allow-list (@ResponseFields): every field of Customer leaves");
        assertThat(line.policies()).containsKey("exposure");
    }

    @Test
    void strictModeListsEachEndpointWithFindings() throws Exception {
        List<EndpointSite> sites = List.of(ResourceScanner.site(Customers.class, method(Customers.class, "list")),
                ResourceScanner.site(Customers.class, method(Customers.class, "whole")));
        List<String> findings = ExposurePolicy.findings(EndpointModel.build(
                List.of(new ExposureResolver(ExposureSettings.defaults())), sites).policies());
        // the endpoint with views has no finding; the one returning the whole entity has
        assertThat(findings).singleElement().asString().startsWith("GET ")
                .endsWith(": no allow-list (@ResponseFields): every field of Customer leaves");
    }

    @Test
    void theResponseTypesListServesEndpointsWithoutTheirOwn() throws Exception {
        ExposurePolicy p = policy(Customers.class, "listed").get(ExposurePolicy.class);
        assertThat(p.paths(p.mask(caller(true, Set.of(), Set.of()))).paths()).containsExactly("id", "name");
    }

    @Test
    void aResponseOrVoidIsKnownOnlyAtRunTime() throws Exception {
        ExposurePolicy r = policy(Customers.class, "response").get(ExposurePolicy.class);
        assertThat(r.describe()).contains("type unknown at deployment")
                .contains("the @Sensitive names of the classes it reaches and sensitive names held back");
        assertThat(r.findings()).singleElement().asString().isEqualTo("no allow-list (@ResponseFields) and the"
                + " entity is not known at deployment (jakarta.ws.rs.core.Response): every field of whatever it"
                + " returns leaves");
        assertThat(policy(Customers.class, "none").get(ExposurePolicy.class)).isNull();
        assertThat(policy(Customers.class, "text").get(ExposurePolicy.class)).as("no names in a string").isNull();
    }

    @Test
    void aListNamingSomethingSensitiveFailsTheDeployment() throws Exception {
        assertThat(problems(Bad.class, "annotated")).singleElement().asString()
                .contains("@ResponseFields").contains("passwordHash").contains("@Sensitive");
        assertThat(problems(Bad.class, "looks")).singleElement().asString().contains("apiKey")
                .contains("looks sensitive");
        assertThat(problems(Bad.class, "record")).singleElement().asString().contains("cardNumber");
    }

    @Test
    void aListNamingAnObjectOrWrittenBadlyFailsTheDeployment() throws Exception {
        assertThat(problems(Bad.class, "object")).singleElement().asString()
                .contains("'address' names an object").contains("address.city");
        assertThat(problems(Bad.class, "syntax")).hasSize(3);
        assertThat(problems(Bad.class, "anonymous")).singleElement().asString().contains("anonymous");
        assertThat(problems(Bad.class, "scalar")).singleElement().asString().contains("has no fields");
    }

    @Test
    void theDefaultControlsResolveExposureUnlessSwitchedOff() {
        assertThat(new dev.bulwark.internal.controls.Controls(dev.bulwark.internal.controls.BulwarkConfig.defaults())
                .resolvers()).anyMatch(r -> r instanceof ExposureResolver);
        EndpointSite site = ResourceScanner.site(Customers.class, method(Customers.class, "whole"));
        assertThat(new ExposureResolver(new ExposureSettings(false, false, SensitiveNames.defaults()))
                .resolve(site, (s, a, p) -> { })).isNull();
    }

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void typesAreWalkedThroughGenericsCyclesAndMaps() {
        ResponseTypes.Node node = ResponseTypes.of(Shapes.Category.class);
        assertThat(node).isInstanceOf(ResponseTypes.Bean.class);
        ResponseTypes.Bean bean = (ResponseTypes.Bean) node;
        assertThat(bean.properties().get("parent").node()).isInstanceOf(ResponseTypes.Cycle.class);
        assertThat(ExposureResolver.leaving(ResponseTypes.of(Map.class), FieldPaths.ANY, SensitiveNames.defaults()))
                .containsExactly("*");
        assertThat(ResponseTypes.of(Object.class)).isInstanceOf(ResponseTypes.Unknown.class);
    }

    @Path("/field")
    @PermitAll
    public static class FieldAccounts {
        @GET
        public FieldAccount get() {
            return null;
        }
    }

    @Test
    void aTypeDeclaringFieldAccessIsLintedByItsPrivateFields() throws Exception {
        ExposurePolicy p = policy(FieldAccounts.class, "get").get(ExposurePolicy.class);
        assertThat(p.describe()).isEqualTo("no allow-list: name");
        assertThat(p.heldBack()).containsExactly("internalNote");
        assertThat(p.findings()).contains("no allow-list (@ResponseFields): every field of FieldAccount leaves")
                .anySatisfy(f -> assertThat(f).contains("held back only because the names look sensitive: apiKey"));
    }
}

