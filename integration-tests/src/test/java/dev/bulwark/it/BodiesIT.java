package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.BASE;
import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.devtools.DevTls;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies bound by the server's own JSON-B (Yasson on Liberty): every wrapped or mistyped value is a 400 with the
 * field it is in, the same values in their own kind bind; every JSON-like media type is checked; each endpoint has
 * exactly its own byte limit, whatever the content type, with a Content-Length or chunked; content codings the
 * server does not decode are 415, bodies that do not decode 400.
 */
class BodiesIT {

    private static final String BODIES = "/it/api/bodies";
    private static final int TWO_MB = 2_000_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(DevTls.trustAllContext())
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(String method, String path, byte[] body, boolean chunked,
                                             String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        // ofInputStream has no known length: the client sends it chunked
        b.method(method, chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), false, "Content-Type", contentType);
    }

    private static JsonObject firstError(JsonObject problem) {
        return problem.getJsonArray("errors").getJsonObject(0);
    }

    private static final String PURCHASE = "{\"item\":\"ink\",\"quantity\":3,\"priority\":2,\"gift\":true,"
            + "\"note\":\"blue\",\"price\":1.5,\"speed\":\"EXPRESS\",\"deliverBy\":\"2030-01-01\","
            + "\"shipTo\":{\"city\":\"Oslo\"},\"lines\":[{\"sku\":\"a-1\",\"count\":2}],\"tags\":{\"gift\":1}}";

    @Test
    void aPurchaseInItsOwnKindsBindsThroughTheServersJsonB() throws Exception {
        HttpResponse<String> r = post(BODIES + "/purchase", PURCHASE, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject bound = json(r.body());
        assertThat(bound.getInt("quantity")).isEqualTo(3);
        assertThat(bound.getInt("priority")).isEqualTo(2);
        assertThat(bound.getString("note")).isEqualTo("blue");
        assertThat(bound.getJsonObject("shipTo").getString("city")).isEqualTo("Oslo");
        assertThat(bound.getJsonArray("lines").getJsonObject(0).getInt("count")).isEqualTo(2);
        assertThat(bound.getJsonObject("tags").getInt("gift")).isEqualTo(1);
    }

    /** Each replaces one member of the valid purchase above with a wrapped or mistyped value. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"quantity\":3|\"quantity\":[4294967299]|quantity|must be a 32-bit integer",
        "\"quantity\":3|\"quantity\":[3]|quantity|must be a 32-bit integer",
        "\"quantity\":3|\"quantity\":\"3\"|quantity|must be a 32-bit integer",
        "\"quantity\":3|\"quantity\":{\"value\":3}|quantity|must be a 32-bit integer",
        "\"priority\":2|\"priority\":[2]|priority|must be a 32-bit integer",
        "\"gift\":true|\"gift\":[true]|gift|must be true or false",
        "\"gift\":true|\"gift\":1|gift|must be true or false",
        "\"gift\":true|\"gift\":\"true\"|gift|must be true or false",
        "\"note\":\"blue\"|\"note\":[\"blue\"]|note|must be a string",
        "\"note\":\"blue\"|\"note\":5|note|must be a string",
        "\"item\":\"ink\"|\"item\":[\"ink\"]|item|must be a string",
        "\"price\":1.5|\"price\":\"1.5\"|price|must be a 64-bit floating-point number",
        "\"speed\":\"EXPRESS\"|\"speed\":[\"EXPRESS\"]|speed|must be a string",
        "\"deliverBy\":\"2030-01-01\"|\"deliverBy\":[\"2030-01-01\"]|deliverBy|must be a string",
        "\"shipTo\":{\"city\":\"Oslo\"}|\"shipTo\":[{\"city\":\"Oslo\"}]|shipTo|must be an object",
        "\"shipTo\":{\"city\":\"Oslo\"}|\"shipTo\":{\"city\":[\"Oslo\"]}|shipTo.city|must be a string",
        "\"lines\":[{\"sku\":\"a-1\",\"count\":2}]|\"lines\":{\"sku\":\"a-1\",\"count\":2}|lines|must be an array",
        "\"lines\":[{\"sku\":\"a-1\",\"count\":2}]|\"lines\":[[{\"sku\":\"a-1\",\"count\":2}]]|lines[0]|must be an object",
        "\"lines\":[{\"sku\":\"a-1\",\"count\":2}]|\"lines\":[{\"sku\":\"a-1\",\"count\":[2]}]|lines[0].count|must be a 32-bit integer",
        "\"lines\":[{\"sku\":\"a-1\",\"count\":2}]|\"lines\":[{\"sku\":\"a-1\",\"count\":2,\"price\":0}]|lines[0].price|is not a known property",
        "\"tags\":{\"gift\":1}|\"tags\":[{\"gift\":1}]|tags|must be an object",
        "\"tags\":{\"gift\":1}|\"tags\":{\"gift\":[1]}|tags.gift|must be a 32-bit integer"})
    void everyWrappedOrMistypedMemberIsRefusedWithItsField(String valid, String wrong, String field, String message)
            throws Exception {
        assertThat(PURCHASE).contains(valid);
        JsonObject p = assertProblem(post(BODIES + "/purchase", PURCHASE.replace(valid, wrong), "application/json"),
                400);
        assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:validation");
        assertThat(firstError(p).getString("in")).isEqualTo("body");
        assertThat(firstError(p).getString("field")).isEqualTo(field);
        assertThat(firstError(p).getString("message")).isEqualTo(message);
        assertThat(p.toString()).doesNotContain("4294967299").doesNotContain("Oslo");
    }

    @Test
    void wholeBodiesWrappedInAnArrayAreRefused() throws Exception {
        JsonObject p = assertProblem(post(BODIES + "/purchase",
                "[{\"item\":\"ink\",\"quantity\":3,\"customerId\":\"bob\"}]", "application/json"), 400);
        assertThat(firstError(p).getString("field")).isEmpty();
        assertThat(firstError(p).getString("message")).isEqualTo("must be an object");
        // a record
        assertThat(post(BODIES + "/line", "{\"sku\":\"a\",\"count\":2}", "application/json").body())
                .isEqualTo("{\"count\":2,\"sku\":\"a\"}");
        assertThat(firstError(assertProblem(post(BODIES + "/line", "[{\"sku\":\"a\",\"count\":2}]",
                "application/json"), 400)).getString("message")).isEqualTo("must be an object");
        assertThat(firstError(assertProblem(post(BODIES + "/line", "{\"sku\":\"a\",\"count\":null}",
                "application/json"), 400)).getString("message")).isEqualTo("must not be null");
        // a list of records
        assertThat(post(BODIES + "/lines", "[{\"sku\":\"a\",\"count\":2}]", "application/json").statusCode())
                .isEqualTo(200);
        JsonObject nested = assertProblem(post(BODIES + "/lines", "[[{\"sku\":\"a\",\"count\":2}]]",
                "application/json"), 400);
        assertThat(firstError(nested).getString("field")).isEqualTo("[0]");
        // a bare null
        assertThat(firstError(assertProblem(post(BODIES + "/purchase", "null", "application/json"), 400))
                .getString("message")).isEqualTo("must not be null");
    }

    @Test
    void aWrappedProfileCannotSmuggleTheIdOrARole() throws Exception {
        String smuggled = "{\"displayName\":\"mallory\",\"id\":\"admin\",\"isAdmin\":true}";
        JsonObject wrapped = assertProblem(send("PUT", BODIES + "/me", ("[" + smuggled + "]")
                .getBytes(StandardCharsets.UTF_8), false, "Content-Type", "application/json"), 400);
        assertThat(firstError(wrapped).getString("message")).isEqualTo("must be an object");
        JsonObject plain = assertProblem(send("PUT", BODIES + "/me", smuggled.getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "application/json"), 400);
        assertThat(firstError(plain).getString("field")).isEqualTo("id");
        HttpResponse<String> ok = send("PUT", BODIES + "/me", "{\"displayName\":\"mallory\"}"
                .getBytes(StandardCharsets.UTF_8), false, "Content-Type", "application/json");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok.body()).getString("id")).isEqualTo("me");
    }

    /**
     * JSON-B reads every media type whose subtype is json or ends in +json: each is checked like application/json.
     * An endpoint without @Consumes takes them all; one that declares its types takes only those (JAX-RS: 415).
     */
    @ParameterizedTest
    @ValueSource(strings = {"text/json", "application/vnd.acme.purchase+json", "application/merge-patch+json",
        "application/json", "text/json; charset=utf-8"})
    void everyJsonLikeMediaTypeIsChecked(String contentType) throws Exception {
        assertThat(post(BODIES + "/loose", "{\"item\":\"ink\",\"quantity\":3}", contentType).statusCode())
                .isEqualTo(201);
        JsonObject duplicate = assertProblem(post(BODIES + "/loose", "{\"item\":\"ink\",\"item\":\"x\",\"quantity\":3}",
                contentType), 400);
        assertThat(firstError(duplicate).getString("message")).isEqualTo("duplicate member name");
        JsonObject wrapped = assertProblem(post(BODIES + "/loose", "[{\"item\":\"ink\",\"quantity\":3}]",
                contentType), 400);
        assertThat(firstError(wrapped).getString("message")).isEqualTo("must be an object");
        JsonObject deep = assertProblem(post(BODIES + "/document", "{\"a\":".repeat(40) + "1" + "}".repeat(40),
                contentType), 400);
        assertThat(deep.getString("type")).isEqualTo("urn:bulwark:problem:body-limit");
        assertThat(firstError(deep).getString("message")).isEqualTo("nesting is deeper than 32");
        assertProblem(post(BODIES + "/loose", "{\"item\":\"ink\",\"quantity\":3}", contentType.replace("utf-8",
                "iso-8859-1") + (contentType.contains("charset") ? "" : "; charset=iso-8859-1")), 415);
    }

    @Test
    void mergePatchIsCheckedAndDeclaredTypesAreEnforced() throws Exception {
        HttpResponse<String> ok = send("PATCH", BODIES + "/me", "{\"bio\":\"\u05e9\u05dc\u05d5\u05dd\"}"
                .getBytes(StandardCharsets.UTF_8), false, "Content-Type", "application/merge-patch+json");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertProblem(send("PATCH", BODIES + "/me", "{\"bio\":\"a\",\"bio\":\"b\"}".getBytes(StandardCharsets.UTF_8),
                false, "Content-Type", "application/merge-patch+json"), 400);
        assertProblem(send("PATCH", BODIES + "/me", "{\"id\":\"admin\"}".getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "application/merge-patch+json"), 400);
        // the endpoint declares merge-patch only
        assertProblem(send("PATCH", BODIES + "/me", "{\"bio\":\"a\"}".getBytes(StandardCharsets.UTF_8), false,
                "Content-Type", "application/json"), 415);
        assertProblem(post(BODIES + "/purchase", "{\"item\":\"ink\",\"quantity\":3}", "text/json"), 415);
        // a JSON-P document gets the kind it asks for
        assertThat(firstError(assertProblem(post(BODIES + "/document", "[1]", "application/json"), 400))
                .getString("message")).isEqualTo("must be an object");
    }

    @Test
    void anEndpointThatListsJsonAndTextTakesBothAndChecksTheJson() throws Exception {
        assertThat(post(BODIES + "/note", "hello", "text/plain").body()).isEqualTo("{\"length\":5}");
        assertThat(post(BODIES + "/note", "{\"a\":1}", "application/json").body()).isEqualTo("{\"length\":7}");
        assertProblem(post(BODIES + "/note", "{\"a\":1,\"a\":2}", "application/json"), 400);
        // no Content-Type: the runtime could hand it to any reader, unchecked
        assertProblem(send("POST", BODIES + "/note", "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), false),
                415);
    }

    private static byte[] bytes(int size, char fill, String prefix) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) fill);
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(p, 0, b, 0, p.length);
        return b;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEndpointsLargerLimitIsItsAloneWhateverTheContentType(boolean chunked) throws Exception {
        byte[] text = bytes(TWO_MB, 'x', "");
        byte[] form = bytes(TWO_MB, 'x', "note=");
        byte[] json = bytes(TWO_MB, ' ', "{\"item\":\"ink\"}");
        // the endpoints that declare 4 MiB take 2 MB
        HttpResponse<String> big = send("POST", BODIES + "/big-text", text, chunked, "Content-Type", "text/plain");
        assertThat(big.statusCode()).as(big.body()).isEqualTo(200);
        assertThat(big.body()).isEqualTo("{\"length\":" + TWO_MB + "}");
        if (!chunked) {
            HttpResponse<String> bigForm = send("POST", BODIES + "/big-form", form, false, "Content-Type",
                    "application/x-www-form-urlencoded");
            assertThat(bigForm.body()).isEqualTo("{\"length\":" + (TWO_MB - 5) + "}");
        }
        // every other endpoint refuses the same size, JSON or not, JAX-RS or plain servlet
        assertProblem(send("POST", BODIES + "/text", text, chunked, "Content-Type", "text/plain"), 413);
        assertProblem(send("POST", BODIES + "/purchase", json, chunked, "Content-Type", "application/json"), 413);
        assertProblem(send("POST", "/it/legacy/upload", text, chunked, "Content-Type", "application/octet-stream"),
                413);
        if (!chunked) {
            assertProblem(send("POST", BODIES + "/form", form, false, "Content-Type",
                    "application/x-www-form-urlencoded"), 413);
            assertProblem(send("POST", "/it/legacy/form", form, false, "Content-Type",
                    "application/x-www-form-urlencoded"), 413);
        }
        // and still take a normal body
        assertThat(send("POST", BODIES + "/text", "hello".getBytes(StandardCharsets.UTF_8), chunked, "Content-Type",
                "text/plain").body()).isEqualTo("{\"length\":5}");
    }

    @Test
    void formsReadByTheContainerNeedAContentLengthAndNoEncoding() throws Exception {
        byte[] small = "note=hello".getBytes(StandardCharsets.US_ASCII);
        for (String path : new String[] {BODIES + "/form", BODIES + "/big-form", "/it/legacy/form"}) {
            assertThat(send("POST", path, small, false, "Content-Type", "application/x-www-form-urlencoded").body())
                    .as(path).contains("\"length\":5");
            // chunked: the container would read it past any counter
            assertProblem(send("POST", path, small, true, "Content-Type", "application/x-www-form-urlencoded"), 411);
            HttpResponse<String> gz = send("POST", path, gzip(small), false, "Content-Type",
                    "application/x-www-form-urlencoded", "Content-Encoding", "gzip");
            assertProblem(gz, 415);
            assertThat(gz.headers().firstValue("Accept-Encoding")).hasValue("identity");
        }
    }

    @Test
    void contentCodingsTheServerDecodesPassAndBadOnesAreRefused() throws Exception {
        assumeTrue(ItSupport.onLiberty(), "WildFly decodes no request body: wildfly-config/bulwark.cli accepts only"
                + " unencoded ones (WildFlyIT)");
        byte[] purchase = "{\"item\":\"ink\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8);
        assertThat(send("POST", BODIES + "/purchase", gzip(purchase), false, "Content-Type", "application/json",
                "Content-Encoding", "gzip").statusCode()).isEqualTo(201);
        assertThat(send("POST", BODIES + "/text", gzip("hello".getBytes(StandardCharsets.UTF_8)), false,
                "Content-Type", "text/plain", "Content-Encoding", "gzip").body()).isEqualTo("{\"length\":5}");
        // a body that is not what its Content-Encoding says: 400, JAX-RS or plain servlet
        for (String path : new String[] {BODIES + "/purchase", BODIES + "/text", "/it/legacy/upload"}) {
            JsonObject p = assertProblem(send("POST", path, purchase, false, "Content-Type",
                    path.endsWith("purchase") ? "application/json" : "text/plain", "Content-Encoding", "gzip"), 400);
            assertThat(p.getString("type")).isEqualTo("urn:bulwark:problem:unreadable-body");
        }
        // codings the server does not decode would reach the application still encoded: 415
        for (String coding : new String[] {"br", "zstd", "gzip, gzip", "compress"}) {
            HttpResponse<String> r = send("POST", BODIES + "/purchase", purchase, false, "Content-Type",
                    "application/json", "Content-Encoding", coding);
            assertProblem(r, 415);
            assertThat(r.headers().firstValue("Accept-Encoding")).hasValue("gzip, x-gzip, deflate");
        }
        // a compression bomb is cut off at the limit of the decoded bytes
        assertProblem(send("POST", BODIES + "/text", gzip(bytes(5_000_000, 'x', "")), false, "Content-Type",
                "text/plain", "Content-Encoding", "gzip"), 413);
        assertProblem(send("POST", BODIES + "/purchase", gzip(bytes(5_000_000, ' ', "{\"item\":\"ink\"}")), false,
                "Content-Type", "application/json", "Content-Encoding", "gzip"), 413);
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
