package dev.bulwark.internal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.apidoc.OpenApiSettings;
import dev.bulwark.internal.controls.TestModels;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.pipeline.EndpointModel;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document compiled against the endpoint model at deployment: what cannot be enforced as written is a problem
 * naming the key and the place, never a surprise at the first request.
 */
class ContractCompilerTest {

    private static final EndpointModel MODEL = TestModels.resources("/shop", PetsApi.classes());
    private static final OpenApiSettings ON = new OpenApiSettings(true, null, true, null, false, false);

    private static ContractCompiler.Result compile(OpenApiSettings settings, String text) {
        return ContractCompiler.compile(settings, "META-INF/openapi.yaml", text, "/shop", MODEL.policies());
    }

    private static ContractCompiler.Result compile(String text) {
        return compile(ON, text);
    }

    /** A 3.0 document of the given paths (YAML, indented below {@code paths:}). */
    private static String doc(String paths) {
        return "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n" + paths;
    }

    @Test
    void everyOperationIsMatchedToItsResourceMethodAndTheRestAreListed() {
        ContractCompiler.Result result = compile(PetsApi.document("pets.yaml"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.contract().operations()).hasSize(4);
        assertThat(result.contract().undocumented()).containsExactly("GET /shop/api/pets/export");
    }

    @Test
    void undocumentedEndpointsFailTheDeploymentWhenRefused() {
        ContractCompiler.Result result = compile(new OpenApiSettings(true, null, true, null, false, true),
                PetsApi.document("pets.yaml"));
        assertThat(result.contract()).isNull();
        assertThat(result.problems()).containsExactly("bulwark.openapi.undocumented-endpoints=refuse: the OpenAPI"
                + " document META-INF/openapi.yaml does not describe GET /shop/api/pets/export");
    }

    @Test
    void anOperationNoResourceMethodServesIsADeploymentProblem() {
        ContractCompiler.Result result = compile(doc("""
                  /pets/{id}/toys:
                    get:
                      responses: {'200': {description: ok}}
                  /pets:
                    delete:
                      responses: {'204': {description: ok}}
                """));
        assertThat(result.problems()).containsExactly(
                "bulwark.openapi.document (META-INF/openapi.yaml): GET /pets/{id}/toys is served by no resource method",
                "bulwark.openapi.document (META-INF/openapi.yaml): DELETE /pets is served by no resource method");
    }

    @Test
    void aDocumentThatDoesNotParseOrIsNoOpenApi3DocumentIsADeploymentProblem() {
        assertThat(compile("openapi: 3.0.3\npaths: {\n  /pets: [").problems()).singleElement().asString()
                .startsWith("bulwark.openapi.document (META-INF/openapi.yaml): does not parse as JSON or YAML (line");
        assertThat(compile("swagger: '2.0'\npaths: {}").problems()).containsExactly("bulwark.openapi.document"
                + " (META-INF/openapi.yaml): is not an OpenAPI 3.0 or 3.1 document (its 'openapi' field)");
    }

    @Test
    void referencesOutsideTheDocumentAreNeverFetched() {
        assertThat(compile(doc("""
                  /pets:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: 'https://schemas.example/pet.json'}
                      responses: {'201': {description: ok}}
                """)).problems()).containsExactly("bulwark.openapi.document (META-INF/openapi.yaml): references"
                + " outside the document are not read: /paths/~1pets/post/requestBody/content/application~1json/schema/$ref");
    }

    @Test
    void parametersTheCheckCannotReadAreDeploymentProblemsNotSilentlySkipped() {
        List<String> problems = compile(doc("""
                  /pets:
                    get:
                      parameters:
                        - {name: filter, in: query, style: deepObject, schema: {type: object}}
                        - {name: where, in: query, content: {application/json: {schema: {type: object}}}}
                        - {name: at, in: query, style: spaceDelimited, explode: true, schema: {type: array}}
                        - {name: petId, in: path, required: true, schema: {type: integer}}
                      responses: {'200': {description: ok}}
                """)).problems();
        assertThat(problems).containsExactly(
                "bulwark.openapi.document (META-INF/openapi.yaml): GET /pets: query parameter 'filter' is an object:"
                        + " object parameters are not read",
                "bulwark.openapi.document (META-INF/openapi.yaml): GET /pets: query parameter 'where' is described"
                        + " by 'content': only parameters with a 'schema' are checked",
                "bulwark.openapi.document (META-INF/openapi.yaml): GET /pets: query parameter 'at' has style"
                        + " 'spaceDelimited' that is not read",
                "bulwark.openapi.document (META-INF/openapi.yaml): GET /pets: path parameter 'petId' is not a"
                        + " variable of the path");
    }

    @Test
    void aSchemaThatDoesNotCompileIsADeploymentProblem() {
        assertThat(compile(doc("""
                  /pets:
                    get:
                      parameters:
                        - {name: q, in: query, schema: {type: string, pattern: '[a-'}}
                      responses: {'200': {description: ok}}
                """)).problems()).singleElement().asString().startsWith("bulwark.openapi.document"
                + " (META-INF/openapi.yaml): GET /pets: query parameter 'q': its schema does not compile");
    }

    @Test
    void aJsonDocumentOfOpenApi31IsReadTooWithItsTypeLists() {
        ContractCompiler.Result result = compile("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/api/pets": {"get": {"parameters": [
                   {"name": "limit", "in": "query", "schema": {"type": ["integer", "null"], "maximum": 10}}],
                   "responses": {"200": {"description": "ok"}}}}}}
                """);
        assertThat(result.problems()).isEmpty();
        OperationCheck list = result.contract().operations().values().iterator().next();
        list.check(new FakeRequest().query("limit", "10"));
        try {
            list.check(new FakeRequest().query("limit", "11"));
            throw new AssertionError("11 passed");
        } catch (ProblemException e) {
            assertThat(e.errors()).extracting(er -> er.field() + " " + er.message())
                    .containsExactly("limit is above the maximum");
        }
    }

    @Test
    void theDefaultDocumentIsTheStaticFileMicroProfileOpenApiReads(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/openapi.json"), "{\"openapi\": \"3.0.3\", \"paths\": {}}");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
            ContractCompiler.Result result = ContractCompiler.load(ON, loader, "/shop", MODEL.policies());
            assertThat(result.problems()).isEmpty();
            assertThat(result.contract().document()).isEqualTo("META-INF/openapi.json");
            assertThat(result.contract().undocumented()).hasSize(5);
            ContractCompiler.Result missing = ContractCompiler.load(new OpenApiSettings(true, null, true,
                    "META-INF/api.yaml", false, false), loader, "/shop", MODEL.policies());
            assertThat(missing.problems()).containsExactly("bulwark.openapi.document: no class-path resource"
                    + " META-INF/api.yaml for bulwark.openapi.validation=on");
        }
    }

    /** A second resource whose path ends like one of the pets API's. */
    @jakarta.ws.rs.Path("/limited/pets/{petId}")
    @jakarta.annotation.security.PermitAll
    public static class LimitedPets {
        @jakarta.ws.rs.GET
        public String one(@jakarta.ws.rs.PathParam("petId") long id) {
            return "{}";
        }
    }

    @Test
    void theServersBasePathPicksTheEndpointWhereAPathSuffixWouldBeAmbiguous() {
        List<dev.bulwark.internal.pipeline.EndpointPolicy> policies = TestModels.resources("/shop",
                List.of(PetsApi.App.class, PetsApi.Pets.class, LimitedPets.class)).policies();
        String paths = """
                  /pets/{id}:
                    get:
                      responses: {'200': {description: ok}}
                """;
        ContractCompiler.Result based = ContractCompiler.compile(ON, "d.yaml", doc(paths)
                + "servers: [{url: 'https://shop.example/shop/api'}]\n", "/shop", policies);
        assertThat(based.problems()).isEmpty();
        assertThat(based.contract().undocumented()).contains("GET /shop/api/limited/pets/{petId}")
                .doesNotContain("GET /shop/api/pets/{petId: [0-9]+}");
        assertThat(ContractCompiler.compile(ON, "d.yaml", doc(paths), "/shop", policies).problems())
                .singleElement().asString().contains("GET /pets/{id} matches several resource methods");
    }

    @Test
    void pathVariablesAreMappedByPosition() {
        assertThat(ContractCompiler.pathNames("/pets/{petId}/toys/{toy}", "/shop/api/pets/{id: [0-9]{1,9}}/toys/{t}"))
                .containsExactly(java.util.Map.entry("petId", "id"), java.util.Map.entry("toy", "t"));
        assertThat(ContractCompiler.pathNames("/pets/{petId}", "/shop/api/pets")).isNull();
    }

    @Test
    void anApplicationWithoutTheValidationLibraryGetsAProblemNamingTheKeyNotALinkageError() {
        assertThat(ContractCompiler.libraryProblem(getClass().getClassLoader())).isNull();
        ClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        assertThat(ContractCompiler.libraryProblem(bare).message())
                .startsWith("Bulwark configuration key 'bulwark.openapi.validation': is on but the application cannot"
                        + " load com.networknt.schema.SchemaRegistry")
                .contains("com.networknt:json-schema-validator 3.0.x");
    }
}
