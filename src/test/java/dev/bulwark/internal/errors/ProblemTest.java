package dev.bulwark.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final ProblemFactory factory = new ProblemFactory(URI.create("urn:bulwark:problem:"));

    @Test
    void plainStatusProblemsUseAboutBlankAndTheStatusPhrase() {
        Problem p = factory.forStatus(404, "abc");
        assertThat(p.toJson()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"The requested resource was not found.\",\"instance\":\"urn:bulwark:request:abc\","
                + "\"correlationId\":\"abc\"}");
    }

    @Test
    void specificKindsUseTheConfiguredTypeBase() {
        Problem p = new ProblemFactory(URI.create("https://api.example.com/problems/"))
                .create(ProblemKind.VALIDATION, 400, "id1", List.of(new Problem.FieldError("body", "name", "must not be blank")));
        assertThat(p.type()).isEqualTo("https://api.example.com/problems/validation");
        assertThat(p.toJson()).endsWith(
                "\"errors\":[{\"in\":\"body\",\"field\":\"name\",\"message\":\"must not be blank\"}]}");
    }

    @Test
    void unknownStatusesKeepTheirStatusWithAGenericText() {
        assertThat(factory.forStatus(418, "x").status()).isEqualTo(418);
        assertThat(factory.forStatus(418, "x").title()).isEqualTo("Client Error");
        assertThat(factory.forStatus(599, "x").title()).isEqualTo("Server Error");
        assertThat(factory.forStatus(413, "x").title()).isEqualTo("Content Too Large");
    }

    @Test
    void jsonIsPureAsciiAndEscapesEverythingHostile() {
        String json = new JsonText().beginObject()
                .field("a", "quote\" backslash\\ nl\n cr\r tab\t nul\u0000 bidi\u202e ls\u2028 <script>&"
                        + " lone\ud800 pair\ud83d\ude00 é")
                .endObject().toString();
        assertThat(json).isEqualTo("{\"a\":\"quote\\\" backslash\\\\ nl\\n cr\\r tab\\t nul\\u0000 bidi\\u202e"
                + " ls\\u2028 \\u003cscript\\u003e\\u0026 lone\\ud800 pair\\ud83d\\ude00 \\u00e9\"}");
        assertThat(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
    }

    @Test
    void nullMembersAreLeftOut() {
        Problem p = new Problem("about:blank", "Not Found", 404, null, null, "c", null);
        assertThat(p.toJson()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"correlationId\":\"c\"}");
    }
}
