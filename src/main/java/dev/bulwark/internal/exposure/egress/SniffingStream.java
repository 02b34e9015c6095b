package dev.bulwark.internal.exposure.egress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body written as bytes, checked whatever charset its content type declares: a label says nothing of the bytes
 * (RESTEasy writes UTF-8 under a {@code charset=UTF-16} that a client asked for). The first bytes decide, as RFC 4627
 * section 3 does (the first two characters of JSON are ASCII): a UTF-16 or UTF-32 byte order mark, or the NUL bytes of
 * ASCII in UTF-16 or UTF-32, and the body is decoded, checked as characters, and encoded again in the same charset
 * (a replacement has as many characters, hence as many bytes, as what it replaces); anything else (UTF-8, ASCII,
 * ISO-8859-1, windows-1252, ...) is checked as bytes. The first bytes, up to four, wait until they decide, across
 * the application's flushes too: one byte could be ASCII or the first half of a UTF-16 character, two with a NUL
 * the first half of a UTF-32 one, and a choice made on them would read a wide body as bytes (where no detector
 * sees a secret between its NULs). Only the end of the body decides on fewer.
 */
final class SniffingStream extends OutputStream implements EgressBody {

    private final OutputStream real;
    private final ResponseScan scan;
    /** Final but for {@link #release} before the first bytes decided: the body then streams. */
    private boolean holdBack;
    private final int maxBuffer;
    private final byte[] head = new byte[4];
    private int headLength;
    /** Where the bytes go once decided: the byte check, or the decoder in front of the character check. */
    private OutputStream target;
    private EgressBody body;
    private Decoding decoding;

    SniffingStream(OutputStream real, ResponseScan scan, boolean holdBack, int maxBuffer) {
        this.real = real;
        this.scan = scan;
        this.holdBack = holdBack;
        this.maxBuffer = maxBuffer;
    }

    /** The wide charset the first bytes show (its byte order explicit, a BOM then passes as a character), or null. */
    static Charset wide(byte[] b, int n) {
        int b0 = n > 0 ? b[0] & 0xff : -1;
        int b1 = n > 1 ? b[1] & 0xff : -1;
        if (n >= 4) {
            int b2 = b[2] & 0xff;
            int b3 = b[3] & 0xff;
            if (b0 == 0 && b1 == 0 && (b2 == 0xFE && b3 == 0xFF || b2 == 0 && b3 != 0)) {
                return Charset.forName("UTF-32BE");
            }
            if (b2 == 0 && b3 == 0 && (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0)) {
                return Charset.forName("UTF-32LE");
            }
        }
        if (n >= 2) {
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0 && b1 != 0) {
                return StandardCharsets.UTF_16BE;
            }
            if (b0 == 0xFF && b1 == 0xFE || b0 != 0 && b1 == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return null;
    }

    /** Decides with the first bytes there are, and sends them on. */
    private void decide() throws IOException {
        if (target == null) {
            byte[] first = java.util.Arrays.copyOf(head, headLength);
            choose();
            sendFirst(first, first.length);
        }
    }

    /** Chooses the check by the first bytes. */
    private void choose() {
        Charset wide = wide(head, headLength);
        if (wide == null) {
            EgressStream bytes = new EgressStream(real, scan, holdBack, maxBuffer);
            body = bytes.body();
            target = bytes;
        } else {
            EgressWriter chars = new EgressWriter(new Encoding(real, wide), scan, holdBack, maxBuffer, false);
            body = chars.body();
            decoding = new Decoding(chars, wide, wide.name().startsWith("UTF-32")
                    && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                    || (head[2] & 0xff) == 0xFE && (head[3] & 0xff) == 0xFF));
            target = decoding;
        }
    }

    /** The first bytes and what came with them, in one write (a non-blocking container allows one per isReady). */
    private void sendFirst(byte[] first, int length) throws IOException {
        if (length > 0) {
            target.write(first, 0, length);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (target != null) {
            target.write(b, off, len);
            return;
        }
        int take = Math.min(len, head.length - headLength);
        System.arraycopy(b, off, head, headLength, take);
        int before = headLength;
        headLength += take;
        // four bytes decide; two already do when they are neither a byte order mark nor hold a NUL: ASCII-compatible
        if (headLength == head.length
                || headLength >= 2 && head[0] != 0 && head[1] != 0 && wide(head, 2) == null) {
            byte[] all = new byte[before + len];
            System.arraycopy(head, 0, all, 0, before);
            System.arraycopy(b, off, all, before, len);
            choose();
            sendFirst(all, all.length);
        }
    }

    /**
     * A flush sends nothing of a body whose first bytes do not decide yet (at most three bytes wait for the next
     * write, or for the end): it must not make the choice for them.
     */
    @Override
    public void flush() throws IOException {
        if (target != null) {
            target.flush();
        } else if (!holdBack) {
            real.flush(); // nothing went to the container yet: a flush that does not commit a held-back body goes on
        }
    }

    @Override
    public void close() throws IOException {
        end();
        if (!refused()) {
            real.close();
        }
    }

    @Override
    public void end() throws IOException {
        if (headLength == 0) {
            return;
        }
        decide();
        if (decoding != null) {
            decoding.finish();
        }
        body.end();
    }

    /** The response went asynchronous: a body not decided yet streams once decided (its first bytes still wait). */
    @Override
    public void release() throws IOException {
        if (target != null) {
            body.release();
        } else {
            holdBack = false;
        }
    }

    @Override
    public boolean holdingBack() {
        return body == null ? holdBack : body.holdingBack();
    }

    @Override
    public boolean refused() {
        return body != null && body.refused();
    }

    /** Bytes of a wide charset to characters, a character split between two writes waiting for its other bytes. */
    private static final class Decoding extends OutputStream {
        private final Writer out;
        private final CharsetDecoder decoder;
        private ByteBuffer pending = ByteBuffer.allocate(0);
        /** A UTF-32 byte order mark is still to come: Java's UTF-32 decoders drop it, it goes on as a character. */
        private boolean utf32Bom;

        Decoding(Writer out, Charset charset, boolean utf32Bom) {
            this.out = out;
            this.utf32Bom = utf32Bom;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (utf32Bom) {
                utf32Bom = false;
                char[] withBom = decodeAll(b, off + 4, len - 4, 1);
                withBom[0] = '\uFEFF';
                out.write(withBom);
                return;
            }
            ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
            in.put(pending).put(b, off, len).flip();
            decode(in, false);
            pending = in;
        }

        /** The characters of these bytes (after {@code room} free places), bytes of a character cut short pending. */
        private char[] decodeAll(byte[] b, int off, int len, int room) {
            ByteBuffer in = ByteBuffer.wrap(b, off, len);
            CharBuffer chars = CharBuffer.allocate(len + 2);
            decoder.decode(in, chars, false);
            pending = ByteBuffer.allocate(in.remaining()).put(in).flip();
            chars.flip();
            char[] out = new char[room + chars.remaining()];
            chars.get(out, room, chars.remaining());
            return out;
        }

        private void decode(ByteBuffer in, boolean last) throws IOException {
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 2);
            decoder.decode(in, chars, last);
            if (last) {
                decoder.flush(chars);
            }
            chars.flip();
            if (chars.hasRemaining()) {
                out.write(chars.array(), 0, chars.limit());
            }
        }

        /** The body ended: bytes of a character cut short become a replacement character. */
        void finish() throws IOException {
            decode(pending, true);
            pending = ByteBuffer.allocate(0);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
            out.close();
        }
    }

    /** Characters to the container's stream in a wide charset; a high surrogate waits for its low one. */
    private static final class Encoding extends Writer {
        private final OutputStream real;
        private final Charset charset;
        private char high;

        Encoding(OutputStream real, Charset charset) {
            this.real = real;
            this.charset = charset;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            if (len <= 0) {
                return;
            }
            StringBuilder text = new StringBuilder(len + 1);
            if (high != 0) {
                text.append(high);
                high = 0;
            }
            text.append(c, off, len);
            char last = text.charAt(text.length() - 1);
            if (Character.isHighSurrogate(last)) {
                high = last;
                text.setLength(text.length() - 1);
            }
            try {
                ByteBuffer bytes = charset.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).encode(CharBuffer.wrap(text));
                real.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } catch (CharacterCodingException cannotHappenWithReplace) {
                throw new IOException(cannotHappenWithReplace);
            }
        }

        @Override
        public void flush() throws IOException {
            real.flush();
        }

        @Override
        public void close() throws IOException {
            if (high != 0) {
                high = 0;
                real.write("\uFFFD".getBytes(charset)); // a high surrogate whose low one never came
            }
            real.close();
        }
    }
}
