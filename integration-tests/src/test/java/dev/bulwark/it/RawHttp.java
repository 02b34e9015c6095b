package dev.bulwark.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.devtools.DevTls;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Requests that java.net.http refuses to send (encoded slashes, NUL, {@code OPTIONS *}, a hand-written Host
 * header), written byte for byte over a plain or TLS socket (trusting the test server's self-signed certificate),
 * with the response read back raw.
 */
final class RawHttp {

    /** Text that reveals the server product or its internals, on top of {@link ItSupport#LEAKS}. */
    static final List<String> PRODUCT_TEXT = List.of("cww", "srve", "$ws", "liberty", "websphere", "com.ibm",
            "exception", "java.", "jakarta.", "\tat ");

    /** The headers Bulwark writes on every response, with their default values (HSTS only over TLS). */
    static final List<String[]> SECURITY_HEADERS = List.of(
            new String[] {"X-Content-Type-Options", "nosniff"},
            new String[] {"X-Frame-Options", "DENY"},
            new String[] {"Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"},
            new String[] {"Referrer-Policy", "no-referrer"},
            new String[] {"Cross-Origin-Resource-Policy", "same-origin"});

    /**
     * The headers for rendered documents, with their default values: on every response that is not JSON, and on
     * JSON ones only without the API profile ({@code bulwark.headers.json-responses=all}) or with the container
     * headers fragment; {@code Permissions-Policy} is checked apart (its value is long).
     */
    static final List<String[]> DOCUMENT_HEADERS = List.of(
            new String[] {"Cross-Origin-Opener-Policy", "same-origin"},
            new String[] {"X-Permitted-Cross-Domain-Policies", "none"});

    /** A response as it came off the wire. */
    record Response(int status, List<String[]> headers, String body, String raw) {

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        /** Whether the Content-Type is JSON ({@code application/json}, {@code application/*+json}). */
        boolean isJson() {
            return jsonType(header("Content-Type").orElse(""));
        }

        List<String> headerValues(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        /** The body as UTF-8 text. */
        String text() {
            return new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }
    }

    /**
     * A log line written at SEVERE (level letter E) by any logger, except Liberty's validation of a deployment's
     * OpenAPI document (CWWKO1650E), which a deployment still starting writes whenever it finishes, whatever the
     * requests in flight.
     */
    private static final java.util.regex.Pattern SEVERE_LINE =
            java.util.regex.Pattern.compile("(?m)^\\[[^\\]]+\\] [0-9a-f]+ \\S+\\s+E (?!CWWKO1650E)");

    private RawHttp() {
    }

    /** Whether a Content-Type value is one JSON media type ({@code application/json}, {@code application/*+json}). */
    static boolean jsonType(String contentType) {
        if (contentType.contains(",")) {
            return false; // two types: browsers render the last one they know
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return bare.equals("application/json") || bare.startsWith("application/") && bare.endsWith("+json");
    }

    /** The port of a base URL such as {@link ItSupport#BASE}. */
    static int port(String baseUrl) {
        return URI.create(baseUrl).getPort();
    }

    /** Sends {@code request} (every line ending in CRLF, {@code Connection: close} added) and reads the answer. */
    static Response send(boolean tls, int port, String requestLine, String... headerLines) {
        return sendFrom(null, tls, port, requestLine, headerLines);
    }

    /**
     * Like {@link #send(boolean, int, String, String...)} from the local address {@code local} (another loopback
     * address such as 127.0.0.5 is another client), or any when null.
     */
    static Response sendFrom(InetAddress local, boolean tls, int port, String requestLine, String... headerLines) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        for (String h : headerLines) {
            request.append(h).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = tls
                ? DevTls.trustAllContext().getSocketFactory().createSocket("127.0.0.1", port, local, 0)
                : new Socket("127.0.0.1", port, local, 0)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TLS request to the application's port with a proper Host header. */
    static Response tls(String requestLine, String... headerLines) {
        return send(true, port(ItSupport.BASE), requestLine, withHost(port(ItSupport.BASE), headerLines));
    }

    /** A plain-HTTP request to the application's port with a proper Host header. */
    static Response plain(String requestLine, String... headerLines) {
        return send(false, port(ItSupport.HTTP), requestLine, withHost(port(ItSupport.HTTP), headerLines));
    }

    /**
     * {@code GET target} over TLS, the target sent as its UTF-8 bytes exactly as given (nothing encoded), with extra
     * header lines (ISO-8859-1, so a UTF-8 value can be sent as its bytes).
     */
    static Response get(String target, String... headerLines) {
        String bytes = new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String[] lines = new String[headerLines.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = headerLines[i].endsWith("\r\n") ? headerLines[i].substring(0, headerLines[i].length() - 2)
                    : headerLines[i];
        }
        return tls("GET " + bytes + " HTTP/1.1", lines);
    }

    /** The error contract on a TLS response (see {@link #assertProblem(Response, int, boolean)}). */
    static JsonObject assertProblem(Response r, int status) {
        return assertProblem(r, status, true);
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

    private static String[] withHost(int port, String... headerLines) {
        String[] all = new String[headerLines.length + 1];
        all[0] = "Host: localhost:" + port;
        System.arraycopy(headerLines, 0, all, 1, headerLines.length);
        return all;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; read so far: "
                    + bytes.toString(StandardCharsets.ISO_8859_1), e);
        }
        return bytes.toByteArray();
    }

    private static Response parse(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = raw.indexOf("\r\n\r\n");
        assertThat(end).as("a complete HTTP response head in:%n%s", raw).isPositive();
        String[] lines = raw.substring(0, end).split("\r\n");
        assertThat(lines[0]).as("status line").matches("HTTP/1\\.[01] \\d{3}.*");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
        String body = raw.substring(end + 4);
        boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                && h[1].equalsIgnoreCase("chunked"));
        return new Response(status, headers, chunked ? dechunk(body) : body, raw);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int lineEnd = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    /**
     * The error contract on a raw response: status, problem+json with the RFC 9457 members, the correlation id in
     * the body equal to the X-Request-Id header, the security headers, and nothing of the product or the request.
     */
    static JsonObject assertProblem(Response r, int status, boolean tls) {
        assertThat(r.status()).as("status of:%n%s", r.raw()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("content type of:%n%s", r.raw())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = ItSupport.json(r.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        String id = problem.getString("correlationId");
        assertThat(problem.getString("instance")).isEqualTo("urn:bulwark:request:" + id);
        assertThat(r.header("X-Request-Id")).hasValue(id);
        assertThat(r.header("Cache-Control")).hasValue("no-store");
        assertSecurityHeaders(r, tls);
        assertNoProductText(r);
        return problem;
    }

    /** The default security headers, those for rendered documents only when the response is not JSON. */
    static void assertSecurityHeaders(Response r, boolean tls) {
        assertSecurityHeaders(r, tls, !r.isJson());
    }

    /** The default security headers, with or without those for rendered documents, each exactly once. */
    static void assertSecurityHeaders(Response r, boolean tls, boolean documentHeaders) {
        for (String[] h : SECURITY_HEADERS) {
            assertThat(r.headerValues(h[0])).as("%s on:%n%s", h[0], r.raw()).containsExactly(h[1]);
        }
        for (String[] h : DOCUMENT_HEADERS) {
            assertThat(r.headerValues(h[0])).as("%s on:%n%s", h[0], r.raw())
                    .isEqualTo(documentHeaders ? List.of(h[1]) : List.of());
        }
        if (documentHeaders) {
            assertThat(r.headerValues("Permissions-Policy")).singleElement()
                    .satisfies(v -> assertThat(v).contains("camera=()"));
        } else {
            assertThat(r.headerValues("Permissions-Policy")).as("Permissions-Policy on:%n%s", r.raw()).isEmpty();
        }
        if (tls) {
            assertThat(r.header("Strict-Transport-Security")).hasValue("max-age=63072000; includeSubDomains");
        }
    }

    static void assertNoProductText(Response r) {
        String everything = r.raw().toLowerCase(Locale.ROOT);
        for (String leak : PRODUCT_TEXT) {
            assertThat(everything).as("'%s' in:%n%s", leak, r.raw()).doesNotContain(leak);
        }
        for (String leak : ItSupport.LEAKS) {
            assertThat(everything).as("'%s' in:%n%s", leak, r.raw()).doesNotContain(leak);
        }
        assertThat(r.header("Server")).isEmpty();
        assertThat(r.header("X-Powered-By")).isEmpty();
    }
}
