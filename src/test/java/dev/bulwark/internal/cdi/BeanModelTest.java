package dev.bulwark.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.RateLimit;
import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CDI extension builds the policy of every guarded bean method at deployment: a bad annotation on a bean is a
 * deployment problem naming it (before this model it threw at the first call, and the client got a 500).
 */
class BeanModelTest {

    @RolesAllowed("clerk")
    public static class Billing {
        @RateLimit(rate = "5/1m")
        public String charge() {
            return "charged";
        }

        @PermitAll
        public String quote() {
            return "quote";
        }

        @DenyAll
        public void purge() {
            // fixture
        }
    }

    public static class BadRate {
        @RateLimit(rate = "lots")
        public void send() {
            // fixture
        }
    }

    @RequiresScopes
    public static class NoScope {
        public void read() {
            // fixture
        }
    }

    public static class Contradiction {
        @DenyAll
        @PermitAll
        public void either() {
            // fixture
        }
    }

    public static class OwnedBean {
        @OwnedBy(value = "id", policy = dev.bulwark.api.ObjectAccessPolicy.class)
        public void read(String id) {
            // fixture
        }
    }

    /** One rate-limited method beside plain ones: only that method is Bulwark's to guard. */
    public static class Export {
        @RateLimit(rate = "3/1m", key = RateLimit.Key.PRINCIPAL)
        public String export() {
            return "csv";
        }

        public String preview() {
            return "preview";
        }
    }

    @Path("/r")
    public static class Resource {
        @GET
        @RolesAllowed("x")
        public String get() {
            return "r";
        }
    }

    private static BulwarkExtension extensionWith(Class<?>... types) {
        BulwarkExtension extension = new BulwarkExtension();
        for (Class<?> type : types) {
            AnnotatedType<?> annotated = (AnnotatedType<?>) Proxy.newProxyInstance(AnnotatedType.class.getClassLoader(),
                    new Class<?>[] {AnnotatedType.class}, (p, m, a) -> m.getName().equals("getJavaClass") ? type : null);
            ProcessAnnotatedType<?> event = (ProcessAnnotatedType<?>) Proxy.newProxyInstance(
                    ProcessAnnotatedType.class.getClassLoader(), new Class<?>[] {ProcessAnnotatedType.class},
                    (p, m, a) -> m.getName().equals("getAnnotatedType") ? annotated : null);
            extension.collectGuardedBeans(event);
        }
        return extension;
    }

    @Test
    void validBeansGetOnePolicyPerMethodWithTheMethodOverClassRule() throws Exception {
        BulwarkExtension extension = extensionWith(Billing.class, Resource.class);
        assertThat(extension.buildBeanModel(BulwarkConfig.defaults())).isEmpty();
        List<EndpointPolicy> policies = extension.beanModel().policies();
        assertThat(extension.beanPolicies()).extracting(p -> p.site().type().getName())
                .as("the inventory lists beans; resources are its endpoints").containsOnly(Billing.class.getName());
        assertThat(policies).filteredOn(p -> p.site().type() == Resource.class).singleElement()
                .satisfies(p -> assertThat(p.site().kind()).as("a resource class called as a bean is guarded too")
                        .isEqualTo(dev.bulwark.internal.pipeline.EndpointSite.Kind.RESOURCE_BEAN));
        EndpointPolicy charge = extension.beanModel().exact(Billing.class, Billing.class.getMethod("charge"));
        assertThat(charge.get(AccessRule.class).roles()).containsExactly("clerk");
        assertThat(charge.get(RateLimitPolicy.class).limitsFor(false)).singleElement()
                .satisfies(l -> assertThat(l.scope()).isEqualTo(Billing.class.getName() + "#charge"));
        assertThat(charge.described()).containsEntry("access", "roles(clerk)")
                .containsEntry("rate-limit", "5/1m per ip");
        assertThat(extension.beanModel().exact(Billing.class, Billing.class.getMethod("quote"))
                .get(AccessRule.class).isPublic()).isTrue();
        assertThat(extension.beanModel().exact(Billing.class, Billing.class.getMethod("purge"))
                .get(AccessRule.class).denyAll()).isTrue();
    }

    @Test
    void aBeanMethodWithoutADecisionIsNotDeniedByDefaultNorListedAsGuarded() throws Exception {
        BulwarkExtension extension = extensionWith(Export.class);
        assertThat(extension.buildBeanModel(BulwarkConfig.defaults())).isEmpty();
        EndpointPolicy preview = extension.beanModel().exact(Export.class, Export.class.getMethod("preview"));
        assertThat(preview.get(AccessRule.class)).as("deny by default is for resource methods").isNull();
        assertThat(preview.described()).isEmpty();
        EndpointPolicy export = extension.beanModel().exact(Export.class, Export.class.getMethod("export"));
        assertThat(export.described()).containsExactly(java.util.Map.entry("rate-limit", "3/1m per principal"));
        String table = dev.bulwark.internal.inventory.InventoryReport.table(List.of(),
                extension.beanModel().policies());
        assertThat(table).contains("Guarded CDI bean methods (1):")
                .contains(Export.class.getName() + "#export  rate-limit: 3/1m per principal")
                .doesNotContain("#preview").doesNotContain("denied by default");
    }

    @Test
    void aContainerSubclassOfTheBeanFindsItsPolicy() throws Exception {
        class Billing$$WeldSubclass extends Billing {
        }
        BulwarkExtension extension = extensionWith(Billing.class);
        extension.buildBeanModel(BulwarkConfig.defaults());
        assertThat(extension.beanModel().exact(
                dev.bulwark.internal.pipeline.EndpointSite.userClass(Billing$$WeldSubclass.class),
                Billing.class.getMethod("charge"))).isNotNull();
    }

    @Test
    void badAnnotationsOnBeansAreDeploymentProblemsNamingAnnotationClassAndMethod() {
        BulwarkExtension extension = extensionWith(BadRate.class, NoScope.class, Contradiction.class,
                OwnedBean.class);
        List<String> problems = extension.buildBeanModel(BulwarkConfig.defaults());
        assertThat(problems).contains(
                "@RateLimit on " + BadRate.class.getName() + "#send: rate 'lots' is not count/duration such as 100/1m",
                "@RequiresScopes on " + NoScope.class.getName() + ": names no scope (value or anyOf)",
                "@OwnedBy on " + OwnedBean.class.getName() + "#read: is checked on JAX-RS resource methods only,"
                        + " not on a CDI bean");
        assertThat(problems).anyMatch(p -> p.startsWith("@DenyAll on " + Contradiction.class.getName() + "#either")
                && p.contains("contradicts"));
        assertThat(problems).as("one line per problem, even for a class-level one shared by methods")
                .doesNotHaveDuplicates();
    }
}
