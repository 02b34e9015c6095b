package dev.bulwark.internal.web;

import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.exposure.egress.EgressCheck;
import dev.bulwark.internal.headers.PendingHeaders;
import dev.bulwark.internal.headers.ResponseFacts;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * Lets every successful response through untouched, and holds back the body of any error response that is not
 * already a problem document, so that {@link BulwarkFilter} can replace it with the generic problem. Calls to
 * {@code sendError} are captured instead of reaching the container's error page. {@code Server} and
 * {@code X-Powered-By} set by the application are dropped. Just before the response can commit (the first byte
 * of body, a flush, a redirect) it runs the filter's commit hook once, which writes the security headers, so
 * they are on every response, whoever produced it. Redirects to the request's own origin are sent as relative
 * references ({@link Redirects}), so no {@code Location} carries the Host header.
 */
final class ProblemCapturingResponse extends HttpServletResponseWrapper {

    private int status;
    private boolean sendErrorCalled;
    private String contentType;
    private volatile boolean passThrough;
    private ServletOutputStream stream;
    private PrintWriter writer;
    private GuardedWriter guardedWriter;
    private boolean realWriterTaken;

    private final CommitHook beforeCommit;
    private final UnaryOperator<String> ownRedirect;
    /** {@link #hookStatus} before the hook ran. */
    private static final int HOOK_NOT_RUN = -1;
    /**
     * The status the hook last ran with, or {@link #HOOK_NOT_RUN}. Written under this response's lock: the hook may
     * run on a thread that resumes an asynchronous response. Read without it on the way to the lock, which rechecks.
     */
    private volatile int hookStatus = HOOK_NOT_RUN;
    /**
     * The hook ran with the type the response goes out with (JAX-RS's, for an asynchronous response, whose own
     * headers reach the container after its type): a later type set through this wrapper is that same type.
     */
    private boolean typeKnown;
    /** Body bytes (characters through the writer) that went through to the container. */
    private long written;
    /** The egress check of this response's body, or null when it is off. */
    private final EgressCheck.EgressResponse egress;

    /** What runs once before the response can commit. */
    @FunctionalInterface
    interface CommitHook {
        /**
         * @param status      the response's status at that moment
         * @param contentType the content type the response is about to get, or null for the one it has
         * @param pending     the headers another layer writes after the hook (an asynchronous JAX-RS response's own,
         *                    see {@link #beforeAsyncCommit}), or null
         */
        void run(int status, String contentType, PendingHeaders pending);
    }

    /**
     * @param beforeCommit runs once before the response can commit
     * @param ownRedirect  the relative reference to send for a redirect location, or null to let the container
     *                     send the location (see {@link Redirects#ownReference})
     * @param egress       wraps a JSON body as it starts, or null
     */
    ProblemCapturingResponse(HttpServletResponse response, CommitHook beforeCommit,
                             UnaryOperator<String> ownRedirect, EgressCheck.EgressResponse egress) {
        super(response);
        this.egress = egress;
        this.ownRedirect = ownRedirect;
        // SC_OK for a request; on an error dispatch the error status the container already set
        this.status = response.getStatus();
        this.beforeCommit = beforeCommit;
    }

    /**
     * Runs the commit hook unless it already ran; again if it ran for a success and the response has become an error
     * since (an asynchronous response whose writer failed after Bulwark's last JAX-RS filter ran the hook): an error
     * gets its own headers (no-store, its challenge). The writers add nothing twice.
     */
    void beforeCommit() {
        if (!hookDue(hookStatus)) {
            return;
        }
        synchronized (this) {
            if (hookDue(hookStatus)) {
                hookStatus = status;
                beforeCommit.run(status, null, null);
            }
        }
    }

    /** True when the hook has not run, or ran for a success and the response is an error now. */
    private boolean hookDue(int ran) {
        return ran == HOOK_NOT_RUN || status >= 400 && ran < 400;
    }

    /**
     * Runs the commit hook unless it already ran, for a response JAX-RS completes asynchronously: the container
     * commits it when the request completes, and one without a body passes through this wrapper not at all.
     *
     * @param status      the status JAX-RS is about to set
     * @param contentType the content type JAX-RS is about to set, or null
     * @param pending     the headers JAX-RS is about to write
     */
    synchronized void beforeAsyncCommit(int status, String contentType, PendingHeaders pending) {
        if (hookStatus == HOOK_NOT_RUN && !isCommitted()) {
            hookStatus = status;
            typeKnown = true;
            beforeCommit.run(status, contentType, pending);
        }
    }

    /**
     * The application completes an asynchronous cycle ({@link ServedAsyncContext}): a response that never started
     * a body gets the hook before the container commits it.
     */
    void beforeComplete() {
        if (!isCommitted()) {
            beforeCommit();
        }
    }

    /** From now on, forward everything (used once a request goes asynchronous and outlives the filter). */
    void passThrough() throws IOException {
        passThrough = true;
        if (egress != null) {
            egress.release();
        }
    }

    /** The application returned: the egress check sends what it held back (or refuses the response). */
    void bodyDone() throws IOException {
        if (egress != null) {
            egress.end();
        }
    }

    /** True when the body written so far was held back, or never written, and a problem must be sent. */
    boolean needsProblem() {
        return !passThrough && (sendErrorCalled || (status >= 400 && !isProblem(contentType)) || egressRefused());
    }

    /** True when the egress check refused the body (the 500 problem replaces it). */
    boolean egressRefused() {
        return egress != null && egress.refused();
    }

    int status() {
        return egressRefused() ? SC_INTERNAL_SERVER_ERROR : status;
    }

    /** The body bytes that went through to the container (characters through the writer), for the audit event. */
    long bytesWritten() {
        return written;
    }

    boolean realWriterTaken() {
        return realWriterTaken;
    }

    private boolean discarding() {
        return needsProblem();
    }

    /**
     * An error body that is a problem document already (one media type, {@value Problem#MEDIA_TYPE}, parameters
     * allowed) goes out as it is. A value with a comma is not one media type: browsers take the last type they know
     * ("application/problem+json, text/html" renders as HTML), so such a body is replaced like any other.
     */
    static boolean isProblem(String type) {
        return Problem.MEDIA_TYPE.equalsIgnoreCase(ResponseFacts.singleMediaType(type));
    }

    private static boolean hidden(String header) {
        return "server".equalsIgnoreCase(header) || "x-powered-by".equalsIgnoreCase(header);
    }

    @Override
    public void setStatus(int sc) {
        if (sendErrorCalled) {
            // sendError ends the response: on the container a later status is ignored, and so it is here
            return;
        }
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (isCommitted() || passThrough) {
            if (!isCommitted()) {
                // the container sends this error: the hook writes the headers of an error response
                status = sc;
            }
            beforeCommit();
            super.sendError(sc, msg);
            return;
        }
        status = sc;
        sendErrorCalled = true;
        super.setStatus(sc);
    }

    @Override
    public void setContentType(String given) {
        String type = ResponseFacts.withoutInternalParameters(given);
        contentType = type;
        super.setContentType(type);
        typeChanged(type);
    }

    @Override
    public void setHeader(String name, String given) {
        header(name, given, false);
    }

    @Override
    public void addHeader(String name, String given) {
        header(name, given, true);
    }

    /**
     * A header the application sets or adds: {@code Server} and {@code X-Powered-By} dropped, a Location to the
     * request's own origin made relative, a Content-Type without the runtime's internal parameters and remembered.
     */
    private void header(String name, String given, boolean add) {
        boolean type = "content-type".equalsIgnoreCase(name);
        String value = type ? ResponseFacts.withoutInternalParameters(given) : given;
        if (type) {
            contentType = value;
        }
        if (!hidden(name)) {
            if (add) {
                super.addHeader(name, ownLocation(name, value));
            } else {
                super.setHeader(name, ownLocation(name, value));
            }
        }
        if (type) {
            typeChanged(value);
        }
    }

    /**
     * The hook decided which headers a JSON response leaves out when the body started; a response that is no
     * longer JSON before it commits (a JSON body reset and replaced by an HTML page) gets the hook again, which adds
     * what it left out (the writers add nothing twice).
     */
    private void typeChanged(String type) {
        if (hookStatus != HOOK_NOT_RUN && !ResponseFacts.isJson(type) && !isCommitted()) {
            synchronized (this) {
                if (hookStatus != HOOK_NOT_RUN && !typeKnown) {
                    beforeCommit.run(status, null, null);
                }
            }
        }
    }

    /**
     * Every Location (a 201's as much as a redirect's) to the request's own origin goes out as a relative
     * reference: JAX-RS builds {@code Response.created(...)} locations from the host the request named.
     */
    private String ownLocation(String name, String value) {
        if (!"location".equalsIgnoreCase(name)) {
            return value;
        }
        String reference = ownRedirect.apply(value);
        return reference == null ? value : reference;
    }

    @Override
    public void flushBuffer() throws IOException {
        // a JSON body the egress check holds back must not commit: a hit may still replace the response
        if (!discarding() && (egress == null || !egress.holdingBack())) {
            beforeCommit();
            if (written == 0 && bodiless(status)) {
                // A 204 or 304 has no body to stream: committing it here would send its HTTP/2 HEADERS frame
                // without END_STREAM, and Liberty (which flushes a wrapped response as the servlet returns) then
                // ends the stream with nothing, so the client waits for a body that never comes. The container
                // commits it whole when the request completes.
                return;
            }
            super.flushBuffer();
        }
    }

    /** A status whose response never has a body (RFC 9110 sections 15.3.5 and 15.4.5). */
    private static boolean bodiless(int status) {
        return status == SC_NO_CONTENT || status == SC_NOT_MODIFIED;
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (isCommitted()) {
            throw new IllegalStateException("the response is already committed");
        }
        // What sendRedirect does; the hook sees the redirect's status.
        resetBuffer();
        setStatus(SC_FOUND);
        String reference = ownRedirect.apply(location);
        if (reference == null) {
            beforeCommit();
            super.sendRedirect(location);
            return;
        }
        // without making the location absolute from the Host header
        super.setHeader("Location", reference);
        flushBuffer();
    }

    @Override
    public void reset() {
        super.reset();
        status = SC_OK;
        sendErrorCalled = false;
        contentType = null;
        // reset() cleared the headers the hook wrote: write them again before the response commits.
        synchronized (this) {
            hookStatus = HOOK_NOT_RUN;
            typeKnown = false;
        }
        restartBody();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        restartBody();
    }

    /** The body written so far is gone: the egress check starts again with the next first byte. */
    private void restartBody() {
        if (egress != null) {
            egress.reset();
            if (stream instanceof GuardedStream guarded) {
                guarded.body = null;
            }
            if (guardedWriter != null) {
                guardedWriter.body = null;
            }
        }
    }

    /**
     * The content type the egress check decides on at a body's first unit: the response's, or, when the application
     * has set none yet (a servlet may set it after writing), {@code application/json} for a body shaped like JSON
     * (its first unit {@code {}, {@code [} or whitespace), so that it is checked all the same.
     */
    private String contentTypeAt(int first) {
        String type = getContentType();
        if (type == null && (first == '{' || first == '[' || first == ' ' || first == '\n' || first == '\r'
                || first == '\t')) {
            return "application/json";
        }
        return type;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called");
        }
        if (stream == null) {
            stream = new GuardedStream();
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called");
        }
        if (writer == null) {
            guardedWriter = new GuardedWriter();
            writer = new PrintWriter(guardedWriter, false);
        }
        return writer;
    }

    private PrintWriter takeRealWriter() throws IOException {
        PrintWriter real = super.getWriter();
        realWriterTaken = true;
        return real;
    }

    /** One step of writing on the container's stream or writer. */
    @FunctionalInterface
    private interface Step<T> {
        void on(T real) throws IOException;
    }

    /** Takes the container's stream or writer. */
    @FunctionalInterface
    private interface Taker<T> {
        T take() throws IOException;
    }

    /**
     * The container's stream or writer behind the application's: taken when the first byte gets through, and every
     * step that gets through runs the commit hook first (again after a {@link #reset()} cleared its headers). While
     * the body is held back nothing reaches the container.
     */
    private final class Sink<T> {
        private final Taker<T> taker;
        private T real;

        Sink(Taker<T> taker) {
            this.taker = taker;
        }

        T real() throws IOException {
            beforeCommit();
            if (real == null) {
                real = taker.take();
            }
            return real;
        }

        void pass(Step<T> step) throws IOException {
            if (!discarding()) {
                step.on(real());
            }
        }
    }

    private final class GuardedStream extends ServletOutputStream {
        private final Sink<ServletOutputStream> sink = new Sink<>(ProblemCapturingResponse.super::getOutputStream);
        private OutputStream body;

        /**
         * The container's stream, behind the egress check when the body is JSON (decided at its first byte, or at a
         * flush or close once the content type is set; null before that: nothing to decide on yet).
         */
        private OutputStream body(ServletOutputStream real, int first) {
            if (body == null) {
                if (egress == null) {
                    body = real;
                } else if (first < 0 && getContentType() == null) {
                    return null;
                } else {
                    body = egress.stream(real, contentTypeAt(first), getHeader("Content-Encoding"));
                }
            }
            return body;
        }

        @Override
        public void write(int b) throws IOException {
            sink.pass(real -> {
                body(real, b & 0xff).write(b);
                written++;
            });
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) {
                sink.pass(real -> {
                    body(real, b[off] & 0xff).write(b, off, len);
                    written += len;
                });
            }
        }

        @Override
        public void flush() throws IOException {
            sink.pass(real -> {
                OutputStream out = body(real, -1);
                if (out != null) {
                    out.flush();
                }
            });
        }

        @Override
        public void close() throws IOException {
            sink.pass(real -> {
                OutputStream out = body(real, -1);
                (out == null ? real : out).close();
            });
        }

        @Override
        public boolean isReady() {
            try {
                return discarding() || sink.real().isReady();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                sink.real().setWriteListener(listener);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final class GuardedWriter extends Writer {
        private final Sink<PrintWriter> sink = new Sink<>(ProblemCapturingResponse.this::takeRealWriter);
        private Writer body;

        /** The container's writer, behind the egress check when the body is JSON (decided at its first char). */
        private Writer body(PrintWriter real, int first) {
            if (body == null) {
                if (egress == null) {
                    body = real;
                } else if (first < 0 && getContentType() == null) {
                    return null;
                } else {
                    body = egress.writer(real, contentTypeAt(first), getHeader("Content-Encoding"),
                            getCharacterEncoding());
                }
            }
            return body;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (len > 0) {
                sink.pass(real -> {
                    body(real, cbuf[off]).write(cbuf, off, len);
                    written += len;
                });
            }
        }

        @Override
        public void flush() throws IOException {
            sink.pass(real -> {
                Writer out = body(real, -1);
                if (out != null) {
                    out.flush();
                }
            });
        }

        @Override
        public void close() throws IOException {
            sink.pass(real -> {
                Writer out = body(real, -1);
                (out == null ? real : out).close();
            });
        }
    }
}
