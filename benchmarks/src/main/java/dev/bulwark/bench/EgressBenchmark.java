package dev.bulwark.bench;

import dev.bulwark.api.EgressAllowed;
import dev.bulwark.internal.exposure.egress.EgressAction;
import dev.bulwark.internal.exposure.egress.EgressCheck;
import dev.bulwark.internal.exposure.egress.EgressSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The egress check's cost per JSON response size: a page of typical orders (ids, timestamps, names, e-mail
 * addresses, amounts, free text with non-ASCII characters, nested objects) written in 8 KB pieces, as a JSON
 * provider writes through the container's buffer, against just copying the same bytes to the same sink. No
 * secret in it: the common case, every string read and let through.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EgressBenchmark {

    private static final int PIECE = 8192;

    @Param({"1", "16", "256"})
    public int kilobytes;

    private byte[] json;
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);
    private EgressCheck redact;
    private EgressCheck problem;
    private EgressCheck keysOnly;

    @Setup
    public void setUp() {
        json = typicalJson(kilobytes * 1024).getBytes(StandardCharsets.UTF_8);
        redact = new EgressCheck(new EgressSettings(EgressAction.REDACT, EnumSet.allOf(EgressAllowed.Kind.class),
                262144));
        keysOnly = new EgressCheck(new EgressSettings(EgressAction.REDACT, EnumSet.of(EgressAllowed.Kind.PRIVATE_KEY),
                262144));
        problem = new EgressCheck(new EgressSettings(EgressAction.PROBLEM, EnumSet.allOf(EgressAllowed.Kind.class),
                1 << 20));
    }

    /** A page of orders of about {@code size} bytes. */
    static String typicalJson(int size) {
        StringBuilder out = new StringBuilder("{\"page\":1,\"size\":50,\"items\":[");
        for (int i = 0; out.length() < size - 400 || i == 0; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"").append(new java.util.UUID(0x123e4567e89b12d3L + i, 0xa456426614174000L + i))
                    .append("\",\"number\":").append(100000 + i)
                    .append(",\"createdAt\":\"2026-11-30T19:").append(10 + i % 50).append(":00.123Z\"")
                    .append(",\"customer\":{\"name\":\"Zoë O'Brien-").append(i).append("\",\"email\":\"zoe.")
                    .append(i).append("@example.com\",\"phone\":\"+44 20 7946 0").append(100 + i % 900).append("\"}")
                    .append(",\"lines\":[{\"sku\":\"SKU-").append(4000 + i).append("\",\"quantity\":").append(1 + i % 5)
                    .append(",\"price\":19.90},{\"sku\":\"GIFT-WRAP\",\"quantity\":1,\"price\":2.50}]")
                    .append(",\"total\":\"").append(22 + i).append(".40\",\"currency\":\"EUR\",\"status\":\"SHIPPED\"")
                    .append(",\"note\":\"Bitte vor 18 Uhr liefern, danke. Rückfragen an den Empfang.\"}");
        }
        return out.append("],\"next\":\"https://api.example.com/v1/orders?page=2&size=50\"}").toString();
    }

    private long write(OutputStream out) throws IOException {
        for (int i = 0; i < json.length; i += PIECE) {
            out.write(json, i, Math.min(PIECE, json.length - i));
        }
        return sink.size();
    }

    @Benchmark
    public long copy() throws IOException {
        sink.reset();
        return write(sink);
    }

    @Benchmark
    public long egressRedact() throws IOException {
        sink.reset();
        EgressCheck.EgressResponse response = redact.forResponse("c", () -> "GET /orders", null);
        long n = write(response.stream(sink, "application/json", null));
        response.end();
        return n + sink.size();
    }

    /** The tokenizer's share: only the PEM detector, which these strings never get past its gate. */
    @Benchmark
    public long egressTokenizerOnly() throws IOException {
        sink.reset();
        EgressCheck.EgressResponse response = keysOnly.forResponse("c", () -> "GET /orders", null);
        long n = write(response.stream(sink, "application/json", null));
        response.end();
        return n + sink.size();
    }

    @Benchmark
    public long egressProblem() throws IOException {
        sink.reset();
        EgressCheck.EgressResponse response = problem.forResponse("c", () -> "GET /orders", null);
        write(response.stream(sink, "application/json", null));
        response.end();
        return sink.size();
    }
}
