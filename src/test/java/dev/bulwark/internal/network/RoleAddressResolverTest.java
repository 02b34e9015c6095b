package dev.bulwark.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.TestModels;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which resource methods get the rules of their roles, decided by the endpoint (method over class). */
class RoleAddressResolverTest {

    @ApplicationPath("/api")
    public static class App extends Application {
    }

    @Path("/admin")
    @RolesAllowed("admin")
    public static class AdminResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return "";
        }

        @GET
        @Path("shared")
        @RolesAllowed({"user", "admin"})
        public String shared() {
            return "";
        }

        @GET
        @Path("users")
        @RolesAllowed("user")
        public String users() {
            return "";
        }
    }

    private static EndpointPolicy policy(EndpointModel model, String method) {
        return model.policies().stream().filter(p -> p.site().method().getName().equals(method)).findFirst()
                .orElseThrow();
    }

    @Test
    void theRulesOfTheRolesAnEndpointNamesApplyAndTheInventoryShowsThem() {
        var config = TestConfig.load(Map.of("bulwark.ip.roles", "admin",
                "bulwark.ip.roles.admin.allow", "10.8.0.0/16")).config();
        EndpointModel model = TestModels.resources(config, "", List.of(App.class, AdminResource.class));
        assertThat(model.problems()).isEmpty();
        assertThat(policy(model, "list").get(RoleAddresses.class).roles()).containsExactly("admin");
        assertThat(policy(model, "list").described()).containsEntry("addresses", "role admin: allow 10.8.0.0/16");
        assertThat(policy(model, "shared").get(RoleAddresses.class).roles()).containsExactly("admin");
        assertThat(policy(model, "open").get(RoleAddresses.class)).as("the method's @PermitAll replaces the class's")
                .isNull();
        assertThat(policy(model, "users").get(RoleAddresses.class)).isNull();
    }

    @Test
    void withoutRoleRulesNoEndpointHasThePart() {
        EndpointModel model = TestModels.resources("", List.of(App.class, AdminResource.class));
        assertThat(model.policies()).allSatisfy(p -> assertThat(p.get(RoleAddresses.class)).isNull());
    }
}
