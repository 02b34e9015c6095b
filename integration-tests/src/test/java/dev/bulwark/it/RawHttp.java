package dev.bulwark.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.devtools.DevTls;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;

/**
 * Requests as raw bytes over TLS, for what java.net.http refuses to send (characters RFC 3986 does not allow in
 * a request target, non-ASCII header bytes), and the response as the client receives it.
 */
final class RawHttp {

    /** A response line, its headers (names in lower case) and its body (de-chunked). */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A log line written at SEVERE (level letter E) by any logger. */
    private static final Pattern SEVERE_LINE = Pattern.compile("(?m)^\\[[^\\]]+\\] [0-9a-f]+ \\S+\\s+E ");

    private RawHttp() {
    }

    /** Sends {@code GET target} with the given extra header lines (each ending in CRLF). */
    static Response get(byte[] target, String... headerLines) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes("GET ".getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        for (String h : headerLines) {
            request.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return send(request.toByteArray());
    }

    static Response get(String target, String... headerLines) {
        return get(target.getBytes(StandardCharsets.UTF_8), headerLines);
    }

    static Response send(byte[] request) {
        try (SSLSocket socket = (SSLSocket) DevTls.trustAllContext().getSocketFactory().createSocket("127.0.0.1",
                ItSupport.HTTPS_PORT)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        String[] lines = all.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = all.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = new String(chunked, StandardCharsets.ISO_8859_1);
        int pos = 0;
        while (true) {
            int eol = s.indexOf("\r\n", pos);
            int size = Integer.parseInt(s.substring(pos, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, eol + 2, size);
            pos = eol + 2 + size + 2;
        }
    }

    /**
     * The error contract on a raw response: status, problem+json with a correlation id equal to X-Request-Id, the
     * security headers of an error response, nothing leaked.
     */
    static JsonObject assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = ItSupport.json(r.text());
        assertThat(problem.getInt("status")).isEqualTo(status);
        String id = problem.getString("correlationId");
        assertThat(r.header("X-Request-Id")).isEqualTo(id);
        assertThat(problem.getString("instance")).isEqualTo("urn:bulwark:request:" + id);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
        String everything = (r.text() + r.headers()).toLowerCase(Locale.ROOT);
        for (String leak : ItSupport.LEAKS) {
            assertThat(everything).as("leaks '%s'", leak).doesNotContain(leak);
        }
        return problem;
    }

    /** Lines written at SEVERE so far. */
    static long severeLines() {
        return SEVERE_LINE.matcher(ItSupport.readLog()).results().count();
    }

    /** The one log line of a refused request is a client-level line (INFO by default), never SEVERE. */
    static void assertLoggedAsClientError(String correlationId, int status) {
        String fromLine = ItSupport.awaitLog("[correlationId=" + correlationId + "]", status + " for ");
        String line = fromLine.lines().findFirst().orElseThrow();
        assertThat(line).containsPattern("\\s[IW] \\[correlationId=");
        assertThat(ItSupport.readLog().lines().filter(l -> l.contains(correlationId)))
                .noneMatch(l -> SEVERE_LINE.matcher(l).find());
    }
}
