package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.errors.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodySchemaTest {

    private final BodySchema schema = BodySchema.load(getClass().getClassLoader(), "schemas/item.json");

    private List<Problem.FieldError> check(String json) {
        return schema.check(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validDocumentsPass() {
        assertThat(check("{\"name\":\"pen\",\"quantity\":2,\"tags\":[\"red\"]}")).isEmpty();
    }

    @Test
    void violationsNameLocationAndKeywordButNeverTheValue() {
        List<Problem.FieldError> errors = check("{\"name\":\"SECRET-VALUE\",\"quantity\":0,\"tags\":[\"green\"],"
                + "\"extra\":1}");
        assertThat(errors).extracting(Problem.FieldError::field).contains("name", "quantity", "tags[0]");
        assertThat(errors).extracting(Problem.FieldError::message)
                .contains("does not satisfy the schema keyword 'pattern'",
                        "does not satisfy the schema keyword 'minimum'",
                        "does not satisfy the schema keyword 'enum'",
                        "does not satisfy the schema keyword 'additionalProperties'");
        assertThat(errors.toString()).doesNotContain("SECRET-VALUE").doesNotContain("green");
        assertThat(check("{}")).extracting(Problem.FieldError::message)
                .contains("does not satisfy the schema keyword 'required'");
    }

    @Test
    void aMissingOrBrokenSchemaFailsAtLoading() {
        assertThatThrownBy(() -> BodySchema.load(getClass().getClassLoader(), "schemas/none.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no such class-path resource");
        assertThatThrownBy(() -> BodySchema.load(getClass().getClassLoader(), "schemas/broken.json"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aValueTooLongForAPatternIsAFieldErrorNotAStackOverflow() {
        BodySchema slug = BodySchema.load(getClass().getClassLoader(), "schemas/slug.json");
        assertThat(slug.check("{\"slug\":\"release-notes-2026\"}".getBytes(StandardCharsets.UTF_8)))
                .as("a real slug").isNotEmpty(); // digits are not in the pattern
        assertThat(slug.check("{\"slug\":\"release-notes\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        String hostile = "{\"slug\":\"" + "a".repeat(200_000) + "!\"}";
        assertThat(slug.check(hostile.getBytes(StandardCharsets.UTF_8))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("cannot be checked against the schema"));
    }
}
