package dev.bulwark.internal.web;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.validation.LimitedInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request body as the application reads it, within its endpoint's byte limit.
 * <ul>
 * <li>Read through {@code getInputStream()} or {@code getReader()}, it is counted while it streams (chunked bodies
 * have no Content-Length to check up front): the read that passes the limit fails with an IOException caused by
 * a 413 {@link ProblemException}, so whoever reads stops and the error path answers 413. A read that fails
 * otherwise (a body cut short, a Content-Encoding the bytes do not match) fails with a 400 problem.</li>
 * <li>A form ({@code application/x-www-form-urlencoded}, {@code multipart/form-data}) read by the container
 * ({@code getParameter...}, {@code getPart(s)}) bypasses any wrapper, so the container may read it only when its
 * size is known and checked: a chunked one is refused with 411, a content-encoded one (the container would
 * inflate it without bound) with 415. {@link BulwarkFilter} refuses such url-encoded forms before the application
 * runs; a multipart body is refused here, when the container is asked for its parts, so that applications that
 * stream uploads themselves keep chunked uploads.</li>
 * </ul>
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    /** With observe mode for the body size: told of what would be refused instead (once each); else null. */
    private final Observer observer;
    private boolean observedOver;
    private ServletInputStream stream;
    private BufferedReader reader;

    /** What the body check would refuse, in observe mode. */
    interface Observer {
        void wouldRefuse(ProblemKind kind, String reason);
    }

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        this(request, limit, null);
    }

    /** @param observer null to refuse, else told of each would-refusal while the body goes on unlimited */
    LimitedBodyRequest(HttpServletRequest request, long limit, Observer observer) {
        super(request);
        this.limit = limit;
        this.observer = observer;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called");
        }
        if (stream == null) {
            stream = new Counted(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getInputStream() has already been called");
        }
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(new Counted(super.getInputStream()), charset));
        }
        return reader;
    }

    @Override
    public String getParameter(String name) {
        checkContainerReadsForm(false);
        return super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        checkContainerReadsForm(false);
        return super.getParameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        checkContainerReadsForm(false);
        return super.getParameterNames();
    }

    @Override
    public String[] getParameterValues(String name) {
        checkContainerReadsForm(false);
        return super.getParameterValues(name);
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        checkContainerReadsForm(true);
        return super.getParts();
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        checkContainerReadsForm(true);
        return super.getPart(name);
    }

    /**
     * Refuses a form body that the container would read itself, unseen by the counter, unless its Content-Length
     * was checked and it is not content-encoded.
     */
    private void checkContainerReadsForm(boolean parts) {
        if (stream != null || reader != null) {
            return; // the application read the body itself: the container has nothing left to parse
        }
        String type = getContentType() == null ? "" : getContentType().toLowerCase(Locale.ROOT).strip();
        boolean form = type.startsWith("multipart/form-data") || !parts && isUrlEncodedForm(type);
        if (!form) {
            return;
        }
        if (getContentLengthLong() < 0 && getHeader("Transfer-Encoding") != null) {
            refuse(new ProblemException(ProblemKind.LENGTH_REQUIRED, List.of(),
                    "a chunked form body cannot be counted while the container reads it"));
        } else if (encoded(getHeader("Content-Encoding"))) {
            refuse(new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, List.of(),
                    "a content-encoded form body cannot be counted once inflated", Map.of("Accept-Encoding", "identity")));
        }
    }

    private void refuse(ProblemException refusal) {
        if (observer == null) {
            throw refusal;
        }
        observer.wouldRefuse(refusal.kind(), refusal.getMessage());
    }

    /** {@code application/x-www-form-urlencoded}, whatever its parameters. */
    static boolean isUrlEncodedForm(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded");
    }

    /** A Content-Encoding other than none or identity. */
    static boolean encoded(String contentEncoding) {
        return contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.strip().equalsIgnoreCase("identity");
    }

    static IOException unreadable(IOException cause) {
        return new IOException("request body could not be read", new ProblemException(ProblemKind.UNREADABLE_BODY,
                List.of(), "request body could not be read: " + cause.getClass().getSimpleName()));
    }

    private final class Counted extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counted(ServletInputStream in) {
            this.in = in;
        }

        private int counted(int n) throws IOException {
            if (n > 0) {
                count += n;
                if (count > limit && observer == null) {
                    throw LimitedInputStream.tooLarge(limit);
                }
                if (count > limit && !observedOver) {
                    observedOver = true;
                    observer.wouldRefuse(ProblemKind.PAYLOAD_TOO_LARGE, "request body larger than " + limit
                            + " bytes");
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw unreadable(e);
            }
            return counted(n);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
