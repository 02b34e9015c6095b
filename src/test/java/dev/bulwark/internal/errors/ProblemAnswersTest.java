package dev.bulwark.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProblemAnswersTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark.errors");
    private final ProblemAnswers answers = new ProblemAnswers(
            new ProblemFactory(URI.create("https://errors.example/")), new ErrorLog(Level.FINE));

    private static Incident client(String reason) {
        return new Incident("c-1", "GET /api/items", "client 203.0.113.9", reason, null);
    }

    @Test
    void aRefusalIsTheWholeAnswerWithItsKindsStatusAndProtocolHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Allow", "GET, POST");
        ProblemAnswer a = answers.refuse(ProblemKind.METHOD_NOT_ALLOWED, List.of(), headers,
                client("method not allowed: PATCH"));
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.headers()).containsExactly(Map.entry("Allow", List.of("GET, POST")));
        assertThat(a.replacesHeaders()).isTrue();
        assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo(a.json()).isEqualTo(
                "{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,\"detail\":\"The request"
                        + " method is not supported by this resource.\",\"instance\":\"urn:bulwark:request:c-1\","
                        + "\"correlationId\":\"c-1\"}");
        assertThat(log.at(Level.FINE)).containsExactly(
                "[correlationId=c-1] 405 for GET /api/items: method not allowed: PATCH (from client 203.0.113.9)");
    }

    @Test
    void fieldErrorsAndTheKindsTypeReachTheBodyButNeverTheReason() {
        ProblemAnswer a = answers.refuse(ProblemKind.VALIDATION,
                List.of(new Problem.FieldError("query", "q", "control character")), Map.of(),
                client("request text refused: query q control character <script>"));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json()).contains("\"type\":\"https://errors.example/validation\"",
                "\"errors\":[{\"in\":\"query\",\"field\":\"q\",\"message\":\"control character\"}]")
                .doesNotContain("script");
        assertThat(a.headers()).isEmpty();
    }

    @Test
    void aServerErrorIsLoggedOnceWithItsExceptionAndAnswersGenerically() {
        IllegalStateException boom = new IllegalStateException("select * from users");
        ProblemAnswer a = answers.classified(new Classification(ProblemKind.INTERNAL, 500, Map.of(), List.of()),
                new Incident("c-2", "GET /api/boom", "client 203.0.113.9", boom.toString(), boom));
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.json()).doesNotContain("select").contains("Quote the correlation id");
        List<LogRecord> severe = log.records().stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
        assertThat(severe).hasSize(1);
        assertThat(severe.get(0).getMessage())
                .isEqualTo("[correlationId=c-2] 500 for GET /api/boom: unhandled java.lang.IllegalStateException");
        assertThat(severe.get(0).getThrown()).isSameAs(boom);
        assertThat(log.at(Level.FINE)).isEmpty();
    }

    @Test
    void headersKeptFromAFailedResponseGiveWayAndDatesAreHttpDates() {
        Map<String, List<Object>> kept = new LinkedHashMap<>();
        kept.put("Retry-After", List.of(Date.from(Instant.parse("2030-01-02T03:04:05Z"))));
        kept.put("WWW-Authenticate", List.of("Bearer realm=\"a\"", "Basic realm=\"b\""));
        ProblemAnswer a = answers.classified(new Classification(ProblemKind.UNAVAILABLE, 503, kept, List.of()),
                new Incident("c-3", "GET /api/x", null, "down", null));
        assertThat(a.replacesHeaders()).isFalse();
        assertThat(a.headers()).containsOnly(Map.entry("Retry-After", List.of("Wed, 02 Jan 2030 03:04:05 GMT")),
                Map.entry("WWW-Authenticate", List.of("Bearer realm=\"a\"", "Basic realm=\"b\"")));
        assertThat(log.at(Level.SEVERE)).containsExactly(
                "[correlationId=c-3] 503 for GET /api/x: error response from the container or application");
    }

    @Test
    void aStatusWithoutAnExceptionGetsItsGenericProblem() {
        ProblemAnswer a = answers.forStatus(418, client("error response from the container or application"));
        assertThat(a.status()).isEqualTo(418);
        assertThat(a.json()).contains("\"title\":\"Client Error\"", "\"status\":418");
        assertThat(a.headers()).isEmpty();
        assertThat(log.at(Level.FINE)).containsExactly("[correlationId=c-1] 418 for GET /api/items: error response"
                + " from the container or application (from client 203.0.113.9)");
    }

    /** WildFly's default servlet answers PATCH on a static path with 501: a client's request, not a failure. */
    @Test
    void aContainers501ForAMethodIsLoggedAsTheClientsNotAsAServerFailure() {
        ProblemAnswer a = answers.forStatus(501, client("error response from the container or application"));
        assertThat(a.status()).isEqualTo(501);
        assertThat(log.at(Level.SEVERE)).isEmpty();
        assertThat(log.at(Level.FINE)).containsExactly("[correlationId=c-1] 501 for GET /api/items: error response"
                + " from the container or application (from client 203.0.113.9)");

        IllegalStateException thrown = new IllegalStateException("not implemented yet");
        answers.classified(new Classification(ProblemKind.INTERNAL, 501, Map.of(), List.of()),
                new Incident("c-4", "GET /api/x", null, thrown.toString(), thrown));
        assertThat(log.at(Level.SEVERE)).as("an exception behind a 501 is still a server failure").hasSize(1);
    }

    @Test
    void theAnswerCannotBeChangedAfterwards() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Encoding", "identity");
        ProblemAnswer a = answers.refuse(ProblemKind.UNSUPPORTED_MEDIA_TYPE, List.of(), headers, client("encoded"));
        headers.put("X-Later", "1");
        a.body()[0] = 'x';
        assertThat(a.headers()).containsOnlyKeys("Accept-Encoding");
        assertThat(a.body()[0]).isEqualTo((byte) '{');
    }
}
