package dev.bulwark.internal.exposure.egress;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A JSON response body written as bytes in an ASCII-compatible charset (see {@link SniffingStream}), checked as it is
 * written.
 */
final class EgressStream extends OutputStream {

    private final Body<byte[]> body;

    EgressStream(OutputStream real, ResponseScan scan, boolean holdBack, int maxBuffer) {
        this.body = new Body<>(real, scan, holdBack, maxBuffer) {
            @Override
            byte[] newArray(int length) {
                return new byte[length];
            }

            @Override
            int wireBytes(byte[] units, int from, int to) {
                return to - from;
            }

            @Override
            byte[] replacement(int rawBytes) {
                return ResponseScan.replacement(rawBytes);
            }

            @Override
            void realWrite(byte[] units, int off, int len) throws IOException {
                real.write(units, off, len);
            }
        };
    }

    EgressBody body() {
        return body;
    }

    @Override
    public void write(int b) throws IOException {
        body.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        body.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        body.flush();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
