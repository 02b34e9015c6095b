package dev.bulwark.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.LogCapture;
import dev.bulwark.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorLogTest {

    @RegisterExtension
    final LogCapture log = new LogCapture("dev.bulwark.errors");
    private final MutableClock clock = MutableClock.atEpochSecond(1_000);

    private List<String> at(Level level) {
        return log.at(level);
    }

    private List<String> summaries() {
        return at(Level.INFO).stream().filter(l -> l.startsWith("Bulwark answered")).toList();
    }

    @Test
    void aFloodWritesOneSummaryLinePerStatusAndIntervalAtInfo() {
        ErrorLog errors = new ErrorLog(Level.FINE, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 10_000; i++) {
            // 401s from many addresses (bad tokens), 403s from one verified subject (a missing role)
            errors.clientError("c" + i, i % 2 == 0 ? 401 : 403, "GET /api/secure",
                    i % 2 == 0 ? "client 203.0.113." + (i % 200) : "subject 'alice'", "bearer token refused: expired");
            if (i % 1000 == 0) {
                clock.advance(Duration.ofSeconds(5));
            }
        }
        errors.clientError("last-400", 400, "POST /api/items", "client 2001:db8::7",
                "request text refused: query control character");
        assertThat(at(Level.FINE)).hasSize(10_001).first().asString().isEqualTo(
                "[correlationId=c0] 401 for GET /api/secure: bearer token refused: expired (from client 203.0.113.0)");
        assertThat(summaries()).as("the interval has not ended yet").isEmpty();
        assertThat(at(Level.INFO)).as("the first of each kind, at INFO").hasSize(3);

        clock.advance(Duration.ofSeconds(15)); // 65 s since the first error
        errors.clientError("next", 401, "GET /api/secure", "client 198.51.100.1", "bearer token refused: bad signature");
        assertThat(summaries()).as("each names the caller of the last refusal").containsExactly(
                "Bulwark answered 1 request with 400 in the last 65s (last: correlationId last-400 from client"
                        + " 2001:db8::7, POST /api/items: request text refused: query control character)",
                "Bulwark answered 5000 requests with 401 in the last 65s (last: correlationId c9998 from client"
                        + " 203.0.113.198, GET /api/secure: bearer token refused: expired)",
                "Bulwark answered 5000 requests with 403 in the last 65s (last: correlationId c9999 from subject"
                        + " 'alice', GET /api/secure: bearer token refused: expired)");
        // the error that closed the interval opens the next one
        clock.advance(Duration.ofSeconds(30));
        errors.flush();
        assertThat(summaries()).hasSize(4).last().asString().startsWith("Bulwark answered 1 request with 401 in the"
                + " last 30s (last: correlationId next from client 198.51.100.1, ");
        errors.flush();
        assertThat(summaries()).as("nothing new to sum up").hasSize(4);
    }

    @Test
    void perRequestLinesAtInfoWhenConfiguredAndNoSummaryWhenSwitchedOff() {
        ErrorLog errors = new ErrorLog(Level.INFO, Duration.ZERO, clock);
        for (int i = 0; i < 3; i++) {
            errors.clientError("id" + i, 404, "GET /x", i == 0 ? null : "client 192.0.2." + i, "not found");
            clock.advance(Duration.ofHours(1));
        }
        errors.flush();
        assertThat(at(Level.INFO)).as("the caller, when known, after the reason").containsExactly(
                "[correlationId=id0] 404 for GET /x: not found",
                "[correlationId=id1] 404 for GET /x: not found (from client 192.0.2.1)",
                "[correlationId=id2] 404 for GET /x: not found (from client 192.0.2.2)");
    }

    @Test
    void reasonsAreMadeSafeInTheSummaryToo() {
        ErrorLog errors = new ErrorLog(Level.OFF, Duration.ofSeconds(1), clock);
        errors.clientError("a", 400, "GET /x", "client 192.0.2.9", "bad\r\nINFO forged line");
        clock.advance(Duration.ofSeconds(1));
        errors.flush();
        assertThat(at(Level.INFO)).singleElement().asString().doesNotContain("\n").doesNotContain("\r")
                .contains("bad\\u000d\\u000aINFO forged line");
        assertThat(log.records()).noneMatch(r -> r.getLevel() == Level.FINE);
    }

    /** At the default level a developer still sees why: the first refusal of each kind per interval at INFO. */
    @Test
    void theFirstRefusalOfEachKindIsWrittenAtInfoBoundedPerInterval() {
        ErrorLog errors = new ErrorLog(Level.FINE, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 100; i++) {
            errors.clientError("x" + i, 401, "GET /api", "client 192.0.2.1", "bearer token refused: lifetime exp - iat of "
                    + (7000 + i) + " s is longer than PT1H30M (raise bulwark.jwt.max-lifetime ...)");
            errors.clientError("y" + i, 401, "GET /api", "client 192.0.2.1", "bearer token refused: issuer 'https://e"
                    + i + "' is not the configured 'https://issuer' (mp.jwt.verify.issuer)");
        }
        assertThat(at(Level.INFO)).containsExactly(
                "[correlationId=x0] 401 for GET /api: bearer token refused: lifetime exp - iat of 7000 s is longer than"
                        + " PT1H30M (raise bulwark.jwt.max-lifetime ...) (from client 192.0.2.1) (the first of its kind"
                        + " in this interval; the others are counted in the summary)",
                "[correlationId=y0] 401 for GET /api: bearer token refused: issuer 'https://e0' is not the configured"
                        + " 'https://issuer' (mp.jwt.verify.issuer) (from client 192.0.2.1) (the first of its kind in"
                        + " this interval; the others are counted in the summary)");
        for (int i = 0; i < 100; i++) {
            errors.clientError("z" + i, 400, "GET /api", null, "kind " + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        assertThat(at(Level.INFO)).as("bounded per interval").hasSize(ErrorLog.MAX_KINDS);
        clock.advance(Duration.ofMinutes(2));
        errors.clientError("n", 401, "GET /api", null, "bearer token refused: expired");
        assertThat(at(Level.INFO)).as("a new interval, new kinds").last().asString()
                .startsWith("[correlationId=n] 401");
    }
}
