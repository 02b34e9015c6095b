package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.token;
import static dev.bulwark.it.ItSupport.tokenWithScopes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The endpoint model through the doors a refactor could open: a subclass JAX-RS dispatches to (a polymorphic
 * sub-resource locator), a resource class injected and called as a bean, an inherited bean method with its
 * declaring class's scope, and a rate-limited method inherited by two beans. Legitimate callers pass each door.
 */
class BeanDoorsIT {

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void aSubResourceSubclassIsHeldToItsOwnRolesNotItsParents() {
        HttpResponse<String> user = get("/it/api/panels/admin", "Authorization", bearer(token("panel-user", "user")));
        assertProblem(user, 403);
        HttpResponse<String> admin = get("/it/api/panels/admin", "Authorization",
                bearer(token("panel-admin", "admin")));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("{\"panel\":\"AdminPanel\"}");
        HttpResponse<String> plain = get("/it/api/panels/plain", "Authorization", bearer(token("panel-user", "user")));
        assertThat(plain.statusCode()).as("the parent's own panel keeps the parent's roles").isEqualTo(200);
        assertThat(plain.body()).isEqualTo("{\"panel\":\"Panel\"}");
        assertProblem(get("/it/api/panels/plain"), 401);
    }

    @Test
    void aResourceCalledAsABeanStillNeedsItsScope() {
        assertProblem(get("/it/api/front-door/report"), 401);
        assertProblem(get("/it/api/front-door/report", "Authorization",
                bearer(tokenWithScopes("reporter", "reports:read"))), 403);
        HttpResponse<String> ok = get("/it/api/front-door/report", "Authorization",
                bearer(tokenWithScopes("reporter", "reports:admin")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"report\":\"internal\"}");
        // the same method through its own JAX-RS door: the same scope, checked once
        assertProblem(get("/it/api/internal-report"), 401);
        assertThat(get("/it/api/internal-report", "Authorization",
                bearer(tokenWithScopes("reporter", "reports:admin"))).statusCode()).isEqualTo(200);
    }

    @Test
    void anInheritedBeanMethodKeepsItsDeclaringClassesScope() {
        String reader = bearer(tokenWithScopes("ops-reader", "reports:read"));
        assertThat(get("/it/api/front-door/read", "Authorization", reader).statusCode()).isEqualTo(200);
        assertProblem(get("/it/api/front-door/purge", "Authorization", reader), 403);
        assertThat(get("/it/api/front-door/purge", "Authorization",
                bearer(tokenWithScopes("ops-admin", "reports:admin"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aRateLimitedMethodInheritedByTwoBeansIsOneCount() {
        String caller = bearer(token("shared-limit-" + System.nanoTime(), "user"));
        assertThat(get("/it/api/front-door/work/first", "Authorization", caller).statusCode()).isEqualTo(200);
        assertThat(get("/it/api/front-door/work/second", "Authorization", caller).statusCode()).isEqualTo(200);
        HttpResponse<String> third = get("/it/api/front-door/work/first", "Authorization", caller);
        assertProblem(third, 429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        assertThat(get("/it/api/front-door/work/first", "Authorization",
                bearer(token("shared-limit-other-" + System.nanoTime(), "user"))).statusCode())
                .as("another caller has its own count").isEqualTo(200);
    }

    @Test
    void aPublicMethodNamedLikeTheGuardedOneItCallsDoesNotOpenIt() {
        assertProblem(get("/it/api/colliding"), 401);
        assertProblem(get("/it/api/colliding", "Authorization", bearer(tokenWithScopes("reporter", "reports:read"))),
                403);
        HttpResponse<String> ok = get("/it/api/colliding", "Authorization",
                bearer(tokenWithScopes("reporter", "reports:admin")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"report\":\"internal\"}");
    }

    @Test
    void aLocatorCallingAGuardedBeanWhileJaxRsMatchesIsGuarded() {
        assertProblem(get("/it/api/leaky-locator/leak"), 401);
        HttpResponse<String> ok = get("/it/api/leaky-locator/leak", "Authorization",
                bearer(tokenWithScopes("reporter", "reports:admin")));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"report\":\"internal\"}");
    }

    @Test
    void classDecisionsInheritedFromASuperclassStillGuardTheBean() {
        assertProblem(get("/it/api/front-door/admin-purge"), 401);
        assertProblem(get("/it/api/front-door/admin-purge", "Authorization", bearer(token("plain-user", "user"))),
                403);
        assertThat(get("/it/api/front-door/admin-purge", "Authorization", bearer(token("the-admin", "admin")))
                .statusCode()).isEqualTo(200);
        assertProblem(get("/it/api/front-door/erase", "Authorization", bearer(token("the-admin", "admin"))), 403);
    }

    @Test
    void aSubResourceThatIsACdiBeanIsCountedOncePerRequest() {
        String caller = bearer(token("counted-" + System.nanoTime(), "user"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> allowed = get("/it/api/counted-sub/s", "Authorization", caller);
            assertThat(allowed.statusCode()).as("request %d of 3", i + 1).isEqualTo(200);
        }
        assertProblem(get("/it/api/counted-sub/s", "Authorization", caller), 429);
    }

    @Test
    void aDependentResourceNeedsItsRolesThroughJaxRsAndWhenInjectedIntoAnother() {
        String user = bearer(token("dep-user", "user"));
        String admin = bearer(token("dep-admin", "admin"));
        assertProblem(get("/it/api/dependent-report"), 401);
        assertProblem(get("/it/api/dependent-report", "Authorization", user), 403);
        assertThat(get("/it/api/dependent-report", "Authorization", admin).statusCode()).isEqualTo(200);
        // injected into a dependent resource with a public method, one with its own roles, one with no Bulwark
        // annotation at all: the injected instance is guarded whoever made the instance it is injected into
        assertProblem(get("/it/api/dependent-door/open"), 401);
        assertProblem(get("/it/api/dependent-door/open", "Authorization", user), 403);
        assertProblem(get("/it/api/dependent-door/user", "Authorization", user), 403);
        assertProblem(get("/it/api/unguarded-door"), 401);
        assertProblem(get("/it/api/unguarded-door", "Authorization", user), 403);
        for (String path : new String[] {"/it/api/dependent-door/open", "/it/api/unguarded-door"}) {
            HttpResponse<String> ok = get(path, "Authorization", admin);
            assertThat(ok.statusCode()).as(path).isEqualTo(200);
            assertThat(ok.body()).as(path).startsWith("{\"report\":\"dependent\"");
        }
        assertProblem(get("/it/api/dependent-door/user", "Authorization", admin), 403);
    }

    @Test
    void aResourceLookedUpAfterJaxRsCouldNotMatchTheRequestKeepsItsInterceptors() {
        HttpResponse<String> anonymous = get("/it/servlet/after-jaxrs");
        assertThat(anonymous.body()).as("JAX-RS answered 404: a locator called after it is no locator JAX-RS calls")
                .isEqualTo("read: refused, locate: refused");
        HttpResponse<String> user = get("/it/servlet/after-jaxrs", "Authorization", bearer(token("dep-user", "user")));
        assertThat(user.body()).isEqualTo("read: refused, locate: refused");
        HttpResponse<String> admin = get("/it/servlet/after-jaxrs", "Authorization",
                bearer(token("dep-admin", "admin")));
        assertThat(admin.body()).as("the caller with the role passes both")
                .isEqualTo("read: called {\"report\":\"dependent\"}, locate: called located");
    }
}
