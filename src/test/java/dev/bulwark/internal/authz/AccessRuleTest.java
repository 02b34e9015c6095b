package dev.bulwark.internal.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.AccessRequest;
import dev.bulwark.api.ObjectAccessPolicy;
import dev.bulwark.api.OwnedBy;
import dev.bulwark.api.Public;
import dev.bulwark.api.RequiresScopes;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

    static class Policy implements ObjectAccessPolicy {
        @Override
        public boolean permits(AccessRequest request) {
            return false;
        }
    }

    @RolesAllowed("user")
    @RequiresScopes("orders:read")
    static class Orders {
        public void list() {
        }

        @RolesAllowed("admin")
        public void adminOnly() {
        }

        @PermitAll
        public void open() {
        }

        @Public
        public void alsoOpen() {
        }

        @DenyAll
        public void never() {
        }

        @RequiresScopes(value = "orders:write", anyOf = {"a", "b"})
        @OwnedBy(value = "id", policy = Policy.class)
        public void write() {
        }
    }

    static class Nothing {
        public void undecided() {
        }
    }

    /** Endpoints declared once and inherited by subclasses that decide who may call them. */
    abstract static class Listing {
        public void list() {
        }

        @PermitAll
        public void count() {
        }

        @RolesAllowed("**")
        public void mine() {
        }

        @DenyAll
        public void purge() {
        }
    }

    @RolesAllowed("admin")
    static class Customers extends Listing {
    }

    @DenyAll
    static class Archive extends Listing {
    }

    /** What a container's interceptor subclass of a bean looks like: no annotations of its own. */
    static class CustomersSubclass extends Customers {
    }

    private static AccessRule rule(Class<?> c, String method) throws Exception {
        return AccessRule.of(c, c.getMethod(method));
    }

    @Test
    void methodAnnotationsReplaceClassOnes() throws Exception {
        assertThat(rule(Orders.class, "list").roles()).containsExactly("user");
        assertThat(rule(Orders.class, "list").allScopes()).containsExactly("orders:read");
        assertThat(rule(Orders.class, "adminOnly").roles()).containsExactly("admin");
        assertThat(rule(Orders.class, "open").isPublic()).isTrue();
        assertThat(rule(Orders.class, "open").roles()).isEmpty();
        assertThat(rule(Orders.class, "alsoOpen").isPublic()).isTrue();
        assertThat(rule(Orders.class, "never").denyAll()).isTrue();
        AccessRule write = rule(Orders.class, "write");
        assertThat(write.allScopes()).containsExactly("orders:write");
        assertThat(write.anyScopes()).containsExactlyInAnyOrder("a", "b");
        assertThat(write.owner().value()).isEqualTo("id");
        assertThat(write.describe()).isEqualTo("roles(user) scopes(all: orders:write; any: a|b) owner(path id by Policy)");
    }

    @Test
    void inheritedMethodsFollowTheClassTheyAreCalledOn() throws Exception {
        assertThat(rule(Customers.class, "list").roles()).containsExactly("admin");
        assertThat(rule(Customers.class, "count").isPublic()).isTrue();
        assertThat(rule(Customers.class, "count").roles()).isEmpty();
        assertThat(rule(Customers.class, "mine").roles()).containsExactly("**");
        assertThat(rule(Customers.class, "purge").denyAll()).isTrue();
        assertThat(rule(Archive.class, "list").denyAll()).isTrue();
        assertThat(rule(Archive.class, "count").isPublic()).isTrue();
        assertThat(rule(Archive.class, "mine").denyAll()).isFalse();
        assertThat(rule(Archive.class, "mine").roles()).containsExactly("**");
        assertThat(rule(Archive.class, "list").describe()).isEqualTo("deny-all");
    }

    @Test
    void aBeansRuleComesFromTheNearestAnnotatedClass() throws Exception {
        Class<?> c = CustomersSubclass.class;
        assertThat(AccessRule.ofBean(c, c.getMethod("list")).roles()).containsExactly("admin");
        assertThat(AccessRule.ofBean(c, c.getMethod("count")).isPublic()).isTrue();
        assertThat(AccessRule.ofBean(c, c.getMethod("purge")).denyAll()).isTrue();
        assertThat(AccessRule.ofBean(Nothing.class, Nothing.class.getMethod("undecided")).decided()).isFalse();
    }

    @Test
    void noAnnotationMeansNoDecision() throws Exception {
        AccessRule r = rule(Nothing.class, "undecided");
        assertThat(r.decided()).isFalse();
        assertThat(r.describe()).isEqualTo("NONE: denied by default");
    }

    private static JsonObject claims(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void scopesMatchExactlyFromStringOrArray() {
        Set<String> s = Scopes.of(claims("{\"scope\":\"orders:read  orders:write\"}"), "scope");
        assertThat(s).containsExactlyInAnyOrder("orders:read", "orders:write");
        assertThat(Scopes.of(claims("{\"scp\":[\"a\",\"b c\",1]}"), "scope")).containsExactly("a");
        assertThat(Scopes.of(claims("{\"scope\":42}"), "scope")).isEmpty();
        assertThat(Scopes.satisfied(s, List.of("orders:read"), List.of())).isTrue();
        for (String near : new String[] {"orders", "orders:*", "ORDERS:READ", "orders:read:all", "orders:rea"}) {
            assertThat(Scopes.satisfied(Set.of(near), List.of("orders:read"), List.of())).as(near).isFalse();
        }
        assertThat(Scopes.satisfied(Set.of("x", "b"), List.of("x"), List.of("a", "b"))).isTrue();
        assertThat(Scopes.satisfied(Set.of("x"), List.of("x"), List.of("a", "b"))).isFalse();
        assertThat(Scopes.groups(claims("{\"groups\":[\"user\",7]}"))).containsExactly("user");
    }

    @Test
    void objectIdsMustBeCanonicalForTheirType() {
        assertThat(ObjectIds.canonical("1003", long.class)).isEqualTo("1003");
        assertThat(ObjectIds.canonical("0", Long.class)).isEqualTo("0");
        for (String bad : new String[] {"01003", "+1003", " 1003", "1003 ", "1003.0", "1e3", "0x3EB", "", "１００３",
            "99999999999999999999"}) {
            assertThat(ObjectIds.canonical(bad, long.class)).as(bad).isNull();
        }
        assertThat(ObjectIds.canonical("3000000000", int.class)).isNull();
        assertThat(ObjectIds.canonical(" abc", String.class)).isEqualTo(" abc");
        assertThat(ObjectIds.canonical(null, String.class)).isNull();
    }
}
