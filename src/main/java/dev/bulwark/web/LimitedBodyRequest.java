package dev.bulwark.web;

import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Counts the body while it streams (chunked bodies have no Content-Length to check up front) and fails the read
 * that passes the limit with an IOException caused by a 413 {@link ProblemException}, so whoever reads the body
 * stops and the error path answers 413.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;
    private BufferedReader reader;

    LimitedBodyRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
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

    static IOException tooLarge(long limit) {
        return new IOException("request body larger than " + limit + " bytes", new ProblemException(
                ProblemKind.PAYLOAD_TOO_LARGE, 413, List.of(), "request body larger than " + limit + " bytes"));
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
                if (count > limit) {
                    throw tooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return counted(in.read(b, off, len));
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
