package dev.bulwark.internal.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.apidoc.OpenApiSettings;
import dev.bulwark.internal.controls.TestModels;
import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.EndpointModel;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests checked against test/resources/openapi/pets.yaml: what a real client sends passes (Unicode and RTL text,
 * optional parameters absent, repeated and comma-separated arrays, 1.0 for a number, a {@code charset} parameter),
 * and each violation is one field error telling where and what, never the value.
 */
class OperationCheckTest {

    private static final EndpointModel MODEL = TestModels.resources("/shop", PetsApi.classes());
    private static final Contract CONTRACT = compile(false);
    private static final Contract STRICT_QUERY = compile(true);

    private static Contract compile(boolean refuseUnknownQuery) {
        ContractCompiler.Result result = ContractCompiler.compile(new OpenApiSettings(true, null, true, null,
                refuseUnknownQuery, false), "openapi/pets.yaml", PetsApi.document("pets.yaml"), "/shop", MODEL.policies());
        assertThat(result.problems()).isEmpty();
        return result.contract();
    }

    private static OperationCheck operation(Contract contract, String method) {
        EndpointPolicy policy = MODEL.policies().stream().filter(p -> p.site().method().getName().equals(method))
                .findFirst().orElseThrow();
        return contract.operation(policy.site());
    }

    private static List<Problem.FieldError> errors(String method, FakeRequest request) {
        return errors(CONTRACT, method, request);
    }

    private static List<Problem.FieldError> errors(Contract contract, String method, FakeRequest request) {
        try {
            operation(contract, method).check(request);
            return List.of();
        } catch (ProblemException e) {
            assertThat(e.kind()).isEqualTo(ProblemKind.VALIDATION);
            assertThat(e.phase()).isEqualTo(Phase.OPENAPI);
            return e.errors();
        }
    }

    private static FakeRequest list() {
        return new FakeRequest().header("X-Region", "eu");
    }

    private static Problem.FieldError error(String in, String field, String message) {
        return new Problem.FieldError(in, field, message);
    }

    // --- parameters: legitimate input ---

    @Test
    void aRequestWithOnlyItsRequiredParametersPasses() {
        assertThat(errors("list", list())).isEmpty();
    }

    @Test
    void everyParameterWellFormedPassesUnicodeAndRtlTextIncluded() {
        FakeRequest request = list().query("limit", "100").query("tag", "חתול").query("tag", "ねこ")
                .query("sort", "price").query("q", "قطة صغيرة 2").query("min-price", "1.0")
                .query("ids", "1,2,3");
        assertThat(errors("list", request)).isEmpty();
    }

    @Test
    void numbersAreReadAsJsonNumbers() {
        assertThat(errors("list", list().query("min-price", "2e3"))).isEmpty();
        assertThat(errors("list", list().query("min-price", "0"))).isEmpty();
        assertThat(errors("list", list().query("min-price", "-0.5")))
                .containsExactly(error("query", "min-price", "is below the minimum"));
    }

    @Test
    void unknownQueryParametersAreAllowedByDefaultAndRefusedWhenConfigured() {
        assertThat(errors("list", list().query("utm_source", "mail"))).isEmpty();
        assertThat(errors(STRICT_QUERY, "list", list().query("utm_source", "mail").query("limit", "5")))
                .containsExactly(error("query", "utm_source", "is not a documented query parameter"));
    }

    // --- parameters: hostile or broken input ---

    @Test
    void eachParameterViolationNamesItsPlaceAndNeverItsValue() {
        FakeRequest request = new FakeRequest().header("X-Region", "mars").query("limit", "1000")
                .query("sort", "password' OR 1=1").query("q", "<script>").query("ids", "1,two");
        List<Problem.FieldError> errors = errors("list", request);
        assertThat(errors).containsExactlyInAnyOrder(
                error("query", "limit", "is above the maximum"),
                error("query", "sort", "is not one of the allowed values"),
                error("query", "q", "does not match the required pattern"),
                error("query", "ids", "must be an integer"),
                error("header", "X-Region", "is not one of the allowed values"));
        assertThat(errors.toString()).doesNotContain("mars", "1000", "password", "script", "two");
    }

    @Test
    void aMissingRequiredHeaderIsRefused() {
        assertThat(errors("list", new FakeRequest()))
                .containsExactly(error("header", "X-Region", "is required"));
    }

    @Test
    void aScalarGivenTwiceIsRefusedSoNoTwoReadersSeeDifferentValues() {
        assertThat(errors("list", list().query("limit", "5").query("limit", "500")))
                .containsExactly(error("query", "limit", "is given more than once"));
    }

    @Test
    void textThatIsNoNumberIsRefusedBeforeTheSchema() {
        assertThat(errors("list", list().query("limit", "1.0")))
                .containsExactly(error("query", "limit", "must be an integer"));
        assertThat(errors("list", list().query("limit", "0x10")))
                .containsExactly(error("query", "limit", "must be an integer"));
        assertThat(errors("list", list().query("min-price", "NaN")))
                .containsExactly(error("query", "min-price", "must be a number"));
        assertThat(errors("list", list().query("limit", "")))
                .containsExactly(error("query", "limit", "must be an integer"));
    }

    @Test
    void arrayItemsAreCheckedOneByOneAndCounted() {
        assertThat(errors("list", list().query("tag", "a".repeat(21))))
                .containsExactly(error("query", "tag[0]", "is too long"));
        FakeRequest many = list();
        for (int i = 0; i < 6; i++) {
            many.query("tag", "t" + i);
        }
        assertThat(errors("list", many)).containsExactly(error("query", "tag", "has too many items"));
    }

    @Test
    void pathVariablesAreReadByTheResourceMethodsOwnNameAndCheckedByTheDocuments() {
        assertThat(errors("one", new FakeRequest().path("petId", "42"))).isEmpty();
        assertThat(errors("one", new FakeRequest().path("petId", "0")))
                .containsExactly(error("path", "id", "is below the minimum"));
    }

    @Test
    void cookiesAreCheckedAgainstTheirFormat() {
        assertThat(errors("one", new FakeRequest().path("petId", "1")
                .cookie("session", "3f1c2a4e-8b7d-4c2e-9a1f-0d5e6b7c8a9b"))).isEmpty();
        assertThat(errors("one", new FakeRequest().path("petId", "1").cookie("session", "../../etc/passwd")))
                .containsExactly(error("cookie", "session", "is not in the required format"));
    }

    // --- the body ---

    @Test
    void aBodyOfEitherDiscriminatedShapePasses() {
        assertThat(errors("create", new FakeRequest().json(
                "{\"kind\":\"cat\",\"name\":\"Ágnes מיאו\",\"price\":1.0,\"born\":null,\"indoor\":true}"))).isEmpty();
        assertThat(errors("create", new FakeRequest().json("{\"kind\":\"dog\",\"name\":\"Rex\",\"goodBoy\":true}")))
                .isEmpty();
    }

    @Test
    void aReadOnlyPropertyInARequestIsRefused() {
        assertThat(errors("create", new FakeRequest().json("{\"kind\":\"cat\",\"name\":\"Tom\",\"id\":7}")))
                .contains(error("body", "id", "is read-only: a request may not set it"));
    }

    @Test
    void anUndocumentedPropertyIsRefused() {
        List<Problem.FieldError> errors = errors("update", new FakeRequest().path("petId", "1")
                .json("{\"kind\":\"cat\",\"name\":\"Tom\",\"isAdmin\":true}"));
        assertThat(errors).containsExactly(error("body", "isAdmin", "is not a documented property"));
    }

    @Test
    void aDiscriminatorNamingNoDocumentedTypeIsRefused() {
        assertThat(errors("create", new FakeRequest().json("{\"kind\":\"admin\",\"name\":\"x\"}"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.in()).isEqualTo("body"));
    }

    @Test
    void bodyViolationsNameTheirPlace() {
        List<Problem.FieldError> errors = errors("update", new FakeRequest().path("petId", "1")
                .json("{\"kind\":\"cat\",\"name\":\"\",\"price\":-1,\"born\":\"yesterday\"}"));
        assertThat(errors).containsExactlyInAnyOrder(error("body", "name", "is too short"),
                error("body", "price", "is below the minimum"), error("body", "born", "is not in the required format"));
        assertThat(errors("update", new FakeRequest().path("petId", "1").json("{\"kind\":\"cat\"}")))
                .containsExactly(error("body", "name", "is required"));
    }

    @Test
    void aRequiredBodyMustBeSent() {
        assertThat(errors("create", new FakeRequest())).containsExactly(error("body", "", "is required"));
        assertThat(errors("update", new FakeRequest().path("petId", "1"))).isEmpty(); // optional there
    }

    @Test
    void aContentTypeTheOperationDoesNotDocumentIs415() {
        assertThatThrownBy(() -> operation(CONTRACT, "create").check(new FakeRequest().body("application/xml")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNSUPPORTED_MEDIA_TYPE));
        // a documented range, and a charset parameter, are fine
        assertThat(errors("update", new FakeRequest().path("petId", "1").body("text/plain; charset=utf-8")))
                .isEmpty();
        assertThat(errors("create", new FakeRequest().json("{\"kind\":\"dog\",\"name\":\"Rex\"}")
                .body("Application/JSON; charset=UTF-8"))).isEmpty();
    }
}
