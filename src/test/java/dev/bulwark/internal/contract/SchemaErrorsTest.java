package dev.bulwark.internal.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.bulwark.internal.errors.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** A document's pattern is evaluated by java.util.regex: a value too long for it is a 400 field error, not a 500. */
class SchemaErrorsTest {

    private static Schema slug() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(
                "urn:test", "{\"type\":\"string\",\"pattern\":\"^([a-z]|-)*$\"}")));
        Schema schema = registry.getSchema(SchemaLocation.of("urn:test"));
        schema.initializeValidators();
        return schema;
    }

    @Test
    void aValueThatOverflowsThePatternsRecursionIsAFieldErrorNotAnError() {
        List<Problem.FieldError> errors = new ArrayList<>();
        SchemaErrors.add("query", "slug", slug(), JsonNodeFactory.instance.stringNode("a".repeat(200_000) + "!"),
                errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.in()).isEqualTo("query");
            assertThat(e.field()).isEqualTo("slug");
            assertThat(e.message()).startsWith("cannot be checked against its schema");
        });
        List<Problem.FieldError> shortOne = new ArrayList<>();
        SchemaErrors.add("query", "slug", slug(), JsonNodeFactory.instance.stringNode("a-b!"), shortOne);
        assertThat(shortOne).extracting(Problem.FieldError::message)
                .containsExactly("does not match the required pattern");
    }
}
