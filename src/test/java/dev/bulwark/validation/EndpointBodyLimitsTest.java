package dev.bulwark.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.config.BulwarkConfig;
import dev.bulwark.config.TestConfig;
import dev.bulwark.controls.TestModels;
import java.util.Map;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointBodyLimitsTest {

    private static final long MIB = 1_048_576;

    @ApplicationPath("/api")
    public static class App extends Application {
    }

    @Path("/items")
    public static class Items {
        @POST
        public String create(String body) {
            return body;
        }

        @POST
        @Path("/bulk")
        @JsonBodyLimits(maxBytes = 4 * MIB)
        public String bulk(String body) {
            return body;
        }

        @POST
        @Path("/{id}")
        public String update(@PathParam("id") String id, String body) {
            return body;
        }

        @PUT
        @Path("/{id: [0-9]+}/photo")
        @JsonBodyLimits(maxBytes = 8 * MIB)
        public String photo(@PathParam("id") String id, byte[] body) {
            return id;
        }

        @POST
        @Path("/{id}/{part}")
        @JsonBodyLimits(maxBytes = 2 * MIB)
        public String part(@PathParam("id") String id, @PathParam("part") String part, String body) {
            return body;
        }

        @GET
        @Path("/bulk/report")
        public String report() {
            return "";
        }
    }

    @Path("/forms")
    @JsonBodyLimits(maxBytes = 16_384)
    public static class Forms {
        @POST
        @Consumes("application/x-www-form-urlencoded")
        public String submit(@FormParam("note") String note) {
            return note;
        }
    }

    private final EndpointBodyLimits limits = limits();

    private static EndpointBodyLimits limits() {
        BulwarkConfig config = TestConfig.load(Map.of("bulwark.validation.max-body-bytes", String.valueOf(MIB)))
                .config();
        return new EndpointBodyLimits(TestModels.resources(config, "/shop", List.of(App.class, Items.class,
                Forms.class)).policies().stream().map(p -> new EndpointBodyLimits.Route(p.site().httpMethod(),
                p.site().path(), p.get(JsonBodyRules.BodyPolicy.class).maxBytes())).toList(), MIB);
    }

    @Test
    void eachEndpointGetsItsOwnLimitAndNoOther() {
        assertThat(limits.limitFor("POST", "/shop/api/items/bulk")).isEqualTo(4 * MIB);
        assertThat(limits.limitFor("POST", "/shop/api/items")).isEqualTo(MIB);
        assertThat(limits.limitFor("POST", "/shop/api/items/7")).isEqualTo(MIB);
        assertThat(limits.limitFor("PUT", "/shop/api/items/7/photo")).isEqualTo(8 * MIB);
        assertThat(limits.limitFor("POST", "/shop/api/items/7/notes")).isEqualTo(2 * MIB);
        // a class-level limit applies to its methods, also a smaller one
        assertThat(limits.limitFor("POST", "/shop/api/forms")).isEqualTo(16_384);
        // the largest limit is nobody else's
        assertThat(limits.limitFor("POST", "/shop/legacy/upload")).isEqualTo(MIB);
        assertThat(limits.limitFor("POST", "/shop/api/nowhere")).isEqualTo(MIB);
    }

    @Test
    void theMatchFollowsJaxRsPrecedenceNotTheLargestLimit() {
        // /items/bulk matches both "/items/bulk" and "/items/{id}": the literal template wins
        assertThat(limits.limitFor("POST", "/shop/api/items/bulk")).isEqualTo(4 * MIB);
        // "/items/{id}/{part}" and "/items/{id: [0-9]+}/photo" both match /items/7/photo, the literal one wins,
        // but only for its method: POST goes to {id}/{part}
        assertThat(limits.limitFor("PUT", "/shop/api/items/7/photo")).isEqualTo(8 * MIB);
        assertThat(limits.limitFor("POST", "/shop/api/items/7/photo")).isEqualTo(2 * MIB);
        // the regular expression of a variable counts: "x" is not [0-9]+
        assertThat(limits.limitFor("PUT", "/shop/api/items/x/photo")).isEqualTo(MIB);
        // another method on the big endpoint's path: JAX-RS answers 405, nothing is read
        assertThat(limits.limitFor("PUT", "/shop/api/items/bulk")).isEqualTo(MIB);
    }

    @Test
    void pathsAreMatchedAsJaxRsSeesThem() {
        assertThat(limits.limitFor("POST", "/shop/api/items/bulk/")).isEqualTo(4 * MIB);
        assertThat(limits.limitFor("POST", "/shop/api/items/bulk;v=2")).isEqualTo(4 * MIB);
        assertThat(limits.limitFor("POST", "/shop/api/items/%62ulk")).isEqualTo(4 * MIB);
        assertThat(limits.limitFor("post", "/shop/api/items/bulk")).isEqualTo(4 * MIB);
        // undecodable: no endpoint, the configured limit
        assertThat(limits.limitFor("POST", "/shop/api/items/bulk%zz")).isEqualTo(MIB);
        assertThat(limits.limitFor("POST", null)).isEqualTo(MIB);
    }

    @Test
    void withoutOwnLimitsEveryRequestGetsTheConfiguredOne() {
        EndpointBodyLimits plain = new EndpointBodyLimits(List.of(new EndpointBodyLimits.Route("POST", "/a", MIB)),
                MIB);
        assertThat(plain.limitFor("POST", "/a")).isEqualTo(MIB);
        assertThat(plain.limitFor("PUT", "/b")).isEqualTo(MIB);
    }
}
