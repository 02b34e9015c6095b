package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.awaitLog;
import static dev.bulwark.it.ItSupport.get;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.readLog;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The egress check over HTTP: secrets planted in JSON responses, written by JSON-B, as a String, by JSON-P and by a
 * plain servlet (writer and stream), never reach the client; legitimate responses pass byte for byte; each hit is
 * one WARN line with the correlation id and without the value. {@code /it} redacts (the default);
 * {@code /it-egress} replaces the response with the generic 500 problem.
 */
class EgressIT {

    /**
     * What of each planted value would show that it leaked (in the body or in the server log: specific to the planted
     * values, since the server log holds other tests' exceptions).
     */
    private static final Map<String, List<String>> TELLTALES = Map.of(
            "jws", List.of("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"),
            "jwe", List.of("eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0", "XFBoMYUZodetZdvTiFvSkQ"),
            "pem", List.of("BEGIN RSA PRIVATE KEY", "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn"),
            "aws", List.of(PlantedSecrets.AWS),
            "github", List.of(PlantedSecrets.GITHUB),
            "card", List.of("4111 1111", "4111\\u0020"),
            "stacktrace", List.of("Order.total()", "OrderService.java:87"),
            "sql", List.of("ORA-00942"));

    private static final Map<String, String> DETECTOR = Map.of("jws", "JWS (TOKEN)", "jwe", "JWE (TOKEN)",
            "pem", "PEM_PRIVATE_KEY (PRIVATE_KEY)", "aws", "AWS_ACCESS_KEY_ID (API_KEY)",
            "github", "GITHUB_TOKEN (API_KEY)", "card", "CARD_NUMBER (CARD_NUMBER)",
            "stacktrace", "STACK_TRACE (STACK_TRACE)", "sql", "SQL_ERROR (SQL_ERROR)");

    /** Each way the application writes JSON: the path of the leaking endpoint and the JSON path of the value. */
    private record Door(String path, String jsonPath) {
    }

    private static final List<Door> DOORS = List.of(
            new Door("/api/leaks/entity/", "$.payment.detail"),
            new Door("/api/leaks/string/", "$.detail"),
            new Door("/api/leaks/object/", "$.items[1].note"),
            new Door("/servlet/leak/writer/", "$.apiKey"),
            new Door("/servlet/leak/stream/", "$.apiKey"));

    private static String correlationId(HttpResponse<String> response) {
        return response.headers().firstValue("X-Request-Id").orElseThrow();
    }

    private static void assertNoTelltale(String kind, String text, String where) {
        for (String telltale : TELLTALES.get(kind)) {
            assertThat(text).as("%s leaks the %s", where, kind).doesNotContain(telltale);
        }
    }

    @Test
    void everyPlantedSecretIsRemovedWhateverWroteTheJson() {
        for (String kind : TELLTALES.keySet()) {
            for (Door door : DOORS) {
                String path = "/it" + door.path() + kind;
                HttpResponse<String> response = get(path);

                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertNoTelltale(kind, response.body(), path);
                JsonObject body = json(response.body());
                assertThat(body.toString()).as(path).contains("\"[removed]\"");
                if (door.path().startsWith("/api/leaks/entity")) {
                    assertThat(body.getString("id")).isEqualTo("3f2b1c9e-8d4a-4b6f-9e2d-1a7c5b3e9f00");
                    assertThat(body.getJsonObject("payment").getString("detail")).isEqualTo("[removed]");
                    assertThat(body.getJsonNumber("total").doubleValue()).isEqualTo(149.90);
                } else if (door.path().startsWith("/servlet")) {
                    assertThat(body.getString("apiKey")).isEqualTo("[removed]");
                    assertThat(body.getString("plan")).isEqualTo("pro");
                }
                awaitLog("[correlationId=" + correlationId(response) + "]", "egress check VALUE_REMOVED: "
                        + DETECTOR.get(kind), "GET " + path, "at " + door.jsonPath());
            }
        }
        String log = readLog();
        for (String kind : TELLTALES.keySet()) {
            assertNoTelltale(kind, log, "the server log");
        }
    }

    @Test
    void legitimateResponsesPassByteForByte() {
        HttpResponse<String> response = get("/it/api/leaks/legitimate");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(LeakResource.LEGITIMATE);
        assertThat(readLog()).doesNotContain("[correlationId=" + correlationId(response) + "] egress check");
        if (ItSupport.onLiberty()) {
            HttpResponse<String> held = get("/it-egress/api/leaks/legitimate");
            assertThat(held.statusCode()).isEqualTo(200);
            assertThat(held.body()).isEqualTo(LeakResource.LEGITIMATE);
            assertThat(readLog()).doesNotContain("[correlationId=" + correlationId(held) + "] egress check");
        }
    }

    @Test
    void anEndpointThatReturnsATokenOnPurposeStillCannotLeakAKey() {
        HttpResponse<String> token = send("POST", "/it/api/leaks/token", null);
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(json(token.body()).getString("access_token")).isEqualTo(PlantedSecrets.JWS);

        HttpResponse<String> both = send("POST", "/it/api/leaks/token-and-key", null);
        JsonObject body = json(both.body());
        assertThat(body.getString("access_token")).isEqualTo(PlantedSecrets.JWS);
        assertThat(body.getString("debug")).isEqualTo("[removed]");
        awaitLog("[correlationId=" + correlationId(both) + "]", "AWS_ACCESS_KEY_ID", "at $.debug");
    }

    @Test
    void theProblemActionReplacesALeakingResponseWithTheGeneric500() {
        assumeTrue(ItSupport.onLiberty(), "the /it-egress deployment is Liberty's (server.xml)");
        for (String path : List.of("/it-egress/api/leaks/entity/aws", "/it-egress/api/leaks/object/pem",
                "/it-egress/servlet/leak/writer/card", "/it-egress/servlet/leak/stream/jws")) {
            HttpResponse<String> response = get(path);
            JsonObject problem = assertProblem(response, 500);
            assertThat(response.body()).doesNotContain("[removed]").doesNotContain("alice");
            String kind = path.substring(path.lastIndexOf('/') + 1);
            assertNoTelltale(kind, response.body(), path);
            awaitLog("[correlationId=" + problem.getString("correlationId") + "]",
                    "egress check RESPONSE_REPLACED: " + DETECTOR.get(kind), "GET " + path);
        }
    }

    @Test
    void anAsynchronousResponseUnderTheProblemActionIsSentAndALeakInItRemoved() {
        assumeTrue(ItSupport.onLiberty(), "the /it-egress deployment is Liberty's (server.xml)");
        HttpResponse<String> clean = get("/it-egress/api/leaks/async/clean");
        assertThat(clean.statusCode()).isEqualTo(200);
        assertThat(clean.body()).isEqualTo(dev.bulwark.it.LeakResource.LEGITIMATE);

        HttpResponse<String> leak = get("/it-egress/api/leaks/async/jws");
        assertThat(leak.statusCode()).as("the response streams once asynchronous: the value is removed")
                .isEqualTo(200);
        assertNoTelltale("jws", leak.body(), "the asynchronous response");
        JsonObject body = json(leak.body());
        assertThat(body.getString("detail")).isEqualTo("[removed]");
        assertThat(body.getBoolean("retry")).isTrue();
        awaitLog("[correlationId=" + correlationId(leak) + "]", "egress check VALUE_REMOVED: JWS (TOKEN)",
                "$.detail");
    }

    @Test
    void aJsonBodyLabelledWithAnotherCharsetIsCheckedAllTheSame() {
        for (String accept : List.of("application/json;charset=UTF-16", "application/json;charset=windows-1252")) {
            HttpResponse<String> response = get("/it/api/leaks/string/jws", "Accept", accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(200);
            // read as UTF-8 whatever the label says (RESTEasy writes UTF-8); without NULs, UTF-16 text reads too
            String ascii = response.body().replace("\u0000", "");
            assertNoTelltale("jws", ascii, accept);
            assertThat(ascii).as(accept).contains("[removed]").contains("\"retry\":true");
        }
    }

    @Test
    void servletBodiesWrittenBeforeTheirTypeUnderAnotherCharsetOrNotJsonAreCheckedToo() {
        for (String kind : List.of("jws", "aws", "stacktrace", "sql", "pem")) {
            for (String mode : List.of("late", "cp1252", "text")) {
                String path = "/it/servlet/leak/" + mode + "/" + kind;
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertNoTelltale(kind, response.body(), path);
                assertThat(response.body()).as(path).contains("alice").contains("[removed]");
                awaitLog("[correlationId=" + correlationId(response) + "]", "egress check VALUE_REMOVED: "
                        + DETECTOR.get(kind));
            }
        }
    }

    @Test
    void pastItsBufferTheProblemActionRedactsInstead() {
        assumeTrue(ItSupport.onLiberty(), "the /it-egress deployment is Liberty's (server.xml)");
        HttpResponse<String> response = get("/it-egress/api/leaks/large/card/16");
        assertThat(response.statusCode()).isEqualTo(200);
        assertNoTelltale("card", response.body(), "the large response");
        JsonObject body = json(response.body());
        assertThat(body.getString("last")).isEqualTo("[removed]");
        assertThat(body.getJsonArray("rows")).hasSizeGreaterThan(200);
        awaitLog("[correlationId=" + correlationId(response) + "]", "egress check VALUE_REMOVED: CARD_NUMBER",
                "(past the held-back buffer: removed)");

        HttpResponse<String> small = get("/it-egress/api/leaks/large/card/2");
        assertProblem(small, 500);
    }

    /** What of each shape the attack review saw leave (finding 9) would show that it leaked. */
    private static final Map<String, List<String>> MORE_TELLTALES = Map.of(
            "carddots", List.of("4111.1111"), "cardnbsp", List.of("5555\u00A05555", "5555\\u00a05555"),
            "pgrelation", List.of("app_users"), "mssql", List.of("dbo.AppUsers"),
            "putty", List.of("PuTTY-User-Key-File", "AAAAIGjxIq8Wk0vNotARealKey"),
            "ssh2", List.of("BEGIN SSH2", "P2/56wAAAi4AAAA3aWYtbW9kbn"));

    @Test
    void cardsGroupedWithDotsOrNoBreakSpacesDatabaseObjectErrorsAndSshKeysAreRemovedToo() {
        for (var kind : MORE_TELLTALES.entrySet()) {
            for (Door door : DOORS) {
                String path = "/it" + door.path() + kind.getKey();
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                for (String telltale : kind.getValue()) {
                    assertThat(response.body()).as(path).doesNotContain(telltale);
                }
                assertThat(json(response.body()).toString()).as(path).contains("\"[removed]\"");
                awaitLog("[correlationId=" + correlationId(response) + "]", "egress check VALUE_REMOVED",
                        "GET " + path, "at " + door.jsonPath());
            }
        }
    }

    @Test
    void aWideCharsetFlushedAfterItsFirstBytesIsStillDecodedAndChecked() {
        for (String mode : List.of("utf16le", "utf32be")) {
            java.nio.charset.Charset charset = java.nio.charset.Charset.forName(mode.equals("utf16le") ? "UTF-16LE"
                    : "UTF-32BE");
            // the body is ASCII and NUL bytes: read as UTF-8 without loss, its bytes are its chars
            HttpResponse<String> leak = get("/it/servlet/leak/" + mode + "/aws");
            assertThat(leak.statusCode()).as(mode).isEqualTo(200);
            String body = new String(leak.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), charset);
            assertThat(body).as(mode).doesNotContain(PlantedSecrets.AWS).startsWith("{\"user\":\"alice\"");
            assertThat(json(body).getString("apiKey")).isEqualTo("[removed]");
            awaitLog("[correlationId=" + leak.headers().firstValue("X-Request-Id").orElseThrow() + "]",
                    "egress check VALUE_REMOVED: AWS_ACCESS_KEY_ID");
            HttpResponse<String> clean = get("/it/servlet/leak/" + mode + "/clean");
            assertThat(clean.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(mode + " clean, byte for byte").isEqualTo(
                    "{\"user\":\"alice\",\"apiKey\":\"k-7f3a9c\",\"plan\":\"pro\"}".getBytes(charset));
        }
    }

    @Test
    void jsonLinesJsonSequencesAndServerSentEventsAreChecked() {
        for (String mode : List.of("ndjson", "jsonseq", "sse")) {
            for (String kind : List.of("aws", "jws", "card")) {
                String path = "/it/servlet/leak/" + mode + "/" + kind;
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertNoTelltale(kind, response.body(), path);
                assertThat(response.body()).as(path).contains("bob").contains("carol").contains("[removed]");
                awaitLog("[correlationId=" + correlationId(response) + "]", "egress check VALUE_REMOVED: "
                        + DETECTOR.get(kind), "GET " + path);
            }
            HttpResponse<String> clean = get("/it/servlet/leak/" + mode + "/clean");
            assertThat(clean.body()).as(mode + " clean").contains("k-7f3a9c").doesNotContain("[removed]");
            assertThat(readLog()).doesNotContain("[correlationId=" + correlationId(clean) + "] egress check");
        }
        HttpResponse<String> sse = get("/it/servlet/leak/sse/clean");
        assertThat(sse.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        assertThat(sse.body()).isEqualTo("id: 1\nevent: account\ndata: {\"user\":\"bob\",\"plan\":\"free\"}\n\n"
                + "id: 2\nevent: account\ndata: {\"user\":\"alice\",\"apiKey\":\"k-7f3a9c\",\"plan\":\"pro\"}\n\n"
                + "id: 3\nevent: account\ndata: {\"user\":\"carol\"}\n\n");
    }

    @Test
    void underTheProblemActionAnEventStreamStillStreamsAndALeakInItIsRemoved() {
        assumeTrue(ItSupport.onLiberty(), "the /it-egress deployment is Liberty's (server.xml)");
        HttpResponse<String> sse = get("/it-egress/servlet/leak/sse/aws");
        assertThat(sse.statusCode()).isEqualTo(200);
        assertNoTelltale("aws", sse.body(), "the event stream");
        assertThat(sse.body()).contains("carol");
        HttpResponse<String> ndjson = get("/it-egress/servlet/leak/ndjson/aws");
        assertProblem(ndjson, 500);
    }
}
