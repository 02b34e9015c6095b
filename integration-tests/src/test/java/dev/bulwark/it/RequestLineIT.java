package dev.bulwark.it;

import static dev.bulwark.it.RawHttp.assertLoggedAsClientError;
import static dev.bulwark.it.RawHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request-line hygiene, sent as raw bytes (java.net.http refuses such URIs): characters RFC 3986 does not allow
 * raw in a path or query are a 400 problem at the servlet layer, for JAX-RS and plain servlets alike, never the
 * 500 that RESTEasy's URI parsing used to cause; their percent-encoded forms pass. Right-to-left text with its
 * direction marks, and with the balanced bidi isolates message formatters write, passes; bidi overrides and
 * unbalanced isolates do not.
 */
class RequestLineIT {

    private static final String HEBREW_RLM = "\u05e9\u05dc\u05d5\u05dd \u200fABC-12\u200f";
    private static final String ARABIC_ALM = "\u0645\u0631\u062d\u0628\u0627 \u061c42\u061c";

    /** Percent-encodes all but unreserved characters (Liberty itself refuses an encoded '.' or '#' in a path). */
    private static String pct(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {"a={} a", "q=a|b q", "q=a^b q", "q=`id` q", "q=<b> q", "q=\"x\" q",
        "x=1&q={{7*7}} q", "q=a\\b q"})
    void rawCharactersInTheQueryAreA400ProblemNamingTheParameter(String query, String field) {
        for (String path : List.of("/it/api/items/1", "/it/legacy/hello")) {
            long severe = RawHttp.severeLines();
            RawHttp.Response r = RawHttp.get(path + "?" + query);
            JsonObject problem = assertProblem(r, 400);
            JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("in")).isEqualTo("query");
            assertThat(error.getString("field")).isEqualTo(field);
            assertThat(error.getString("message")).isEqualTo("contains a character that must be percent-encoded");
            assertThat(r.text()).doesNotContain(query.substring(query.indexOf('=') + 1));
            assertLoggedAsClientError(problem.getString("correlationId"), 400);
            assertThat(RawHttp.severeLines()).as("SEVERE lines after %s%s", path, query).isEqualTo(severe);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/it/api/items/{x}", "/it/api/items/a\"b", "/it/api/items/<b>", "/it/api/items/a^b",
        "/it/api/items/a`b", "/it/api/items/a|b", "/it/api/items/[1]", "/it/api/items/{id}/x", "/it/legacy/a{b}",
        "/it/api/bodies/words/\u05e9\u05dc\u05d5\u05dd"})
    void rawCharactersInThePathAreA400Problem(String path) {
        long severe = RawHttp.severeLines();
        JsonObject problem = assertProblem(RawHttp.get(path), 400);
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("in")).isEqualTo("path");
        assertThat(error.getString("message")).isEqualTo("contains a character that must be percent-encoded");
        assertLoggedAsClientError(problem.getString("correlationId"), 400);
        assertThat(RawHttp.severeLines()).isEqualTo(severe);
    }

    @Test
    void thePercentEncodedFormsOfTheSameCharactersPass() {
        String special = "{x}|^`<>\"[1] ";
        // (an encoded backslash, %5C, in a path is refused by Liberty itself before any filter runs)
        RawHttp.Response r = RawHttp.get("/it/api/bodies/words/" + pct(special) + "?q=" + pct(special + "\\"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonObject echo = ItSupport.json(r.text());
        assertThat(echo.getString("word")).isEqualTo(special);
        assertThat(echo.getString("q")).isEqualTo(special + "\\");
        // brackets in a query are common (axios, PHP-style arrays) and pass raw
        assertThat(RawHttp.get("/it/api/items/1?ids[]=1&ids[]=2").status()).isEqualTo(200);
        assertThat(RawHttp.get("/it/api/items/1?a=%7B%7D&q=a%7Cb").status()).isEqualTo(200);
    }

    @Test
    void hebrewAndArabicWithDirectionMarksPassInPathQueryHeaderAndBody() {
        RawHttp.Response r = RawHttp.get("/it/api/bodies/words/" + pct(HEBREW_RLM) + "?q=" + pct(ARABIC_ALM));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonObject echo = ItSupport.json(r.text());
        assertThat(echo.getString("word")).isEqualTo(HEBREW_RLM);
        assertThat(echo.getString("q")).isEqualTo(ARABIC_ALM);
        // a checked header carrying UTF-8 with an LRM
        String agent = new String(("\u05d0\u05e4\u05dc\u05d9\u05e7\u05e6\u05d9\u05d4\u200e/2.0")
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(RawHttp.get("/it/api/errors/ok", "User-Agent: " + agent + "\r\n").status()).isEqualTo(200);
        // a JSON string
        var created = ItSupport.send("POST", "/it/api/bodies/purchase", "{\"item\":\"" + HEBREW_RLM
                + "\",\"quantity\":1,\"note\":\"" + ARABIC_ALM + "\"}", "Content-Type", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(ItSupport.json(created.body()).getString("note")).isEqualTo(ARABIC_ALM);
    }

    @Test
    void reorderingControlsStayRefusedInPathQueryHeaderAndBody() {
        JsonObject path = assertProblem(RawHttp.get("/it/api/bodies/words/" + pct("\u202egnp.exe")), 400);
        assertThat(path.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("contains a bidirectional control character");
        JsonObject query = assertProblem(RawHttp.get("/it/api/bodies/words/a?q=" + pct("x\u2067y")), 400);
        assertThat(query.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("q");
        assertThat(query.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("contains a bidirectional control character");
        String agent = new String("app \u202egnp.exe".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        JsonObject header = assertProblem(RawHttp.get("/it/api/errors/ok", "User-Agent: " + agent + "\r\n"), 400);
        assertThat(header.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("User-Agent");
        var body = ItSupport.send("POST", "/it/api/bodies/purchase",
                "{\"item\":\"a\",\"quantity\":1,\"note\":\"\\u2067x\"}", "Content-Type", "application/json");
        JsonObject problem = ItSupport.assertProblem(body, 400);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("note");
    }

    /** Mozilla Fluent and MessageFormat 2 wrap placeables in FSI/LRI/RLI ... PDI (U+2066-U+2069). */
    private static final String[] FORMATTED = {"\u2068Sarah\u2069 sent you a gift",
        "\u2068\u05e9\u05e8\u05d4\u2069 sent you a gift", "\u2068\u0633\u0627\u0631\u0629\u2069 sent you a gift",
        "\u2068\u2067\u05e9\u05e8\u05d4\u2069 and \u2066Bob\u2069\u2069 liked your photo",
        "\u2068".repeat(16) + "x" + "\u2069".repeat(16)};

    /** With bulwark.validation.allow-balanced-bidi-isolates=true (the /it-proxy deployment). */
    @Test
    void balancedBidiIsolatesPassInPathQueryAndHeader() {
        for (String text : FORMATTED) {
            RawHttp.Response r = RawHttp.get("/it-proxy/api/bodies/words/" + pct(text) + "?q=" + pct(text));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonObject echo = ItSupport.json(r.text());
            assertThat(echo.getString("word")).isEqualTo(text);
            assertThat(echo.getString("q")).isEqualTo(text);
        }
        String agent = new String("app (\u2068\u05e9\u05e8\u05d4\u2069) 2.0".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        assertThat(RawHttp.get("/it-proxy/api/errors/ok", "User-Agent: " + agent + "\r\n").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\u202egnp.exe|contains a bidirectional control character",
        "\u2068\u202egnp.exe\u2069|contains a bidirectional control character",
        "\u2067abc|contains an unbalanced bidirectional isolate",
        "abc\u2069|contains an unbalanced bidirectional isolate",
        "DEEP|contains bidirectional isolates nested deeper than 16"})
    void bidiOverridesAndUnbalancedOrTooDeepIsolatesStayRefusedInPathQueryAndHeader(String value, String message) {
        String text = value.equals("DEEP") ? "\u2068".repeat(17) + "x" + "\u2069".repeat(17) : value;
        JsonObject path = assertProblem(RawHttp.get("/it-proxy/api/bodies/words/" + pct(text)), 400);
        JsonObject pathError = path.getJsonArray("errors").getJsonObject(0);
        assertThat(pathError.getString("in")).isEqualTo("path");
        assertThat(pathError.getString("message")).isEqualTo(message);
        JsonObject query = assertProblem(RawHttp.get("/it-proxy/api/bodies/words/a?q=" + pct(text)), 400);
        JsonObject queryError = query.getJsonArray("errors").getJsonObject(0);
        assertThat(queryError.getString("in")).isEqualTo("query");
        assertThat(queryError.getString("field")).isEqualTo("q");
        assertThat(queryError.getString("message")).isEqualTo(message);
        String agent = new String(("app " + text).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        JsonObject header = assertProblem(RawHttp.get("/it-proxy/api/errors/ok", "User-Agent: " + agent + "\r\n"), 400);
        assertThat(header.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("User-Agent");
        assertThat(header.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo(message);
        assertLoggedAsClientError(path.getString("correlationId"), 400);
    }

    /** By default every isolate is refused, as the issue asks; the direction marks still pass (above). */
    @Test
    void byDefaultEveryIsolateIsRefusedInPathQueryAndHeader() {
        for (String text : FORMATTED) {
            JsonObject path = assertProblem(RawHttp.get("/it/api/bodies/words/" + pct(text)), 400);
            assertThat(path.getJsonArray("errors").getJsonObject(0).getString("message"))
                    .isEqualTo("contains a bidirectional control character");
            assertProblem(RawHttp.get("/it/api/bodies/words/a?q=" + pct(text)), 400);
        }
    }

    @Test
    void isolatesMustBalanceWithinOnePathSegment() {
        JsonObject problem = assertProblem(RawHttp.get("/it-proxy/api/bodies/words/" + pct("\u2068a") + "/"
                + pct("b\u2069")), 400);
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("contains an unbalanced bidirectional isolate");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {"limit=%C0%AF limit is_not_valid_percent-encoded_UTF-8",
        "x=1&q=%E2%80%AEexe q contains_a_bidirectional_control_character",
        "name=%1B%5B31m name contains_a_control_character"})
    void queryViolationsNameTheParameterWithoutTheValue(String query, String field, String message) {
        JsonObject problem = assertProblem(RawHttp.get("/it/api/items/1?" + query), 400);
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("in")).isEqualTo("query");
        assertThat(error.getString("field")).isEqualTo(field);
        assertThat(error.getString("message")).isEqualTo(message.replace('_', ' '));
        assertThat(problem.toString()).doesNotContain("exe").doesNotContain("31m");
    }
}
