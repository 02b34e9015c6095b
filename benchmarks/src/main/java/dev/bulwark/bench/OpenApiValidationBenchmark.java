package dev.bulwark.bench;

import dev.bulwark.internal.apidoc.OpenApiSettings;
import dev.bulwark.internal.contract.Contract;
import dev.bulwark.internal.contract.ContractCompiler;
import dev.bulwark.internal.contract.OperationCheck;
import dev.bulwark.internal.contract.RequestView;
import dev.bulwark.internal.controls.BulwarkConfig;
import dev.bulwark.internal.controls.Controls;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.resources.ResourceScanner;
import dev.bulwark.internal.validation.BodySchema;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-request cost of validating against the OpenAPI document (docs/openapi.md) next to the existing
 * {@code @JsonSchema} path (docs/validation.md), on the same valid body and the same schema: the body alone, and a GET
 * with a path variable, two query parameters and a required header. Both are compiled once, as at deployment; the
 * numbers are the check only (the JSON limits scan, which both paths share, is not in them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OpenApiValidationBenchmark {

    private static final byte[] BODY = "{\"name\":\"widget\",\"quantity\":3,\"email\":\"buyer@example.com\",\"code\":\"ABC\"}"
            .getBytes(StandardCharsets.UTF_8);

    @ApplicationPath("/api")
    public static class App extends Application {
    }

    @Path("/items")
    @PermitAll
    public static class Items {
        @POST
        public String create(Map<String, Object> item) {
            return "{}";
        }

        @GET
        @Path("/{id}")
        public String get(@PathParam("id") long id) {
            return "{}";
        }
    }

    private BodySchema jsonSchema;
    private OperationCheck post;
    private OperationCheck get;
    private final RequestView postRequest = new View(Map.of(), null, BODY);
    private final RequestView getRequest = new View(Map.of("limit", List.of("20"), "tag", List.of("red", "blue")),
            "eu", null);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        jsonSchema = BodySchema.load(loader, "bench/item.json");
        String document;
        try (InputStream in = loader.getResourceAsStream("bench/openapi.yaml")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        EndpointModel model = EndpointModel.build(new Controls(BulwarkConfig.defaults()).resolvers(),
                new ResourceScanner().sites("/shop", ResourceScanner.applications(List.of(App.class, Items.class))));
        ContractCompiler.Result result = ContractCompiler.compile(new OpenApiSettings(true, null, true, null, false,
                false), "bench/openapi.yaml", document, "/shop", model.policies());
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException(result.problems().toString());
        }
        Contract contract = result.contract();
        for (EndpointPolicy p : model.policies()) {
            if (p.site().method().getName().equals("create")) {
                post = contract.operation(p.site());
            } else if (p.site().method().getName().equals("get")) {
                get = contract.operation(p.site());
            }
        }
        // both must pass what they measure, or the numbers would be of the refusal path
        if (!jsonSchema.check(BODY).isEmpty()) {
            throw new IllegalStateException("the body fails its JSON Schema");
        }
        post.check(postRequest);
        get.check(getRequest);
    }

    /** The existing path: the body against its {@code @JsonSchema}. */
    @Benchmark
    public int jsonSchemaBody() {
        return jsonSchema.check(BODY).size();
    }

    /** The same body against the OpenAPI operation's schema (content type, then the schema). */
    @Benchmark
    public OperationCheck openApiBody() {
        post.check(postRequest);
        return post;
    }

    /** A GET: a path variable, two query parameters (one an array) and a required header, each against its schema. */
    @Benchmark
    public OperationCheck openApiParameters() {
        get.check(getRequest);
        return get;
    }

    /** A request as the check reads it. */
    private record View(Map<String, List<String>> query, String tenant, byte[] json) implements RequestView {
        @Override
        public String pathParameter(String name) {
            return "1003";
        }

        @Override
        public Map<String, List<String>> queryParameters() {
            return query;
        }

        @Override
        public List<String> header(String name) {
            return tenant == null ? null : List.of(tenant);
        }

        @Override
        public String cookie(String name) {
            return null;
        }

        @Override
        public String contentType() {
            return json == null ? null : "application/json";
        }

        @Override
        public boolean hasBody() {
            return json != null;
        }

        @Override
        public byte[] checkedJson() {
            return json;
        }
    }
}
