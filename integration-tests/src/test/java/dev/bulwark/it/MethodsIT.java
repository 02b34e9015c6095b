package dev.bulwark.it;

import static dev.bulwark.it.ItSupport.assertProblem;
import static dev.bulwark.it.ItSupport.json;
import static dev.bulwark.it.ItSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bulwark.devtools.DevTls;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodsIT {

    @ParameterizedTest
    @ValueSource(strings = {"TRACK", "PROPFIND", "FOO", "DEBUG", "PURGE"})
    void unsafeAndUnknownMethodsGet405BeforeTheApplication(String method) {
        for (String path : new String[] {"/it/api/errors/ok", "/it/legacy/hello", "/it/no-such-file"}) {
            HttpResponse<String> r = send(method, path, null);
            assertProblem(r, 405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
    }

    @Test
    void traceIsRefusedAndNeverEchoesTheRequest() {
        assumeTrue(ItSupport.onLiberty(), "WildFly refuses TRACE on every path before any filter (WildFlyIT)");
        HttpResponse<String> api = send("TRACE", "/it/api/errors/ok", null, "X-Secret", "s3cr3t-value");
        assertProblem(api, 405);
        assertThat(api.body()).doesNotContain("s3cr3t-value");
        // Liberty refuses TRACE to plain servlets and static files itself, before any filter runs
        // (403 "Default implementation of TRACE not allowed"); it is refused and echoes nothing.
        for (String path : new String[] {"/it/legacy/hello", "/it/no-such-file"}) {
            HttpResponse<String> r = send("TRACE", path, null, "X-Secret", "s3cr3t-value");
            assertThat(r.statusCode()).as(path).isIn(403, 405);
            assertThat(r.body()).doesNotContain("s3cr3t-value").doesNotContain("X-Secret");
        }
    }

    @Test
    void connectIsRefused() throws Exception {
        // java.net.http cannot send CONNECT: speak HTTP/1.1 over a TLS socket directly.
        try (SSLSocket socket = (SSLSocket) DevTls.trustAllContext().getSocketFactory().createSocket("127.0.0.1",
                ItSupport.HTTPS_PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("CONNECT /it/api/errors/ok HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(response).startsWith("HTTP/1.1 405").contains("application/problem+json")
                    .contains("Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void methodOverrideHeadersAreIgnoredAndHiddenByDefault(String header) {
        HttpResponse<String> r = send("POST", "/it/api/echo/method", "", header, "DELETE");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).getString("method")).isEqualTo("POST");
        assertThat(json(r.body()).isNull("override")).as("the application never sees the header").isTrue();
        // an override can never reach a method the resource lacks, nor unlock a refused one
        assertThat(send("POST", "/it/api/items/1", "", header, "GET").statusCode()).isEqualTo(405);
        assertThat(send("POST", "/it/api/echo/method?_method=DELETE", "").body()).contains("\"method\":\"POST\"");
    }

    @Test
    void whenEnabledTheOverrideIsTheMethodEveryControlSees() {
        HttpResponse<String> deleted = send("POST", "/it-proxy/api/echo/method", "", "X-HTTP-Method-Override", "DELETE");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted.body()).getString("method")).isEqualTo("DELETE");
        assertThat(json(deleted.body()).isNull("override")).isTrue();
        // the method allow-list applies to the effective method
        HttpResponse<String> trace = send("POST", "/it-proxy/api/echo/method", "", "X-HTTP-Method-Override", "TRACE");
        assertProblem(trace, 405);
        // only POST can be overridden
        HttpResponse<String> get = send("GET", "/it-proxy/api/echo/method", null, "X-HTTP-Method", "DELETE");
        assertThat(json(get.body()).getString("method")).isEqualTo("GET");
    }
}
