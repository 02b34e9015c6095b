package dev.bulwark.internal.validation;

import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Counts a body while it streams and fails the read that passes the limit with an IOException caused by a 413
 * {@link ProblemException}, so that whoever reads the body stops and the error path answers 413.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** The failure of a read past {@code limit} bytes: an IOException whose cause is the 413 problem. */
    public static IOException tooLarge(long limit) {
        return new IOException("request body larger than " + limit + " bytes", new ProblemException(
                ProblemKind.PAYLOAD_TOO_LARGE, List.of(), "request body larger than " + limit + " bytes"));
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
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        if (skipped > 0) {
            count += skipped;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
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
}
