package dev.bulwark.internal.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A servlet container's response, as far as a client can tell: the status line and headers go out once, when the
 * response commits (the buffer overflows, the body reaches its Content-Length, a flush, sendError, sendRedirect, or
 * the end of the request), and whatever is set after that never reaches the client. Written for the response
 * wrapper's tests; like a container it refuses what the servlet API forbids (reset after commit, a writer after the
 * stream) with an {@link IllegalStateException}. What it does not model (cookies, int and date headers, locales)
 * throws {@link UnsupportedOperationException}, so a test cannot pass by calling it unawares.
 */
final class FakeResponse extends HttpServletResponseWrapper {

    /** The origin the container makes relative redirects absolute against (the request's Host). */
    static final String ORIGIN = "https://api.example";

    private final int bufferSize;
    private int status = SC_OK;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private long contentLength = -1;
    private long written;
    private boolean committed;
    private int sentStatus;
    private Map<String, List<String>> sentHeaders;
    private boolean errorPage;
    private ServletOutputStream stream;
    private PrintWriter writer;

    FakeResponse(int bufferSize) {
        super((HttpServletResponse) Proxy.newProxyInstance(FakeResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("not modelled by FakeResponse: " + method.getName());
                }));
        this.bufferSize = bufferSize;
    }

    // ---- what the client saw ----

    /** Ends the request as the container does: commits if nothing did yet, and sends what is buffered. */
    FakeResponse complete() {
        commit();
        return this;
    }

    int sentStatus() {
        requireSent();
        return sentStatus;
    }

    /** The header's first value as sent, or null. */
    String sentHeader(String name) {
        requireSent();
        List<String> values = sentHeaders.get(name);
        return values == null ? null : values.get(0);
    }

    List<String> sentHeaders(String name) {
        requireSent();
        return sentHeaders.getOrDefault(name, List.of());
    }

    String sentBody() {
        requireSent();
        return sent.toString(StandardCharsets.UTF_8);
    }

    /** Whether the container's own error page answered (sendError reached it). */
    boolean errorPageSent() {
        return errorPage;
    }

    private void requireSent() {
        if (!committed) {
            throw new AssertionError("nothing was sent: the response never committed");
        }
    }

    private void commit() {
        if (!committed) {
            committed = true;
            sentStatus = status;
            sentHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> sentHeaders.put(name, List.copyOf(values)));
            sent.writeBytes(buffer.toByteArray());
            buffer.reset();
        }
    }

    private void requireNotCommitted() {
        if (committed) {
            throw new IllegalStateException("the response is already committed");
        }
    }

    private void body(byte[] bytes, int off, int len) {
        if (committed) {
            sent.write(bytes, off, len);
        } else {
            buffer.write(bytes, off, len);
            if (buffer.size() > bufferSize) {
                commit();
            }
        }
        written += len;
        if (contentLength >= 0 && written >= contentLength) {
            commit();
        }
    }

    // ---- status and headers: ignored once committed, as a container ignores them ----

    @Override
    public void setStatus(int sc) {
        if (!committed) {
            status = sc;
        }
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setHeader(String name, String value) {
        if (committed) {
            return;
        }
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, new ArrayList<>(List.of(value)));
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!committed && value != null) {
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public boolean containsHeader(String name) {
        return headers.containsKey(name);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    @Override
    public java.util.Collection<String> getHeaderNames() {
        return List.copyOf(headers.keySet());
    }

    @Override
    public java.util.Collection<String> getHeaders(String name) {
        return List.copyOf(headers.getOrDefault(name, List.of()));
    }

    @Override
    public void setContentType(String type) {
        setHeader("Content-Type", type);
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    /** The charset of the content type, else the servlet default. */
    @Override
    public String getCharacterEncoding() {
        String type = getContentType();
        int at = type == null ? -1 : type.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
        return at < 0 ? "ISO-8859-1" : type.substring(at + 8).strip();
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!committed) {
            contentLength = len;
            setHeader("Content-Length", Long.toString(len));
        }
    }

    // ---- the body ----

    /** The one body: bytes go to the buffer (or, once committed, to the client); a flush or close commits. */
    private final class Body extends ServletOutputStream {
        @Override
        public void write(int b) {
            body(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            body(b, off, len);
        }

        @Override
        public void flush() {
            commit();
        }

        @Override
        public void close() {
            commit();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("not an asynchronous request");
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new Body();
        }
        return stream;
    }

    /** Characters encoded as UTF-8 onto the body as they are written (no buffer of its own). */
    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (writer == null) {
            Body body = new Body();
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    byte[] bytes = new String(cbuf, off, len).getBytes(StandardCharsets.UTF_8);
                    body.write(bytes, 0, bytes.length);
                }

                @Override
                public void flush() {
                    body.flush();
                }

                @Override
                public void close() {
                    body.close();
                }
            });
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        commit();
    }

    @Override
    public void resetBuffer() {
        requireNotCommitted();
        buffer.reset();
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public void reset() {
        requireNotCommitted();
        buffer.reset();
        headers.clear();
        status = SC_OK;
        contentLength = -1;
    }

    // ---- what the container answers by itself ----

    @Override
    public void sendError(int sc, String msg) {
        requireNotCommitted();
        buffer.reset();
        status = sc;
        errorPage = true;
        setContentType("text/html");
        byte[] page = ("<html><body>Error " + sc + (msg == null ? "" : ": " + msg) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        buffer.write(page, 0, page.length);
        commit();
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    /** Makes a relative location absolute from the request's Host, as {@code sendRedirect} does. */
    @Override
    public void sendRedirect(String location) {
        requireNotCommitted();
        buffer.reset();
        status = SC_FOUND;
        setHeader("Location", location.startsWith("/") ? ORIGIN + location : location);
        commit();
    }

}
