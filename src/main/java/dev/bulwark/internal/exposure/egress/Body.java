package dev.bulwark.internal.exposure.egress;

import java.io.IOException;

/**
 * One checked body in units of {@code A} ({@code byte[]} for a stream, {@code char[]} for a writer): the strings it
 * holds back while they are read, and, with {@code action=problem}, the whole body held back until it ends or
 * outgrows the buffer (past it, what was held goes out and the rest is redacted). The subclass writes to the
 * container.
 *
 * @param <A> the array type of the units
 */
abstract class Body<A> extends Splice implements EgressBody {

    private final ResponseScan scan;
    private final java.io.Flushable flushable;
    private final java.io.Closeable closeable;
    private final int maxBuffer;
    /** The units being read (during {@link #write}). */
    private A chunk;
    /** The beginning of a string that started in an earlier write. */
    private A held;
    private int heldLength;
    /** The whole body so far, while it is held back; null once it goes to the container as it comes. */
    private A buffer;
    private int buffered;
    private boolean ended;
    /**
     * What one write of the application sends on, written to the container once at its end: a container in
     * non-blocking mode (a {@code WriteListener}: RESTEasy's asynchronous responses) allows one write per
     * {@code isReady()}. A single piece of the chunk is written from the chunk itself; more pieces are copied here.
     */
    private A staging;
    private int staged;
    private int pieceOff = -1;
    private int pieceLen;

    /** @param real the container's stream or writer */
    <R extends java.io.Flushable & java.io.Closeable> Body(R real, ResponseScan scan, boolean holdBack,
                                                            int maxBuffer) {
        super(scan);
        this.flushable = real;
        this.closeable = real;
        this.scan = scan;
        this.maxBuffer = maxBuffer;
        this.held = newArray(64);
        // most JSON responses are small: start small, grow by doubling (an 8 KiB array per response was measurable)
        this.buffer = holdBack ? newArray(Math.min(maxBuffer, 512)) : null;
    }

    abstract A newArray(int length);

    /** How many bytes units {@code [from, to)} take on the wire. */
    abstract int wireBytes(A units, int from, int to);

    /** The replacement of a string that took {@code rawBytes} bytes, in units. */
    abstract A replacement(int rawBytes);

    abstract void realWrite(A units, int off, int len) throws IOException;

    final void write(A units, int off, int len) throws IOException {
        if (scan.refused() || len <= 0) {
            return;
        }
        chunk = units;
        if (units instanceof byte[] b) {
            bytes = b;
        } else {
            chars = (char[]) units;
        }
        try {
            chunk(off, off + len);
        } finally {
            A units2 = chunk;
            chunk = null;
            bytes = null;
            chars = null;
            sendStaged(units2);
        }
    }

    /** Sends what the write staged, in one write. */
    private void sendStaged(A units) throws IOException {
        if (scan.refused()) {
            pieceOff = -1;
            staged = 0;
        } else if (pieceOff >= 0) {
            int off = pieceOff;
            pieceOff = -1;
            realWrite(units, off, pieceLen);
        } else if (staged > 0) {
            int length = staged;
            staged = 0;
            realWrite(staging, 0, length);
        }
    }

    /** During a write: keeps units for the one container write at its end. */
    private void stage(A units, int off, int len) {
        if (pieceOff < 0 && staged == 0 && units == chunk) {
            pieceOff = off;
            pieceLen = len;
            return;
        }
        if (pieceOff >= 0) {
            int pOff = pieceOff;
            pieceOff = -1;
            staging = append(staging == null ? newArray(Math.max(64, pieceLen + len)) : staging, 0, chunk, pOff,
                    pieceLen);
            staged = pieceLen;
        }
        if (staging == null) {
            staging = newArray(Math.max(64, len));
        }
        staging = append(staging, staged, units, off, len);
        staged += len;
    }

    final void flush() throws IOException {
        if (buffer == null && !scan.refused()) {
            flushable.flush();
        }
    }

    final void close() throws IOException {
        end();
        if (!scan.refused()) {
            closeable.close();
        }
    }

    @Override
    public final void end() throws IOException {
        if (!ended && !scan.refused()) {
            ended = true;
            super.end();
            release();
        }
    }

    @Override
    public final void release() throws IOException {
        if (buffer != null && !scan.refused()) {
            A all = buffer;
            buffer = null;
            realWrite(all, 0, buffered);
        }
    }

    @Override
    public final boolean holdingBack() {
        return buffer != null && !ended;
    }

    @Override
    public final boolean refused() {
        return scan.refused();
    }

    private void out(A units, int off, int len) throws IOException {
        if (len <= 0) {
            return;
        }
        if (buffer != null) {
            if (buffered + len <= maxBuffer) {
                buffer = append(buffer, buffered, units, off, len);
                buffered += len;
                return;
            }
            release();
        }
        if (chunk != null) {
            stage(units, off, len);
        } else {
            realWrite(units, off, len);
        }
    }

    private A append(A to, int length, A from, int off, int len) {
        A target = to;
        int capacity = java.lang.reflect.Array.getLength(to);
        if (length + len > capacity) {
            target = newArray(Math.max(length + len, capacity * 2));
            System.arraycopy(to, 0, target, 0, length);
        }
        System.arraycopy(from, off, target, length, len);
        return target;
    }

    @Override
    final void pass(int from, int to) throws IOException {
        out(chunk, from, to - from);
    }

    @Override
    final void hold(int from, int to) {
        held = append(held, heldLength, chunk, from, to - from);
        heldLength += to - from;
    }

    @Override
    final void passHeld() throws IOException {
        int length = heldLength;
        heldLength = 0;
        out(held, 0, length);
    }

    @Override
    final int dropHeld(int from, int to) {
        int bytes = wireBytes(held, 0, heldLength) + (chunk == null ? 0 : wireBytes(chunk, from, to));
        heldLength = 0;
        return bytes;
    }

    @Override
    final void replace(int rawBytes) throws IOException {
        A r = replacement(rawBytes);
        out(r, 0, java.lang.reflect.Array.getLength(r));
    }

    @Override
    final boolean heldBack() {
        return buffer != null;
    }
}
