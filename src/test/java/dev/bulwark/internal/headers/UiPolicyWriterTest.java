package dev.bulwark.internal.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.config.TestConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Swagger UI the application serves from its own WAR ({@code bulwark.headers.ui-paths}) gets a CSP its scripts,
 * styles and icons run under; the API next to it keeps {@code default-src 'none'}.
 */
class UiPolicyWriterTest {

    private static final HeaderWriters WRITERS = HeaderWriters.of(TestConfig.load(Map.of(
            "bulwark.headers.ui-paths", "/openapi/ui, /swagger-ui")).config().headers());

    private static MapHeaders write(String path) {
        MapHeaders h = new MapHeaders();
        WRITERS.write(new ResponseFacts(true, false, false, false, null, false, path), h);
        return h;
    }

    @Test
    void theUiPathsGetTheUiPolicyAndEveryOtherHeader() {
        MapHeaders ui = write("/openapi/ui/index.html");
        assertThat(ui.get("Content-Security-Policy")).startsWith("default-src 'none'; script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:").contains("connect-src 'self'")
                .endsWith("frame-ancestors 'none'");
        assertThat(ui.get("X-Frame-Options")).isEqualTo("DENY");
        assertThat(ui.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(write("/openapi/ui").get("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(write("/swagger-ui/swagger-ui-bundle.js").get("Content-Security-Policy"))
                .contains("script-src 'self'");
    }

    @Test
    void theApiAndLookAlikePathsKeepTheApisPolicy() {
        for (String path : new String[]{"/api/orders", "/openapi/uix", "/openapi", "/swagger-uiz/x.js", null}) {
            assertThat(write(path).get("Content-Security-Policy")).as(path)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
        }
    }

    @Test
    void noUiPathsByDefaultAndTheApplicationsOwnPolicyWins() {
        HeaderWriters defaults = HeaderWriters.of(TestConfig.load(Map.of()).config().headers());
        MapHeaders h = new MapHeaders();
        defaults.write(new ResponseFacts(true, false, false, false, null, false, "/openapi/ui/index.html"), h);
        assertThat(h.get("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        MapHeaders own = new MapHeaders("Content-Security-Policy", "default-src 'self'");
        WRITERS.write(new ResponseFacts(true, false, false, false, null, false, "/openapi/ui/index.html"), own);
        assertThat(own.get("Content-Security-Policy")).isEqualTo("default-src 'self'");
    }
}
