package dev.bulwark.internal.exposure.egress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.api.EgressAllowed;
import dev.bulwark.internal.pipeline.RequestState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The body check as the servlet layer drives it: what reaches the container, and what is logged. */
class EgressStreamTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark.exposure");

    private static final String JSON = "application/json";
    private static final String LEAKY = "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"orders\":[{\"total\":12.5},"
            + "{\"payment\":{\"card\":\"" + Fixtures.CARD + "\",\"holder\":\"Alice\"}}],\"debug\":\""
            + "java.lang.IllegalStateException: boom\\n\\tat com.acme.Orders.load(Orders.java:42)\",\"token\":\""
            + Fixtures.JWS + "\",\"n\":[true,null,-1.5e3]}";

    private static EgressCheck check(EgressAction action, int maxBuffer) {
        return new EgressCheck(new EgressSettings(action, EnumSet.allOf(EgressAllowed.Kind.class), maxBuffer));
    }

    private static EgressCheck.EgressResponse response(EgressAction action, int maxBuffer, RequestState state) {
        return check(action, maxBuffer).forResponse("c0ffee", () -> "GET /api/orders", state);
    }

    /** Writes {@code json} in pieces of {@code piece} bytes through the check; returns what reached the container. */
    private static String through(EgressCheck.EgressResponse response, String json, int piece) throws IOException {
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response.stream(container, JSON + ";charset=UTF-8", null);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += piece) {
            body.write(bytes, i, Math.min(piece, bytes.length - i));
        }
        response.end();
        return container.toString(StandardCharsets.UTF_8);
    }

    private List<String> warnings() {
        return log.at(Level.WARNING);
    }

    @Test
    void redactReplacesEachSecretStringKeepingTheJsonValidAndItsLength() throws IOException {
        String sent = through(response(EgressAction.REDACT, 1024, null), LEAKY, 8192);

        assertThat(sent).doesNotContain("4111").doesNotContain("IllegalStateException").doesNotContain("eyJ");
        assertThat(sent.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(LEAKY.getBytes(StandardCharsets.UTF_8));
        JsonObject json = Json.createReader(new StringReader(sent)).readObject();
        assertThat(json.getJsonArray("orders").getJsonObject(1).getJsonObject("payment").getString("card"))
                .isEqualTo("[removed]");
        assertThat(json.getJsonArray("orders").getJsonObject(1).getJsonObject("payment").getString("holder"))
                .isEqualTo("Alice");
        assertThat(json.getString("id")).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        assertThat(json.getString("token")).isEqualTo("[removed]");
        assertThat(warnings()).containsExactly(
                "[correlationId=c0ffee] egress check VALUE_REMOVED: CARD_NUMBER (CARD_NUMBER) in the response of"
                        + " GET /api/orders at $.orders[1].payment.card",
                "[correlationId=c0ffee] egress check VALUE_REMOVED: STACK_TRACE (STACK_TRACE) in the response of"
                        + " GET /api/orders at $.debug",
                "[correlationId=c0ffee] egress check VALUE_REMOVED: JWS (TOKEN) in the response of GET /api/orders"
                        + " at $.token");
    }

    @Test
    void piecesOfAnySizeGiveTheSameBytes() throws IOException {
        String whole = through(response(EgressAction.REDACT, 1024, null), LEAKY, 1 << 20);
        for (int piece : new int[] {1, 2, 3, 7, 64}) {
            assertThat(through(response(EgressAction.REDACT, 1024, null), LEAKY, piece)).as("pieces of " + piece)
                    .isEqualTo(whole);
        }
    }

    @Test
    void escapesAreDecodedBeforeTheDetectorsLook() throws IOException {
        String json = "{\"key\":\"\\u002d\\u002d\\u002d\\u002d\\u002dBEGIN EC PRIVATE KEY\\u002d----\\nMHcCAQEEI\\/x\\\"q\"}";
        String sent = through(response(EgressAction.REDACT, 1024, null), json, 5);
        assertThat(Json.createReader(new StringReader(sent)).readObject().getString("key"))
                .isEqualTo("[removed]");
        assertThat(warnings()).singleElement().asString().contains("PEM_PRIVATE_KEY").contains("$.key");
    }

    @Test
    void aSecretDeepInTheBodyIsFoundAndNamedByItsFullPath() throws IOException {
        // twenty levels: past the frames a scan starts with, within the ones it names
        StringBuilder json = new StringBuilder();
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < 10; i++) {
            json.append("{\"level").append(i).append("\":[");
            path.append(".level").append(i).append("[0]");
        }
        json.append("{\"card\":\"4111111111111111\"}");
        json.append("]}".repeat(10));
        String sent = through(response(EgressAction.REDACT, 1024, null), json.toString(), 7);
        assertThat(sent).doesNotContain("4111").contains("[removed]");
        assertThat(warnings()).singleElement().asString().contains(path + ".card");
    }

    @Test
    void atTheDeepestNamedFrameAndPastItTheSecretIsStillFound() throws IOException {
        for (int pairs : new int[] {31, 32, 40}) { // frames: 63 + the card's object, 65, 81
            StringBuilder json = new StringBuilder();
            StringBuilder path = new StringBuilder("$");
            for (int i = 0; i < pairs; i++) {
                json.append("{\"a\":[");
                path.append(".a[0]"); // short names: the log line's path is bounded
            }
            json.append("{\"card\":\"4111111111111111\"}").append("]}".repeat(pairs));
            String sent = through(response(EgressAction.REDACT, 1024, null), json.toString(), 5);
            assertThat(sent).as(pairs + " levels").doesNotContain("4111").contains("[removed]");
            String warning = String.valueOf(warnings().get(warnings().size() - 1));
            if (pairs == 31) {
                assertThat(warning).as("64 frames, all named").contains(path + ".card");
            } else {
                assertThat(warning).as("deeper than the named frames").contains("...");
            }
        }
    }

    @Test
    void aSecretMemberNameIsReplacedAndNeverLogged() throws IOException {
        String json = "{\"cards\":{\"4111111111111111\":{\"limit\":5}}}";
        String sent = through(response(EgressAction.REDACT, 1024, null), json, 3);
        assertThat(sent).doesNotContain("4111");
        assertThat(Json.createReader(new StringReader(sent)).readObject().getJsonObject("cards")
                .containsKey("[removed]")).isTrue();
        assertThat(warnings()).singleElement().asString().endsWith("at $.cards (member name)");
    }

    @Test
    void theValueIsNeverInTheLog() throws IOException {
        through(response(EgressAction.LOG, 1024, null), LEAKY, 8192);
        assertThat(warnings()).hasSize(3).noneMatch(w -> w.contains("4111") || w.contains("eyJ")
                || w.contains("Orders.java"));
    }

    @Test
    void legitimateJsonPassesByteForByte() throws IOException {
        StringBuilder json = new StringBuilder("{\"items\":[");
        List<String> values = Fixtures.legitimate();
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"value\":")
                    .append(Json.createValue(values.get(i)).toString()).append(",\"n\":").append(i).append('}');
        }
        json.append("],\"total\":1234.56,\"id\":8061234567890123456}");
        for (int piece : new int[] {1, 13, 4096}) {
            assertThat(through(response(EgressAction.REDACT, 1 << 20, null), json.toString(), piece))
                    .isEqualTo(json.toString());
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void multiByteCharactersSplitAcrossWritesPassUnchanged() throws IOException {
        String json = "{\"greeting\":\"مرحبا 日本語 \uD83D\uDE00 ok\",\"card\":\"4111111111111111 ü\"}";
        String sent = through(response(EgressAction.REDACT, 1024, null), json, 1);
        assertThat(sent).startsWith("{\"greeting\":\"مرحبا 日本語 \uD83D\uDE00 ok\",\"card\":\"[removed");
        assertThat(sent.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void logOnlyLetsEveryByteThrough() throws IOException {
        assertThat(through(response(EgressAction.LOG, 1024, null), LEAKY, 5)).isEqualTo(LEAKY);
        assertThat(warnings()).hasSize(3).allMatch(w -> w.contains("VALUE_REPORTED"));
    }

    @Test
    void problemHoldsTheBodyBackAndRefusesItOnAHit() throws IOException {
        EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 4096, null);
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response.stream(container, JSON, null);
        body.write("{\"a\":\"fine\",".getBytes(StandardCharsets.UTF_8));
        body.flush();
        assertThat(container.size()).as("a flush does not send a held-back body").isZero();
        body.write(("\"b\":\"" + Fixtures.AWS + "\",\"c\":\"more\"}").getBytes(StandardCharsets.UTF_8));
        body.close();
        response.end();

        assertThat(response.refused()).isTrue();
        assertThat(container.size()).isZero();
        assertThat(warnings()).singleElement().asString().contains("RESPONSE_REPLACED: AWS_ACCESS_KEY_ID (API_KEY)");
    }

    @Test
    void problemSendsACleanBodyWhenTheApplicationIsDone() throws IOException {
        EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 4096, null);
        assertThat(through(response, "{\"a\":\"fine\"}", 2)).isEqualTo("{\"a\":\"fine\"}");
        assertThat(response.refused()).isFalse();
    }

    @Test
    void pastTheBufferAProblemCheckRedactsInstead() throws IOException {
        String json = "{\"pad\":\"" + "x".repeat(3000) + "\",\"card\":\"" + Fixtures.CARD + "\"}";
        EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 2048, null);
        String sent = through(response, json, 512);

        assertThat(response.refused()).isFalse();
        assertThat(sent).doesNotContain("4111").hasSize(json.length());
        assertThat(Json.createReader(new StringReader(sent)).readObject().getString("card"))
                .isEqualTo("[removed]");
        assertThat(warnings()).singleElement().asString().contains("VALUE_REMOVED")
                .endsWith("(past the held-back buffer: removed)");
    }

    @Test
    void anEndpointAllowedToReturnATokenDoes() throws IOException {
        RequestState state = new RequestState();
        state.put(EgressAllowances.STATE, new EgressAllowances.Allowed(EnumSet.of(EgressAllowed.Kind.TOKEN)));
        String json = "{\"access_token\":\"" + Fixtures.JWS + "\",\"token_type\":\"Bearer\",\"leak\":\""
                + Fixtures.GITHUB + "\"}";
        String sent = through(response(EgressAction.REDACT, 1024, state), json, 7);
        assertThat(sent).contains(Fixtures.JWS).doesNotContain(Fixtures.GITHUB);
    }

    @Test
    void onlyJsonBodiesSentAsTheyAreAreChecked() {
        EgressCheck.EgressResponse response = response(EgressAction.REDACT, 1024, null);
        OutputStream container = new ByteArrayOutputStream();
        assertThat(response.stream(container, "text/plain", null)).isSameAs(container);
        assertThat(response.stream(container, null, null)).isSameAs(container);
        assertThat(response.stream(container, JSON, "gzip")).isSameAs(container);
        assertThat(response.stream(container, JSON + "; charset=UTF-16", null)).isNotSameAs(container);
        assertThat(response.stream(container, "application/problem+json", null)).isNotSameAs(container);
        assertThat(response.stream(container, "application/vnd.api+json; charset=utf-8", "identity"))
                .isNotSameAs(container);
        assertThat(check(EgressAction.OFF, 1024).forResponse("c", () -> "GET /", null)).isNull();
        for (String streamed : new String[] {"application/x-ndjson", "application/ndjson", "application/jsonl",
            "application/x-jsonl", "application/json-lines", "application/jsonlines", "application/x-jsonlines",
            "application/json-seq", "application/geo+json-seq", "text/event-stream", "text/event-stream;charset=UTF-8",
            "Application/X-NDJSON"}) {
            assertThat(response.stream(container, streamed, null)).as(streamed).isNotSameAs(container);
        }
        for (String other : new String[] {"text/html", "application/xml", "application/jsonp", "image/png",
            "application/octet-stream", "text/plain", "multipart/form-data", "video/x-ndjson"}) {
            assertThat(response.stream(container, other, null)).as(other).isSameAs(container);
        }
        assertThat(EgressCheck.bodyKind("text/event-stream")).isEqualTo(EgressCheck.EVENT_STREAM);
        assertThat(EgressCheck.bodyKind("application/x-ndjson; charset=utf-8")).isEqualTo(EgressCheck.JSON);
        assertThat(EgressCheck.bodyKind(null)).isEqualTo(EgressCheck.NOT_CHECKED);
    }

    /** Writes {@code text} as UTF-8 under {@code contentType}, in pieces of 5, not ended; what reached the container. */
    private static String streamed(EgressCheck.EgressResponse response, String contentType, String text, boolean end)
            throws IOException {
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response.stream(container, contentType, null);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 5) {
            body.write(bytes, i, Math.min(5, bytes.length - i));
            body.flush();
        }
        if (end) {
            response.end();
        }
        return container.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesAndJsonTextSequencesAreCheckedRecordByRecord() throws IOException {
        String ndjson = "{\"id\":1,\"note\":\"first\"}\n{\"id\":2,\"note\":\"" + Fixtures.AWS + "\"}\n{\"id\":3}\n";
        String sent = streamed(response(EgressAction.REDACT, 1024, null), "application/x-ndjson", ndjson, true);
        assertThat(sent).doesNotContain(Fixtures.AWS).hasSize(ndjson.length())
                .contains("{\"id\":1,\"note\":\"first\"}\n").contains("\"note\":\"[removed]\"").endsWith("{\"id\":3}\n");
        String seq = "\u001E{\"id\":1}\n\u001E{\"key\":\"" + Fixtures.JWS + "\"}\n\u001E[\"ok\"]\n";
        String seqSent = streamed(response(EgressAction.REDACT, 1024, null), "application/json-seq", seq, true);
        assertThat(seqSent).doesNotContain(Fixtures.JWS).hasSize(seq.length()).contains("\"key\":\"[removed]\"")
                .endsWith("\u001E[\"ok\"]\n");
        assertThat(warnings()).anyMatch(w -> w.contains("AWS_ACCESS_KEY_ID") && w.contains("at $.note"))
                .anyMatch(w -> w.contains("JWS") && w.contains("at $.key"));
    }

    @Test
    void legitimateJsonLinesPassByteForByte() throws IOException {
        StringBuilder lines = new StringBuilder();
        StringBuilder seq = new StringBuilder();
        for (String value : Fixtures.legitimate()) {
            String record = "{\"value\":" + Json.createValue(value) + ",\"n\":1}";
            lines.append(record).append('\n');
            seq.append('\u001E').append(record).append('\n');
        }
        assertThat(streamed(response(EgressAction.PROBLEM, 1 << 20, null), "application/jsonl", lines.toString(),
                true)).isEqualTo(lines.toString());
        assertThat(streamed(response(EgressAction.REDACT, 1024, null), "application/json-seq", seq.toString(), true))
                .isEqualTo(seq.toString());
        assertThat(warnings()).isEmpty();
    }

    @Test
    void serverSentEventsAreCheckedLineByLineAndNeverHeldBack() throws IOException {
        for (String planted : new String[] {Fixtures.AWS, Fixtures.JWS, Fixtures.CARD}) {
            String events = "event: chunk\nid: 1\ndata: {\"delta\":\"Hello\"}\n\n"
                    + "event: chunk\nid: 2\ndata: {\"delta\":\"" + planted + "\"}\n\n"
                    + ": keep-alive\n\ndata: [DONE]\n\n";
            EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 1024, null);
            String sent = streamed(response, "text/event-stream", events, false);
            // not ended: an event stream goes out as it is written, even with action=problem
            assertThat(response.holdingBack()).isFalse();
            assertThat(sent).as(planted).doesNotContain(planted).hasSize(events.length())
                    .startsWith("event: chunk\nid: 1\ndata: {\"delta\":\"Hello\"}\n\nevent: chunk\nid: 2\n")
                    .endsWith(": keep-alive\n\ndata: [DONE]\n\n");
        }
        assertThat(warnings()).hasSize(3).allMatch(w -> w.contains("VALUE_REMOVED")
                && w.contains("(a line of a body that is not JSON)"));
    }

    @Test
    void legitimateServerSentEventsPassByteForByte() throws IOException {
        StringBuilder events = new StringBuilder("retry: 3000\n\n");
        int id = 0;
        for (String value : Fixtures.legitimate()) {
            if (value.indexOf('\n') >= 0) {
                continue; // a data line holds no line break (the application splits it into data lines)
            }
            events.append("id: ").append(++id).append("\nevent: message\ndata: {\"id\":\"chatcmpl-").append(id)
                    .append("\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":")
                    .append(Json.createValue(value)).append("},\"finish_reason\":null}]}\n\n");
        }
        events.append("data: [DONE]\n\n");
        assertThat(streamed(response(EgressAction.PROBLEM, 1024, null), "text/event-stream", events.toString(), true))
                .isEqualTo(events.toString());
        assertThat(warnings()).isEmpty();
    }

    /** Writes {@code bytes} in pieces of {@code piece} under {@code contentType}; returns what reached the container. */
    private static byte[] bytesThrough(EgressCheck.EgressResponse response, String contentType, byte[] bytes, int piece)
            throws IOException {
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response.stream(container, contentType, null);
        for (int i = 0; i < bytes.length; i += piece) {
            body.write(bytes, i, Math.min(piece, bytes.length - i));
        }
        response.end();
        return container.toByteArray();
    }

    @Test
    void theDeclaredCharsetNeverSkipsTheCheck() throws IOException {
        // RESTEasy writes UTF-8 under the charset=UTF-16 a client's Accept asked for; utf8 and windows-1252 are
        // ASCII-compatible labels
        for (String label : new String[] {"UTF-16", "utf8", "windows-1252", "ISO-8859-15", "x-unknown"}) {
            for (int piece : new int[] {1, 3, 1000}) {
                byte[] sent = bytesThrough(response(EgressAction.REDACT, 1024, null), JSON + ";charset=" + label,
                        LEAKY.getBytes(StandardCharsets.UTF_8), piece);
                assertThat(new String(sent, StandardCharsets.UTF_8)).as(label).doesNotContain(Fixtures.JWS)
                        .doesNotContain("4111").contains("\"id\":\"123e4567-e89b-12d3-a456-426614174000\"");
                assertThat(sent).hasSize(LEAKY.getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    void aUtf16OrUtf32BodyIsDecodedCheckedAndSentInItsOwnCharset() throws IOException {
        String json = "{\"name\":\"Zoë 日本 \uD83D\uDE00\",\"token\":\"" + Fixtures.JWS + "\",\"ok\":true}";
        String bom = "\uFEFF";
        for (String charset : new String[] {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"}) {
            for (String text : new String[] {json, bom + json}) {
                for (int piece : new int[] {1, 5, 4096}) {
                    byte[] sent = bytesThrough(response(EgressAction.REDACT, 1024, null), JSON + ";charset=UTF-8",
                            text.getBytes(charset), piece);
                    String decoded = new String(sent, charset);
                    String written = new String(text.getBytes(charset), charset); // as a client decodes it
                    assertThat(decoded).as(charset).doesNotContain(Fixtures.JWS)
                            .startsWith(written.substring(0, written.indexOf(",\"token\"")));
                    assertThat(sent).as("the byte order mark stays").startsWith(
                            java.util.Arrays.copyOf(text.getBytes(charset), 8));
                    assertThat(Json.createReader(new StringReader(decoded.replace(bom, ""))).readObject()
                            .getString("token")).isEqualTo("[removed]");
                    assertThat(sent).as("same length").hasSize(text.getBytes(charset).length);
                }
            }
        }
        String clean = "{\"name\":\"Zoë 日本 \uD83D\uDE00\",\"n\":1}";
        assertThat(bytesThrough(response(EgressAction.PROBLEM, 1024, null), JSON + ";charset=UTF-16",
                clean.getBytes(StandardCharsets.UTF_16LE), 3)).as("clean UTF-16 passes byte for byte")
                .isEqualTo(clean.getBytes(StandardCharsets.UTF_16LE));
        EgressCheck.EgressResponse problem = response(EgressAction.PROBLEM, 1024, null);
        assertThat(bytesThrough(problem, JSON + ";charset=UTF-16", json.getBytes(StandardCharsets.UTF_16BE), 7))
                .isEmpty();
        assertThat(problem.refused()).isTrue();
    }

    /** Writes {@code first} bytes, flushes, then the rest with a flush after each piece of 7; ends the body. */
    private static byte[] flushedEarly(EgressCheck.EgressResponse response, byte[] bytes, int first)
            throws IOException {
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response.stream(container, JSON + ";charset=UTF-8", null);
        body.write(bytes, 0, first);
        body.flush();
        for (int i = first; i < bytes.length; i += 7) {
            body.write(bytes, i, Math.min(7, bytes.length - i));
            body.flush();
        }
        response.end();
        return container.toByteArray();
    }

    @Test
    void aFlushAfterTooFewBytesDoesNotDecideTheCharset() throws IOException {
        String leak = "{\"a\":\"" + Fixtures.AWS + "\",\"name\":\"Zoë\"}";
        for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE"}) {
            for (int first = 1; first <= 3; first++) {
                for (EgressAction action : new EgressAction[] {EgressAction.REDACT, EgressAction.PROBLEM}) {
                    EgressCheck.EgressResponse response = response(action, 1024, null);
                    byte[] sent = flushedEarly(response, leak.getBytes(charset), first);
                    String what = charset + " flushed after " + first + " byte(s), " + action;
                    if (action == EgressAction.PROBLEM) {
                        assertThat(response.refused()).as(what).isTrue();
                        assertThat(sent).as(what).isEmpty();
                    } else {
                        assertThat(new String(sent, charset)).as(what).doesNotContain(Fixtures.AWS)
                                .isEqualTo(new String(leak.getBytes(charset), charset).replace(
                                        "\"" + Fixtures.AWS + "\"", "\"[removed]\"" + " ".repeat(
                                                Fixtures.AWS.length() - "[removed]".length())));
                    }
                }
            }
        }
    }

    @Test
    void aUtf8BodyFlushedAfterItsFirstByteArrivesWholeAndUnchanged() throws IOException {
        String clean = "[{\"name\":\"Zoë 日本\",\"n\":1}]";
        for (int first = 1; first <= 3; first++) {
            for (EgressAction action : new EgressAction[] {EgressAction.REDACT, EgressAction.PROBLEM}) {
                assertThat(flushedEarly(response(action, 1024, null), clean.getBytes(StandardCharsets.UTF_8), first))
                        .isEqualTo(clean.getBytes(StandardCharsets.UTF_8));
            }
        }
        // a one-byte body ends as it is
        assertThat(flushedEarly(response(EgressAction.REDACT, 1024, null), "7".getBytes(StandardCharsets.US_ASCII), 1))
                .isEqualTo("7".getBytes(StandardCharsets.US_ASCII));
        // once asynchronous before the first bytes decided, the body streams when they do
        EgressCheck.EgressResponse later = response(EgressAction.PROBLEM, 1024, null);
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = later.stream(container, JSON, null);
        body.write('[');
        body.flush();
        later.release();
        body.write("1,2".getBytes(StandardCharsets.US_ASCII));
        assertThat(container.toString(StandardCharsets.US_ASCII)).isEqualTo("[1,2");
        assertThat(later.holdingBack()).isFalse();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void onceAsynchronousAProblemCheckStreamsAndRemovesWithoutBeingEnded() throws IOException {
        for (boolean stream : new boolean[] {true, false}) {
            EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 1024, null);
            response.release(); // the request went asynchronous before the application wrote a byte
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringWriter chars = new StringWriter();
            if (stream) {
                OutputStream body = response.stream(bytes, JSON, null);
                byte[] leaky = LEAKY.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < leaky.length; i += 5) {
                    body.write(leaky, i, Math.min(5, leaky.length - i));
                }
            } else {
                response.writer(chars, JSON, null, "UTF-8").write(LEAKY);
            }
            // nobody calls end(): the asynchronous application completes the response itself
            String sent = stream ? bytes.toString(StandardCharsets.UTF_8) : chars.toString();
            assertThat(response.refused()).isFalse();
            assertThat(response.holdingBack()).isFalse();
            assertThat(sent).hasSize(LEAKY.length()).doesNotContain(Fixtures.JWS).endsWith("[true,null,-1.5e3]}");
            assertThat(Json.createReader(new StringReader(sent)).readObject().getString("token"))
                    .isEqualTo("[removed]");
        }
        assertThat(warnings()).allMatch(line -> line.contains("VALUE_REMOVED")).isNotEmpty();
    }

    @Test
    void onceAsynchronousACleanBodyGoesOutAsItIsWritten() throws IOException {
        EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 1024, null);
        response.release();
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response.stream(container, JSON, null);
        body.write("[1,".getBytes(StandardCharsets.US_ASCII));
        assertThat(container.toString(StandardCharsets.US_ASCII)).isEqualTo("[1,");
        body.write("{\"a\":\"b\"}]".getBytes(StandardCharsets.US_ASCII));
        assertThat(container.toString(StandardCharsets.US_ASCII)).isEqualTo("[1,{\"a\":\"b\"}]");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aBodyLabelledJsonThatIsNotJsonIsCheckedLineByLine() throws IOException {
        String trace = "java.lang.IllegalStateException: order 42 is closed\n"
                + "\tat com.acme.Orders.load(Orders.java:42)\n"
                + "Exception in thread \"main\" boom\n"
                + "Caused by: java.sql.SQLSyntaxErrorException: Unknown column 'emial' in 'field list'\n"
                + "Your session token is " + Fixtures.JWS + ".\n"
                + "-----BEGIN RSA PRIVATE KEY-----\n"
                + "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n"
                + "-----END RSA PRIVATE KEY-----\n"
                + "a line that is fine\n"
                + "ORA-00942: table or view does not exist";
        for (int piece : new int[] {1, 7, 4096}) {
            String sent = through(response(EgressAction.REDACT, 1024, null), trace, piece);
            assertThat(sent).as("pieces of %d", piece).hasSize(trace.length()).doesNotContain("com.acme")
                    .doesNotContain("IllegalStateException").doesNotContain("emial").doesNotContain(Fixtures.JWS)
                    .doesNotContain("PRIVATE KEY").doesNotContain("MIIE").doesNotContain("ORA-").doesNotContain("thread \"main\"")
                    .contains("\na line that is fine\n");
            assertThat(sent.split("\n", -1)).as("line breaks stay").hasSize(trace.split("\n", -1).length);
        }
        EgressCheck.EgressResponse problem = response(EgressAction.PROBLEM, 1024, null);
        assertThat(through(problem, "org.hibernate.LazyInitializationException: could not initialize", 5))
                .isEmpty();
        assertThat(problem.refused()).isTrue();
        assertThat(warnings()).anyMatch(line -> line.contains("(a line of a body that is not JSON)"));
    }

    @Test
    void afterAPrefixThatIsNotJsonALineStartingAnObjectIsJsonAgain() throws IOException {
        String json = ")]}',\n{\"a\":\"ok\",\"k\":\"" + Fixtures.AWS + "\",\"b\":\"fine\"}";
        String sent = through(response(EgressAction.REDACT, 1024, null), json, 3);
        assertThat(sent).startsWith(")]}',\n{\"a\":\"ok\",\"k\":\"[removed]\"").endsWith(",\"b\":\"fine\"}")
                .hasSize(json.length());
        assertThat(warnings()).anyMatch(line -> line.contains("at $.k"));
    }

    @Test
    void aLongLineOfTextIsCheckedInPiecesNotHeldWhole() throws IOException {
        String words = "lorem ipsum dolor sit amet ".repeat(JsonStrings.MAX_LINE / 8);
        String line = words + Fixtures.AWS + " end";
        ByteArrayOutputStream container = new ByteArrayOutputStream();
        OutputStream body = response(EgressAction.REDACT, 1024, null).stream(container, JSON, null);
        body.write(line.getBytes(StandardCharsets.US_ASCII));
        assertThat(container.size()).as("sent before the line ends").isGreaterThan(JsonStrings.MAX_LINE * 2);
        assertThat(container.toString(StandardCharsets.US_ASCII)).doesNotContain("AKIA");
        body.write('\n');
        assertThat(container.toString(StandardCharsets.US_ASCII)).doesNotContain("AKIA").endsWith("\n")
                .hasSize(line.length() + 1);
    }

    @Test
    void textThatIsNotJsonAndHoldsNoSecretPassesAsWritten() throws IOException {
        for (String text : new String[] {"OK", "Service unavailable, retry in 5 seconds.\nVersion 1.2.3 at api.example.com",
            "NaN", "{\"a\":NaN,\"b\":\"x\"}\n", "// comment\n{\"v\":\"2.14.3\"}", "<html><p>\"quoted\"</p></html>"}) {
            assertThat(through(response(EgressAction.PROBLEM, 1024, null), text, 3)).isEqualTo(text);
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void eachWriteOfTheApplicationIsAtMostOneWriteToTheContainer() throws IOException {
        // a container in non-blocking mode (RESTEasy's asynchronous responses register a WriteListener) allows one
        // write per isReady(): a string held from one write and a replacement must not add writes
        for (EgressAction action : new EgressAction[] {EgressAction.REDACT, EgressAction.LOG}) {
            for (int piece : new int[] {1, 2, 5, 13, 4096}) {
                EgressCheck.EgressResponse response = response(action, 1024, null);
                response.release();
                int[] writes = {0};
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                OutputStream container = new OutputStream() {
                    @Override
                    public void write(int b) {
                        throw new AssertionError("one byte at a time");
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        writes[0]++;
                        sent.write(b, off, len);
                    }
                };
                OutputStream body = response.stream(container, JSON, null);
                byte[] bytes = LEAKY.getBytes(StandardCharsets.UTF_8);
                int calls = 0;
                for (int i = 0; i < bytes.length; i += piece) {
                    body.write(bytes, i, Math.min(piece, bytes.length - i));
                    calls++;
                    assertThat(writes[0]).as("%s in pieces of %d", action, piece).isLessThanOrEqualTo(calls);
                }
                assertThat(sent.size()).isEqualTo(bytes.length);
            }
        }
    }

    @Test
    void aWriterIsCheckedLikeAStreamWithUtf8Lengths() throws IOException {
        EgressCheck.EgressResponse response = response(EgressAction.REDACT, 1024, null);
        StringWriter container = new StringWriter();
        Writer body = response.writer(container, JSON, null, "UTF-8");
        String json = "{\"note\":\"ü 4111-1111-1111-1111 €\",\"ok\":\"日本\"}";
        for (char c : json.toCharArray()) {
            body.write(c);
        }
        response.end();
        String sent = container.toString();
        assertThat(sent).doesNotContain("4111").endsWith(",\"ok\":\"日本\"}");
        assertThat(sent.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(json.getBytes(StandardCharsets.UTF_8));
        assertThat(Json.createReader(new StringReader(sent)).readObject().getString("note"))
                .isEqualTo("[removed]");
    }

    @Test
    void aWriterHeldBackIsRefusedOnAHit() throws IOException {
        EgressCheck.EgressResponse response = response(EgressAction.PROBLEM, 1024, null);
        StringWriter container = new StringWriter();
        Writer body = response.writer(container, JSON, null, "UTF-8");
        body.write("{\"error\":\"ORA-00942: table or view does not exist\"}");
        body.flush();
        response.end();
        assertThat(response.refused()).isTrue();
        assertThat(container.toString()).isEmpty();
    }

    @Test
    void aStringLeftOpenAtTheEndIsStillChecked() throws IOException {
        String sent = through(response(EgressAction.REDACT, 1024, null), "{\"k\":\"" + Fixtures.AWS, 4);
        assertThat(sent).doesNotContain("AKIA").startsWith("{\"k\":\"[removed]\"");
    }

    @Test
    void replacementsFitTheWireLengthOfWhatTheyReplace() {
        assertThat(new String(ResponseScan.replacement(15), StandardCharsets.US_ASCII)).isEqualTo("\"[removed]\"    ");
        assertThat(new String(ResponseScan.replacement(11), StandardCharsets.US_ASCII)).isEqualTo("\"[removed]\"");
        assertThat(new String(ResponseScan.replacement(10), StandardCharsets.US_ASCII)).isEqualTo("\"\"        ");
    }
}
