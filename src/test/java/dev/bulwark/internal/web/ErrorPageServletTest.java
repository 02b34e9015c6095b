package dev.bulwark.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.correlation.RequestCorrelation;
import dev.bulwark.internal.errors.ErrorLog;
import dev.bulwark.internal.errors.ProblemFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorPageServletTest {

    private final ErrorPageServlet servlet = new ErrorPageServlet(new ProblemFactory(URI.create("urn:bulwark:problem:")),
            new ErrorLog(Level.FINEST), () -> "fresh-id");

    /** What the servlet wrote: status, content type, body. */
    private record Answer(int status, String contentType, String body) {
    }

    private Answer serve(String method, DispatcherType dispatch, Map<String, Object> attributes) throws Exception {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getDispatcherType" -> dispatch;
                    case "getRequestURI" -> "/it/bulwark/error";
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, Object> state = new HashMap<>();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> state.put("status", args[0]);
                    case "setContentType" -> state.put("type", args[0]);
                    case "getOutputStream" -> out;
                    case "isCommitted" -> false;
                    default -> null;
                });
        servlet.service(request, response);
        return new Answer((Integer) state.get("status"), (String) state.get("type"),
                body.toString(StandardCharsets.UTF_8));
    }

    /** The request state the filter leaves for the error page: the correlation id it chose. */
    private static dev.bulwark.internal.pipeline.RequestState correlated(String id) {
        dev.bulwark.internal.pipeline.RequestState state = new dev.bulwark.internal.pipeline.RequestState();
        state.put(RequestCorrelation.ID, id);
        return state;
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO"})
    void everyMethodGetsTheProblemWithoutThePathOrTheException(String method) throws Exception {
        Answer a = serve(method, DispatcherType.ERROR, Map.of(
                RequestDispatcher.ERROR_STATUS_CODE, 400,
                RequestDispatcher.ERROR_REQUEST_URI, "/it/secret-path%2Fx",
                RequestDispatcher.ERROR_MESSAGE, "CWWWC0005I: bad characters in /it/secret-path",
                RequestDispatcher.ERROR_EXCEPTION, new java.io.IOException("SRVE0190E: SELECT secret FROM users"),
                dev.bulwark.internal.pipeline.RequestState.ATTRIBUTE, correlated("abc-123")));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).isEqualTo("application/problem+json");
        assertThat(a.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The request could not be processed.\",\"instance\":\"urn:bulwark:request:abc-123\","
                + "\"correlationId\":\"abc-123\"}");
    }

    @Test
    void withoutTheFiltersCorrelationIdAFreshOneIsUsed() throws Exception {
        Answer a = serve("GET", DispatcherType.ERROR, Map.of(RequestDispatcher.ERROR_STATUS_CODE, 404));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).contains("\"correlationId\":\"fresh-id\"");
    }

    @Test
    void askedForDirectlyItIsNotFound() throws Exception {
        Answer a = serve("POST", DispatcherType.REQUEST, Map.of(dev.bulwark.internal.pipeline.RequestState.ATTRIBUTE, correlated("id-1"),
                RequestDispatcher.ERROR_STATUS_CODE, 500));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body()).contains("\"title\":\"Not Found\"");
    }

    @Test
    void anErrorDispatchGetsTheContainersErrorStatus() {
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 400)).isEqualTo(400);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 404)).isEqualTo(404);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 403)).isEqualTo(403);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 503)).isEqualTo(503);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 599)).isEqualTo(599);
    }

    @Test
    void anErrorDispatchWithoutAnErrorStatusIsAServerError() {
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, null)).isEqualTo(500);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 200)).isEqualTo(500);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 302)).isEqualTo(500);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, 600)).isEqualTo(500);
        assertThat(ErrorPageServlet.status(DispatcherType.ERROR, "404")).as("not an Integer").isEqualTo(500);
    }

    @Test
    void theErrorPageAskedForInAnyOtherWayIsNotFound() {
        for (DispatcherType t : new DispatcherType[] {DispatcherType.REQUEST, DispatcherType.FORWARD,
            DispatcherType.INCLUDE, DispatcherType.ASYNC}) {
            assertThat(ErrorPageServlet.status(t, 500)).as(t.name()).isEqualTo(404);
        }
    }
}
