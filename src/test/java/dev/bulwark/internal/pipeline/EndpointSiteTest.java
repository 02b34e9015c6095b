package dev.bulwark.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.authz.AccessResolver;
import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import dev.bulwark.internal.ratelimit.RateLimitResolver;
import dev.bulwark.api.RateLimit;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an endpoint's annotations are read, and how a policy is found again at run time. */
class EndpointSiteTest {

    @RequiresScopes("ops:admin")
    public abstract static class AdminOps {
        public void purge() {
            // fixture
        }
    }

    @RequiresScopes("ops:read")
    public static class ReadOps extends AdminOps {
        public void read() {
            // fixture
        }
    }

    public abstract static class Undecided {
        public void inherited() {
            // fixture
        }
    }

    @RolesAllowed("clerk")
    public static class Clerks extends Undecided {
    }

    @PermitAll
    public static class PublicReports {
        public void list() {
            // fixture
        }
    }

    @RolesAllowed("admin")
    public static class AdminReports extends PublicReports {
    }

    /** What a container makes of the class to proxy it. */
    public static class PublicReports$$Proxy extends PublicReports {
    }

    public abstract static class Limited {
        @RateLimit(rate = "2/1m")
        public void work() {
            // fixture
        }
    }

    public static class FirstLimited extends Limited {
    }

    public static class SecondLimited extends Limited {
    }

    private static AccessRule access(EndpointSite site) {
        return new AccessResolver().resolve(site, (s, a, p) -> {
            throw new AssertionError(p);
        });
    }

    @Test
    void anInheritedBeanMethodTakesTheClassLevelDecisionOfItsDeclaringClass() throws Exception {
        Method purge = ReadOps.class.getMethod("purge");
        assertThat(access(EndpointSite.bean(ReadOps.class, purge)).allScopes()).containsExactly("ops:admin");
        assertThat(access(EndpointSite.bean(ReadOps.class, ReadOps.class.getMethod("read"))).allScopes())
                .containsExactly("ops:read");
    }

    @Test
    void aSubclassDecisionCoversTheMethodsItInheritsUndecided() throws Exception {
        Method inherited = Clerks.class.getMethod("inherited");
        assertThat(access(EndpointSite.bean(Clerks.class, inherited)).roles()).as("fail closed")
                .containsExactly("clerk");
    }

    @Test
    void aResourceMethodTakesTheClassLevelDecisionOfTheClassJaxRsDispatchesTo() throws Exception {
        Method list = AdminReports.class.getMethod("list");
        EndpointSite site = new EndpointSite(EndpointSite.Kind.RESOURCE, AdminReports.class, list, list, "GET",
                "/r", List.of(), List.of(), null);
        assertThat(access(site).roles()).containsExactly("admin");
    }

    @Test
    void aResourceSubclassNeverFindsItsParentsPolicy() throws Exception {
        Method list = PublicReports.class.getMethod("list");
        EndpointModel model = EndpointModel.build(List.of(new AccessResolver()), List.of(new EndpointSite(
                EndpointSite.Kind.RESOURCE, PublicReports.class, list, list, "GET", "/r", List.of(), List.of(),
                null)));
        assertThat(model.exact(AdminReports.class, list)).as("a subclass JAX-RS dispatches to is its own resource")
                .isNull();
        assertThat(model.exact(PublicReports.class, list).get(AccessRule.class).isPublic()).isTrue();
        assertThat(model.exact(EndpointSite.userClass(PublicReports$$Proxy.class), list))
                .as("a class the container made is looked up as its application class").isNotNull();
        assertThat(EndpointSite.userClass(AdminReports.class)).isSameAs(AdminReports.class);
    }

    @Test
    void aRateLimitedMethodInheritedByTwoBeansCountsAsOne() throws Exception {
        Method work = Limited.class.getMethod("work");
        RateLimitResolver resolver = new RateLimitResolver(null, null);
        PolicyResolver.Problems none = (s, a, p) -> {
            throw new AssertionError(p);
        };
        RateLimitPolicy first = resolver.resolve(EndpointSite.bean(FirstLimited.class, work), none);
        RateLimitPolicy second = resolver.resolve(EndpointSite.bean(SecondLimited.class, work), none);
        assertThat(first.limitsFor(false).get(0).scope()).isEqualTo(second.limitsFor(false).get(0).scope())
                .isEqualTo(Limited.class.getName() + "#work");
    }

    @Test
    void aResourceClassCalledAsABeanIsGuardedLikeABeanWithoutItsResourceOnlyParts() throws Exception {
        Method list = AdminReports.class.getMethod("list");
        EndpointSite site = EndpointSite.resourceBean(AdminReports.class, list);
        assertThat(site.intercepted()).isTrue();
        assertThat(access(site).isPublic()).as("the declaring class's @PermitAll").isTrue();
    }
}
