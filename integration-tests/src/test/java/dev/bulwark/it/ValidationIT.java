package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.devtools.DevTls;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile input against the test app's JSON endpoint (POST /it/api/items, bound to Item). */
class ValidationIT {

    private static final String ITEMS = "/it/api/items";
    private static final String BODIES = "/it/api/bodies";
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(DevTls.trustAllContext())
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> postBytes(String path, byte[] body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postJson(String body) throws Exception {
        return postBytes(ITEMS, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static JsonObject firstError(JsonObject problem) {
        return problem.getJsonArray("errors").getJsonObject(0);
    }

    @Test
    void oversizedBodiesGet413BeforeTheyAreBuffered() throws Exception {
        // 2 MB with a Content-Length: refused on the header
        byte[] big = ("[" + "0,".repeat(1_000_000) + "0]").getBytes(StandardCharsets.US_ASCII);
        assertProblem(postBytes(ITEMS, big, "application/json"), 413);
        // 50 MB without Content-Length (chunked), all whitespace so that no structural limit trips first:
        // refused once 1 MiB has streamed
        refusedWhileStreaming(fiftyMegabytes("{\"name\":", ' '));
        // a 50 MB string, chunked: a string may fill the body, no more; refused once 1 MiB has streamed
        refusedWhileStreaming(fiftyMegabytes("{\"name\":\"", 'x'));
        // the same endpoint still works afterwards
        assertThat(postJson("{\"name\":\"a\",\"quantity\":1}").statusCode()).isEqualTo(201);
    }

    @Test
    void hundredThousandKeysAreRefusedCheaply() throws Exception {
        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        byte[] body = keys.append("}").toString().getBytes(StandardCharsets.US_ASCII);
        // with a Content-Length: 413 on the header, nothing read
        assertProblem(postBytes(ITEMS, body, "application/json"), 413);
        // chunked: the member limit stops the read after 1000 members
        JsonObject p = assertProblem(postChunked(new java.io.ByteArrayInputStream(body)), 400);
        assertThat(p.getString("type")).isIn("urn:bulwark:problem:body-limit", "urn:bulwark:problem:validation");
    }

    @Test
    void anEndpointMayRaiseItsOwnLimits() throws Exception {
        String item = "{\"name\":\"a\",\"quantity\":1}";
        byte[] bulk = ("[" + (item + ",").repeat(59_999) + item + "]").getBytes(StandardCharsets.US_ASCII);
        assertThat(bulk.length).isGreaterThan(1_048_576);
        HttpResponse<String> r = postBytes(ITEMS + "/bulk", bulk, "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"count\":60000}");
        // the same body is too large (and too long an array) for the endpoint with the default limits
        assertProblem(postBytes(ITEMS, bulk, "application/json"), 413);
    }

    @Test
    void structuralLimitsAreNamedNeverEchoed() throws Exception {
        // an Item is an object: an array is refused at once, whatever follows
        assertThat(firstError(assertProblem(postJson("[".repeat(10_000) + "]".repeat(10_000)), 400))
                .getString("message")).isEqualTo("must be an object");
        // a JSON-P document takes any members: the structural limits apply
        String document = "/it/api/bodies/document";
        JsonObject deep = assertProblem(postBytes(document, ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                .getBytes(StandardCharsets.US_ASCII), "application/json"), 400);
        assertThat(deep.getString("type")).isEqualTo("urn:bulwark:problem:body-limit");
        assertThat(firstError(deep).getString("message")).isEqualTo("nesting is deeper than 32");

        JsonObject array = assertProblem(postBytes(document, ("{\"name\":[" + "0,".repeat(20_000) + "0]}")
                .getBytes(StandardCharsets.US_ASCII), "application/json"), 400);
        assertThat(firstError(array).getString("message")).isEqualTo("an array has more than 10000 elements");

        StringBuilder keys = new StringBuilder("{");
        for (int i = 0; i < 2_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        JsonObject entries = assertProblem(postJson(keys.append("}").toString()), 400);
        assertThat(firstError(entries).getString("message")).isIn("an object has more than 1000 members",
                "is not a known property");

        // strings: an endpoint's own limit (by default a string may fill the body, see below)
        JsonObject longString = assertProblem(postBytes(BODIES + "/status", ("{\"item\":\"a\",\"quantity\":1,"
                + "\"note\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.US_ASCII), "application/json"),
                400);
        assertThat(longString.getString("type")).isEqualTo("urn:bulwark:problem:body-limit");
        assertThat(firstError(longString).getString("field")).isEqualTo("note");
        assertThat(firstError(longString).getString("message")).isEqualTo("a string is longer than 280 characters");
        assertThat(longString.toString()).doesNotContain("xxxx");
    }

    /** What FileReader.readAsDataURL gives a browser app for a 150 KB image: a 200 KB string. */
    private static String dataUrl() {
        byte[] image = new byte[150_000];
        new java.util.Random(7).nextBytes(image);
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(image);
    }

    @Test
    void aBase64DataUrlOfTwoHundredKilobytesIsAcceptedByDefault() throws Exception {
        String url = dataUrl();
        assertThat(url.length()).isGreaterThan(200_000);
        HttpResponse<String> created = postBytes(BODIES + "/purchase", ("{\"item\":\"avatar\",\"quantity\":1,"
                + "\"note\":\"" + url + "\"}").getBytes(StandardCharsets.US_ASCII), "application/json");
        assertThat(created.statusCode()).as(created.body().substring(0, Math.min(300, created.body().length())))
                .isEqualTo(201);
        assertThat(ItSupport.json(created.body()).getString("note")).isEqualTo(url);
        // as a bare JSON string too, to an endpoint that reads the JSON text itself (quotes included)
        HttpResponse<String> note = postBytes(BODIES + "/note", ("\"" + url + "\"").getBytes(StandardCharsets.US_ASCII),
                "application/json");
        assertThat(note.statusCode()).isEqualTo(200);
        assertThat(note.body()).isEqualTo("{\"length\":" + (url.length() + 2) + "}");
    }

    @Test
    void aStringOverAnEndpointsOwnLimitIsStillRefused() throws Exception {
        HttpResponse<String> shortNote = postBytes(BODIES + "/status", ("{\"item\":\"a\",\"quantity\":1,\"note\":\""
                + "x".repeat(280) + "\"}").getBytes(StandardCharsets.US_ASCII), "application/json");
        assertThat(shortNote.statusCode()).isEqualTo(201);
        JsonObject p = assertProblem(postBytes(BODIES + "/status", ("{\"item\":\"avatar\",\"quantity\":1,\"note\":\""
                + dataUrl() + "\"}").getBytes(StandardCharsets.US_ASCII), "application/json"), 400);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:body-limit");
        assertThat(firstError(p).getString("field")).isEqualTo("note");
        assertThat(firstError(p).getString("message")).isEqualTo("a string is longer than 280 characters");
        assertThat(p.toString()).doesNotContain("base64");
    }

    /** Mozilla Fluent and MessageFormat 2 wrap placeables in FSI/LRI/RLI ... PDI (U+2066-U+2069). */
    static final String[] FORMATTED = {"\u2068Sarah\u2069 sent you a gift",
        "\u2068\u05e9\u05e8\u05d4\u2069 sent you a gift", "\u2068\u0633\u0627\u0631\u0629\u2069 sent you a gift",
        "\u2068\u2067\u05e9\u05e8\u05d4\u2069 and \u2066Bob\u2069\u2069 liked your photo"};

    /** The bodies resource of the deployment with bulwark.validation.allow-balanced-bidi-isolates=true. */
    private static final String BALANCED_BODIES = BODIES.replace("/it/", "/it-proxy/");

    /** By default every isolate is refused, balanced or not (the rule); direction marks pass. */
    @Test
    void byDefaultBidiIsolatesAreRefusedInJsonBodies() throws Exception {
        for (String note : FORMATTED) {
            JsonObject p = assertProblem(postBytes(BODIES + "/purchase", ("{\"item\":\"gift\",\"quantity\":1,"
                    + "\"note\":\"" + escaped(note) + "\"}").getBytes(StandardCharsets.US_ASCII), "application/json"), 400);
            assertThat(firstError(p).getString("message")).isEqualTo("a bidirectional control character in a string");
        }
    }

    @Test
    void bidiIsolatesFromMessageFormattersPassInJsonBodies() throws Exception {
        for (String note : FORMATTED) {
            for (String sent : new String[] {note, escaped(note)}) {
                HttpResponse<String> created = postBytes(BALANCED_BODIES + "/purchase", ("{\"item\":\"gift\",\"quantity\":1,"
                        + "\"note\":\"" + sent + "\"}").getBytes(StandardCharsets.UTF_8), "application/json");
                assertThat(created.statusCode()).as(escaped(sent) + ": " + created.body()).isEqualTo(201);
                assertThat(ItSupport.json(created.body()).getString("note")).isEqualTo(note);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\u202e|a bidirectional control character in a string",
        "\\u2068\\u202egnp.exe\\u2069|a bidirectional control character in a string",
        "\\u2067abc|an unbalanced bidirectional isolate in a string",
        "abc\\u2069|an unbalanced bidirectional isolate in a string",
        "DEEP|bidirectional isolates nested deeper than 16 in a string"})
    void bidiOverridesAndUnbalancedOrTooDeepIsolatesStayRefusedInJsonBodies(String note, String message)
            throws Exception {
        String sent = note.equals("DEEP") ? "\\u2068".repeat(17) + "x" + "\\u2069".repeat(17) : note;
        JsonObject p = assertProblem(postBytes(BALANCED_BODIES + "/purchase", ("{\"item\":\"gift\",\"quantity\":1,\"note\":\""
                + sent + "\"}").getBytes(StandardCharsets.US_ASCII), "application/json"), 400);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:validation");
        assertThat(firstError(p).getString("field")).isEqualTo("note");
        assertThat(firstError(p).getString("message")).isEqualTo(message);
    }

    /** The text with everything outside printable ASCII as JSON escapes. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"a\",\"quantity\":1,\"isAdmin\":true}|isAdmin|is not a known property",
        "{\"name\":\"a\",\"quantity\":1,\"id\":\"item-1\"}|id|is read-only",
        "{\"name\":\"a\",\"quantity\":2147483648}|quantity|is out of range for a 32-bit integer",
        "{\"name\":\"a\",\"quantity\":1.5}|quantity|must be a 32-bit integer",
        "{\"name\":\"a\",\"quantity\":1e1000000}|quantity|a number with an exponent beyond 400",
        "{\"name\":\"a\",\"name\":\"b\"}|name|duplicate member name",
        "{\"name\":\"a\",\"n\\u0061me\":\"b\"}|name|duplicate member name",
        "{\"name\":\"a\\u0000b\"}|name|a control character in a string",
        "{\"name\":\"\\u202eexe.txt\"}|name|a bidirectional control character in a string",
        "{\"name\":\"\\ud800\"}|name|a lone surrogate escape in a string"})
    void contentAndMassAssignmentAreRefusedWithTheFieldAndRule(String body, String field, String message)
            throws Exception {
        JsonObject p = assertProblem(postJson(body), 400);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:validation");
        assertThat(firstError(p).getString("in")).isEqualTo("body");
        assertThat(firstError(p).getString("field")).isEqualTo(field);
        assertThat(firstError(p).getString("message")).isEqualTo(message);
        assertThat(p.getJsonArray("errors").toString()).doesNotContain("2147483648").doesNotContain("exe.txt")
                .doesNotContain("item-1");
    }

    @Test
    void aJsonSchemaIsCheckedAfterTheStructuralRules() throws Exception {
        assertThat(postBytes(ITEMS + "/strict", "{\"name\":\"pen\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8),
                "application/json").statusCode()).isEqualTo(201);
        JsonObject p = assertProblem(postBytes(ITEMS + "/strict",
                "{\"name\":\"Secret-Value\",\"quantity\":50}".getBytes(StandardCharsets.UTF_8), "application/json"),
                400);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:validation");
        assertThat(p.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field") + ": " + e.getString("message"))
                .contains("name: does not satisfy the schema keyword 'pattern'",
                        "quantity: does not satisfy the schema keyword 'maximum'");
        assertThat(p.getJsonArray("errors").toString()).doesNotContain("Secret-Value").doesNotContain("50");
    }

    @Test
    void identifiersMustBeNfkcNormalized() throws Exception {
        JsonObject p = assertProblem(postJson("{\"name\":\"a\",\"quantity\":1,\"handle\":\"\uff41\uff44\uff4d\uff49\uff4e\"}"),
                400);
        assertThat(firstError(p).getString("field")).isEqualTo("handle");
        assertThat(firstError(p).getString("message")).startsWith("must be a normalized identifier");
        assertThat(postJson("{\"name\":\"a\",\"quantity\":1,\"handle\":\"admin\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void illFormedUtf8IsMalformed() throws Exception {
        byte[][] bodies = {
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'}};
        for (byte[] body : bodies) {
            JsonObject p = assertProblem(postBytes(ITEMS, body, "application/json"), 400);
            assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:malformed-body");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
        "application/json; charset=ISO-8859-1", "application/json;charset=utf-16", "multipart/form-data; boundary=x",
        "application/jsonx", "text/json"})
    void onlyJsonInUtf8IsAccepted(String contentType) throws Exception {
        assertProblem(postBytes(ITEMS, "{\"name\":\"a\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8),
                contentType), 415);
    }

    @Test
    void aMissingContentTypeIs415AndCaseOrUtf8CharsetIsFine() throws Exception {
        assertProblem(postBytes(ITEMS, "{\"name\":\"a\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8), null),
                415);
        for (String ok : new String[] {"application/json", "Application/JSON", "application/json; charset=UTF-8"}) {
            assertThat(postBytes(ITEMS, "{\"name\":\"a\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8), ok)
                    .statusCode()).as(ok).isEqualTo(201);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/it/api/items/%E2%80%AE1", "/it/api/items/1?limit=%C0%AF", "/it/api/items/1?x=%ED%A0%80",
        "/it/api/items/1?x=%1B%5B31m", "/it/api/items/%E2%81%A6", "/it/api/items/1?x=%00"})
    void pathAndQueryMustBeCleanUtf8(String path) {
        JsonObject p = assertProblem(send("GET", path, null), 400);
        assertThat(firstError(p).getString("in")).isIn("path", "query");
    }

    @Test
    void controlCharactersInCheckedHeadersAreRefused() throws Exception {
        String response = raw("GET /it/api/errors/ok HTTP/1.1\r\nHost: localhost\r\nUser-Agent: a\u0001b\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"in\":\"header\"").contains("\"field\":\"User-Agent\"").doesNotContain("a\u0001b");
    }

    @Test
    void malformedPercentEscapesAreRefused() throws Exception {
        assumeTrue(ItSupport.onLiberty(), "WildFly's Undertow refuses an undecodable query itself with a bare 400"
                + " before any filter (WildFlyIT)");
        String response = raw("GET /it/api/items/1?x=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    private static String raw(String request) throws Exception {
        try (SSLSocket socket = (SSLSocket) DevTls.trustAllContext().getSocketFactory().createSocket("127.0.0.1",
                ItSupport.HTTPS_PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpResponse<String> postChunked(InputStream body) throws Exception {
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(BASE + ITEMS)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return CLIENT.send(chunked, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A 50 MB chunked body is refused with the 413 problem while it streams. A server that closes the connection right
     * after its answer, while the client is still sending (Undertow does, under load), makes the client's kernel
     * drop the unread answer on the reset: then the proof is that the server stopped reading long before the end.
     */
    private static void refusedWhileStreaming(Fifty body) throws Exception {
        HttpResponse<String> response;
        try {
            response = postChunked(body);
        } catch (java.io.IOException reset) {
            assertThat(body.sent()).as("bytes the client got to send before the server closed the connection")
                    .isLessThan(25_000_000L);
            return;
        }
        assertProblem(response, 413);
    }

    /** A prefix followed by 50 MB of one character, generated as it is read; counts what was read. */
    private static Fifty fiftyMegabytes(String prefix, char fill) {
        return new Fifty(prefix.getBytes(StandardCharsets.US_ASCII), fill);
    }

    private static final class Fifty extends InputStream {
        private final byte[] head;
        private final char fill;
        private volatile long pos;

        Fifty(byte[] head, char fill) {
            this.head = head;
            this.fill = fill;
        }

        long sent() {
            return pos;
        }

        @Override
        public int read() {
            if (pos >= head.length + 50_000_000L) {
                return -1;
            }
            long p = pos++;
            return p < head.length ? head[(int) p] : fill;
        }
    }
}
