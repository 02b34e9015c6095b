package dev.bulwark.internal.exposure.egress;

import java.io.IOException;

/**
 * Rewrites a body, chunk by chunk as the application writes it, so that every string the tokenizer finds is either
 * passed on as written or replaced: the units outside strings pass at once; a string is passed once its closing
 * quote is read and it is clean (in place, when it started in the same chunk; else its beginning was held back).
 * The unit type (bytes, chars) is the subclass's.
 */
abstract class Splice {

    private final JsonStrings tokens = new JsonStrings();
    private final ResponseScan scan;
    /** Where the current string started in the current chunk, or -1 (none, or it started in an earlier one). */
    private int stringStart = -1;

    Splice(ResponseScan scan) {
        this.scan = scan;
    }

    /** The current chunk: bytes or chars (one of them set while a chunk is read). */
    byte[] bytes;
    char[] chars;

    /** The unit at {@code i} of the current chunk (0 to 0xFFFF; past 0x7F opaque). */
    private int unit(int i) {
        return bytes != null ? bytes[i] & 0xff : chars[i];
    }

    /** Writes units {@code [from, to)} of the current chunk on. */
    abstract void pass(int from, int to) throws IOException;

    /** Keeps units {@code [from, to)} of the current chunk behind the units already held. */
    abstract void hold(int from, int to);

    /** Writes the held units on and forgets them. */
    abstract void passHeld() throws IOException;

    /** How many bytes the held units and {@code [from, to)} of the current chunk take on the wire; forgets the held. */
    abstract int dropHeld(int from, int to);

    /** Writes the replacement of a string that took {@code rawBytes} bytes. */
    abstract void replace(int rawBytes) throws IOException;

    /** True while the whole response is held back (nothing went to the client yet). */
    abstract boolean heldBack();

    /** Reads units {@code [off, end)} of the current chunk, passing, holding and replacing as they come. */
    final void chunk(int off, int end) throws IOException {
        if (!scan.rewrites()) {
            for (int i = tokens.plain(bytes, chars, off, end); i < end; i = tokens.plain(bytes, chars, i + 1, end)) {
                if (tokens.feed(unit(i)) == JsonStrings.END) {
                    scan.ended(tokens, heldBack());
                }
            }
            pass(off, end);
            return;
        }
        int from = off;
        for (int i = tokens.plain(bytes, chars, off, end); i < end; i = tokens.plain(bytes, chars, i + 1, end)) {
            int event = tokens.feed(unit(i));
            if (event == JsonStrings.START) {
                stringStart = i;
            } else if (event == JsonStrings.END) {
                int start = stringStart >= 0 ? stringStart : off;
                stringStart = -1;
                if (scan.ended(tokens, heldBack())) {
                    if (scan.refused()) {
                        return;
                    }
                    pass(from, start);
                    // a line of text ends at its line break, which stays
                    int last = tokens.textMode() ? i : i + 1;
                    replace(dropHeld(start, last));
                    from = last;
                } else if (start == off) {
                    passHeld(); // the string's beginning, from an earlier chunk
                }
            }
        }
        if (tokens.inString()) {
            int start = stringStart >= 0 ? stringStart : off;
            pass(from, start);
            hold(start, end);
            stringStart = -1;
        } else {
            pass(from, end);
        }
    }

    /** The body ended (or must go out now): a string left open is checked as it stands, then passed or replaced. */
    void end() throws IOException {
        if (tokens.inString() && scan.rewrites()) {
            if (scan.ended(tokens, heldBack())) {
                if (!scan.refused()) {
                    replace(dropHeld(0, 0));
                }
            } else {
                passHeld();
            }
        }
    }
}
