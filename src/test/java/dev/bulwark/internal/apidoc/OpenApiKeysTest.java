package dev.bulwark.internal.apidoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.ConfigProblem;
import dev.bulwark.internal.config.TestConfig;
import dev.bulwark.internal.controls.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request validation keys of {@code bulwark.openapi.*}: defaults, values, and bad values naming their key. */
class OpenApiKeysTest {

    private static OpenApiSettings read(Map<String, String> config) {
        return TestConfig.load(config).config().settings(OpenApiKeys.CONCERN);
    }

    @Test
    void validationIsOffByDefaultAndReadsMicroProfileOpenApisStaticFile() {
        OpenApiSettings s = read(Map.of());
        assertThat(s.validation()).isFalse();
        assertThat(s.document()).isNull();
        assertThat(s.refuseUnknownQuery()).isFalse();
        assertThat(s.refuseUndocumented()).isFalse();
        assertThat(OpenApiSettings.STATIC_FILES).containsExactly("META-INF/openapi.yaml", "META-INF/openapi.yml",
                "META-INF/openapi.json");
    }

    @Test
    void everyValidationKeyIsRead() {
        OpenApiSettings s = read(Map.of("bulwark.openapi.validation", "on", "bulwark.openapi.document",
                "META-INF/api/v2.json", "bulwark.openapi.unknown-query-parameters", "refuse",
                "bulwark.openapi.undocumented-endpoints", "refuse"));
        assertThat(s).isEqualTo(new OpenApiSettings(true, null, true, "META-INF/api/v2.json", true, true));
    }

    @Test
    void badValuesFailNamingTheirKeys() {
        ConfigLoader.Result r = TestConfig.load(Map.of("bulwark.openapi.validation", "true",
                "bulwark.openapi.document", "../../etc/openapi.yaml",
                "bulwark.openapi.unknown-query-parameters", "deny", "bulwark.openapi.undocumented-endpoints", "fail"));
        assertThat(r.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "bulwark.openapi.validation", "bulwark.openapi.document", "bulwark.openapi.unknown-query-parameters",
                "bulwark.openapi.undocumented-endpoints");
        assertThat(OpenApiSettings.isDocumentName("file:/etc/openapi.yaml")).isFalse();
        assertThat(OpenApiSettings.isDocumentName("META-INF/openapi.txt")).isFalse();
        assertThat(OpenApiSettings.isDocumentName("META-INF/openapi.YAML")).isTrue();
    }
}
