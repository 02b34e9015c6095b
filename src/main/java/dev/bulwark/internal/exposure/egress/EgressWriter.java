package dev.bulwark.internal.exposure.egress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A JSON response body written as characters, checked as it is written; its held-back buffer is counted in
 * characters. A replacement takes as many bytes on the wire as the string it replaces (UTF-8 lengths when the
 * response is UTF-8, else one per character).
 */
final class EgressWriter extends Writer {

    private final Body<char[]> body;

    EgressWriter(Writer real, ResponseScan scan, boolean holdBack, int maxBuffer, boolean utf8) {
        this.body = new Body<>(real, scan, holdBack, maxBuffer) {
            @Override
            char[] newArray(int length) {
                return new char[length];
            }

            @Override
            int wireBytes(char[] units, int from, int to) {
                if (!utf8) {
                    return to - from;
                }
                int bytes = 0;
                for (int i = from; i < to; i++) {
                    char c = units[i];
                    bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
                }
                return bytes;
            }

            @Override
            char[] replacement(int rawBytes) {
                return new String(ResponseScan.replacement(rawBytes), StandardCharsets.US_ASCII).toCharArray();
            }

            @Override
            void realWrite(char[] units, int off, int len) throws IOException {
                real.write(units, off, len);
            }
        };
    }

    EgressBody body() {
        return body;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        body.write(c, off, len);
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
