package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.api.JsonBodyLimits;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.TestModels;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** Limits in bytes: 1 MiB (1048576) is the configured one, 2, 4 and 8 MiB and 16384 are endpoints' own. */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        POST | /shop/api/items            | 1048576
        POST | /shop/api/items/7          | 1048576
        PUT  | /shop/api/items/7/photo    | 8388608
        POST | /shop/api/items/7/notes    | 2097152
        # a class-level limit applies to its methods, also a smaller one
        POST | /shop/api/forms            | 16384
        # the largest limit is nobody else's
        POST | /shop/legacy/upload        | 1048576
        POST | /shop/api/nowhere          | 1048576
        """)
    void eachEndpointGetsItsOwnLimitAndNoOther(String method, String path, long limit) {
        assertThat(limits.limitFor(method, path)).isEqualTo(limit);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # /items/bulk matches both "/items/bulk" and "/items/{id}": the literal template wins
        POST | /shop/api/items/bulk       | 4194304
        # "/items/{id}/{part}" and "/items/{id: [0-9]+}/photo" both match /items/7/photo, the literal one wins,
        # but only for its method: POST goes to {id}/{part}
        PUT  | /shop/api/items/7/photo    | 8388608
        POST | /shop/api/items/7/photo    | 2097152
        # the regular expression of a variable counts: "x" is not [0-9]+
        PUT  | /shop/api/items/x/photo    | 1048576
        # another method on the big endpoint's path: JAX-RS answers 405, nothing is read
        PUT  | /shop/api/items/bulk       | 1048576
        """)
    void theMatchFollowsJaxRsPrecedenceNotTheLargestLimit(String method, String path, long limit) {
        assertThat(limits.limitFor(method, path)).isEqualTo(limit);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
        POST | /shop/api/items/bulk/      | 4194304
        POST | /shop/api/items/bulk;v=2   | 4194304
        POST | /shop/api/items/%62ulk     | 4194304
        post | /shop/api/items/bulk       | 4194304
        # undecodable, or no path: no endpoint, the configured limit
        POST | /shop/api/items/bulk%zz    | 1048576
        POST |                            | 1048576
        """)
    void pathsAreMatchedAsJaxRsSeesThem(String method, String path, long limit) {
        assertThat(limits.limitFor(method, path)).isEqualTo(limit);
    }

    @Test
    void withoutOwnLimitsEveryRequestGetsTheConfiguredOne() {
        EndpointBodyLimits plain = new EndpointBodyLimits(List.of(new EndpointBodyLimits.Route("POST", "/a", MIB)),
                MIB);
        assertThat(plain.limitFor("POST", "/a")).isEqualTo(MIB);
        assertThat(plain.limitFor("PUT", "/b")).isEqualTo(MIB);
    }
}
