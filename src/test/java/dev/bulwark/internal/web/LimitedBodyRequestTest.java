package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitedBodyRequestTest {

    /** A request with these headers (and content type, length) whose body is {@code body}. */
    private static HttpServletRequest request(Map<String, String> headers, InputStream body) {
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return body.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return body.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(LimitedBodyRequestTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getContentType" -> headers.get("Content-Type");
                    case "getContentLengthLong" -> headers.containsKey("Content-Length")
                            ? Long.parseLong(headers.get("Content-Length")) : -1L;
                    case "getInputStream" -> stream;
                    case "getParameter" -> "from the container";
                    case "getCharacterEncoding" -> null;
                    default -> null;
                });
    }

    private static ProblemException problemOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return p;
            }
        }
        throw new AssertionError("no problem in " + t);
    }

    @Test
    void aBodyIsCountedWhileItStreamsAndTheReadPastTheLimitFailsWith413() throws Exception {
        LimitedBodyRequest r = new LimitedBodyRequest(request(Map.of("Transfer-Encoding", "chunked"),
                new ByteArrayInputStream(new byte[101])), 100);
        assertThat(r.getInputStream().readNBytes(100)).hasSize(100);
        assertThatThrownBy(() -> r.getInputStream().read()).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(problemOf(e).status()).isEqualTo(413));
    }

    @Test
    void aBodyThatCannotBeReadIsTheClients400NotA500() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Invalid gzip header");
            }
        };
        LimitedBodyRequest r = new LimitedBodyRequest(request(Map.of("Content-Length", "10",
                "Content-Encoding", "gzip"), broken), 100);
        assertThatThrownBy(() -> r.getInputStream().read(new byte[10], 0, 10)).isInstanceOf(IOException.class)
                .satisfies(e -> {
                    assertThat(problemOf(e).kind()).isEqualTo(ProblemKind.UNREADABLE_BODY);
                    assertThat(problemOf(e).status()).isEqualTo(400);
                });
    }

    @Test
    void theContainerMayParseAFormOnlyWithACheckedLengthAndNoEncoding() throws Exception {
        LimitedBodyRequest chunkedMultipart = new LimitedBodyRequest(request(Map.of("Transfer-Encoding", "chunked",
                "Content-Type", "multipart/form-data; boundary=x"), InputStream.nullInputStream()), 100);
        assertThatThrownBy(chunkedMultipart::getParts).satisfies(e -> assertThat(problemOf(e).status()).isEqualTo(411));
        assertThatThrownBy(() -> chunkedMultipart.getParameter("a"))
                .satisfies(e -> assertThat(problemOf(e).status()).isEqualTo(411));

        LimitedBodyRequest encodedForm = new LimitedBodyRequest(request(Map.of("Content-Length", "10",
                "Content-Encoding", "gzip", "Content-Type", "application/x-www-form-urlencoded"),
                InputStream.nullInputStream()), 100);
        assertThatThrownBy(encodedForm::getParameterMap).satisfies(e -> {
            assertThat(problemOf(e).status()).isEqualTo(415);
            assertThat(problemOf(e).headers()).containsEntry("Accept-Encoding", "identity");
        });

        // a form with a checked Content-Length, a chunked body that is not a form, or one the application reads
        assertThat(new LimitedBodyRequest(request(Map.of("Content-Length", "10", "Content-Type",
                "application/x-www-form-urlencoded"), InputStream.nullInputStream()), 100).getParameter("a"))
                .isEqualTo("from the container");
        assertThat(new LimitedBodyRequest(request(Map.of("Transfer-Encoding", "chunked", "Content-Type",
                "application/json"), InputStream.nullInputStream()), 100).getParameter("a"))
                .isEqualTo("from the container");
        LimitedBodyRequest streamed = new LimitedBodyRequest(request(Map.of("Transfer-Encoding", "chunked",
                "Content-Type", "multipart/form-data; boundary=x"), InputStream.nullInputStream()), 100);
        streamed.getInputStream().readAllBytes();
        assertThat(streamed.getParameter("a")).isEqualTo("from the container");
    }

    @Test
    void observedTheBodyGoesOnWholeAndTheOverrunIsToldOnce() throws IOException {
        java.util.List<String> told = new java.util.ArrayList<>();
        LimitedBodyRequest r = new LimitedBodyRequest(request(Map.of(), new java.io.ByteArrayInputStream(new byte[100])),
                10, (kind, reason) -> told.add(kind.label() + ": " + reason));
        assertThat(r.getInputStream().readAllBytes()).hasSize(100);
        assertThat(told).containsExactly("payload-too-large: request body larger than 10 bytes");
    }

    @Test
    void observedAChunkedFormIsToldAndTheContainerReadsIt() {
        java.util.List<String> told = new java.util.ArrayList<>();
        LimitedBodyRequest r = new LimitedBodyRequest(request(Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Transfer-Encoding", "chunked"), InputStream.nullInputStream()),
                10, (kind, reason) -> told.add(kind.label()));
        assertThat(r.getParameter("a")).isEqualTo("from the container");
        assertThat(told).containsExactly("length-required");
    }
}
