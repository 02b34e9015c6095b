package dev.bulwark.internal.exposure.egress;

/**
 * Finds the strings (member names and values) of a JSON text pushed to it one unit at a time, in as many pieces as it
 * is written: a byte of UTF-8, or a char of a writer. It decodes escapes ({@code \u002d} is a dash), keeps the
 * string's characters and their {@link Chars} classes, and follows objects and arrays for the JSON path of a string.
 * Only ASCII matters: a unit past U+007F (a byte of a multi-byte UTF-8 sequence, or a non-ASCII char) is kept as an
 * opaque character, so a sequence split between two writes needs no care and no decoding. It never refuses
 * anything and checks little of the syntax (what the application writes is not an attack on it), but a body labelled
 * JSON that is not (an unquoted stack trace, a database error, a PEM key written as text) shows itself by an ASCII
 * character no JSON has outside a string: from there on it is read as text, each line (from its first
 * non-whitespace character, with the word the odd character ends, like the {@code E} of {@code Exception}) one
 * "string" for the detectors. The request side's {@code validation.JsonScanner} is a strict pull
 * parser over a whole body and cannot be fed as the application writes; this one is push-driven and lenient.
 */
final class JsonStrings {

    /** {@link #feed} results: nothing to note, a string starts at this unit (its quote), a string ended here. */
    static final int NONE = 0;
    static final int START = 1;
    static final int END = 2;

    private static final int OUTSIDE = 0;
    private static final int INSIDE = 1;
    private static final int ESCAPE = 2;
    private static final int HEX = 3;
    /** Text mode (the body is not JSON): between lines, and inside a line. */
    private static final int TEXT_OUTSIDE = 4;
    private static final int TEXT_INSIDE = 5;
    /** The record separator that starts each JSON text of a sequence ({@code application/json-seq}). */
    private static final int RS = 0x1E;
    /** The characters JSON has outside strings: whitespace, structure, numbers and the literals' letters. */
    private static final boolean[] JSON_OUTSIDE = new boolean[128];

    static {
        for (char c : " \t\r\n{}[],:0123456789+-.eEtrufalsn".toCharArray()) {
            JSON_OUTSIDE[c] = true;
        }
        JSON_OUTSIDE[RS] = true; // a JSON text sequence's record separator (RFC 7464)
    }

    /**
     * The length from which a line of text read as one string ends at its next space, tab, comma or semicolon (which
     * passes as it is; the next line starts after it), so that a body of text on one line is not held back whole; a
     * run of four times as many characters without one ends anyway.
     */
    static final int MAX_LINE = 16_384;

    /** The word being read outside strings (a literal, a number, or the start of text that is not JSON). */
    private final char[] word = new char[32];
    private int wordLength;
    /** Path frames kept; deeper levels are counted but not named. */
    private static final int MAX_FRAMES = 64;

    private int state;
    private int hex;
    private int hexLeft;

    private char[] text = new char[64];
    private int length;
    private int classes;

    private int depth;
    // the frames' arrays start small (most bodies are a few levels deep: one scan per response) and double up to
    // MAX_FRAMES as the body nests deeper
    private boolean[] object = new boolean[8];
    private int[] index = new int[8];
    /** Each object frame's current member name (copied as names end: no allocation once the buffers have grown). */
    private char[][] names = new char[8][];
    private int[] nameLength = new int[8];
    private boolean[] nameRemoved = new boolean[8];
    /** Inside an object, before the colon: the next string is a member name. */
    private boolean expectName;
    private boolean lastWasName;

    /** Reads one unit; returns {@link #START}, {@link #END} or {@link #NONE}. */
    int feed(int unit) {
        switch (state) {
            case INSIDE -> {
                if (unit == '"') {
                    state = OUTSIDE;
                    lastWasName = expectName && depth > 0 && depth <= MAX_FRAMES && object[depth - 1];
                    if (lastWasName) {
                        keepName(depth - 1);
                    }
                    return END;
                }
                if (unit == '\\') {
                    state = ESCAPE;
                } else {
                    append(unit);
                }
                return NONE;
            }
            case OUTSIDE -> {
                if (unit == '"') {
                    state = INSIDE;
                    length = 0;
                    classes = 0;
                    wordLength = 0;
                    return START;
                }
                if (unit < 128 && !JSON_OUTSIDE[unit]) {
                    return text(unit);
                }
                structure(unit);
                return NONE;
            }
            case ESCAPE -> {
                escape(unit);
                return NONE;
            }
            case TEXT_INSIDE -> {
                if (unit == '\n' || length >= MAX_LINE && (unit == ' ' || unit == '\t' || unit == ',' || unit == ';'
                        || length >= 4 * MAX_LINE)) {
                    state = TEXT_OUTSIDE;
                    lastWasName = false;
                    return END;
                }
                append(unit);
                return NONE;
            }
            case TEXT_OUTSIDE -> {
                if (unit == '\n' || unit == '\r' || unit == ' ' || unit == '\t' || unit == RS) {
                    return NONE;
                }
                if (unit == '{' || unit == '[') {
                    // a line that starts an object or an array: JSON again (after a prefix like )]}', or a log line)
                    state = OUTSIDE;
                    depth = 0;
                    wordLength = 0;
                    structure(unit);
                    return NONE;
                }
                state = TEXT_INSIDE;
                length = 0;
                classes = 0;
                append(unit);
                return START;
            }
            default -> {
                hex = hex * 16 + Character.digit(unit, 16);
                if (--hexLeft == 0) {
                    append(hex < 0 ? 0xFFFD : hex);
                    state = INSIDE;
                }
                return NONE;
            }
        }
    }

    /** The body is not JSON: a line starts at this unit, after the word it ends (read outside strings so far). */
    private int text(int unit) {
        state = TEXT_INSIDE;
        length = 0;
        classes = 0;
        for (int k = 0; k < wordLength; k++) {
            append(word[k]);
        }
        append(unit);
        lastWasName = false;
        return START;
    }

    /** True once the body showed it is not JSON and is read as lines of text. */
    boolean textMode() {
        return state >= TEXT_OUTSIDE;
    }

    /**
     * Inside a string, reads the plain units (neither a quote nor a backslash) from {@code i} on at once (the common
     * case, in a tight loop); returns where it stopped: {@code end}, or a unit for {@link #feed}. Outside a string,
     * returns {@code i}. One of {@code bytes} and {@code chars} holds the units.
     */
    int plain(byte[] bytes, char[] chars, int i, int end) {
        if (state == TEXT_INSIDE) {
            return line(bytes, chars, i, end);
        }
        if (state != INSIDE) {
            return i;
        }
        char[] t = text;
        int len = length;
        int cls = classes;
        int j = i;
        while (j < end) {
            int u = bytes != null ? bytes[j] & 0xff : chars[j];
            if (u == '"' || u == '\\') {
                break;
            }
            if (len == t.length) {
                t = java.util.Arrays.copyOf(t, len * 2);
            }
            t[len++] = (char) u;
            cls |= Chars.classOf(u);
            j++;
        }
        text = t;
        length = len;
        classes = cls;
        return j;
    }

    /** {@link #plain} in text mode: up to the end of the line. */
    private int line(byte[] bytes, char[] chars, int i, int end) {
        int j = i;
        while (j < end && length < MAX_LINE) {
            int u = bytes != null ? bytes[j] & 0xff : chars[j];
            if (u == '\n') {
                break;
            }
            append(u);
            j++;
        }
        return j;
    }

    private void escape(int unit) {
        state = INSIDE;
        switch (unit) {
            case 'u' -> {
                state = HEX;
                hex = 0;
                hexLeft = 4;
            }
            case 'n' -> append('\n');
            case 't' -> append('\t');
            case 'r' -> append('\r');
            case 'b' -> append('\b');
            case 'f' -> append('\f');
            default -> append(unit); // \" \\ \/
        }
    }

    private void append(int unit) {
        if (length == text.length) {
            text = java.util.Arrays.copyOf(text, length * 2);
        }
        text[length++] = (char) unit;
        classes |= Chars.classOf(unit);
    }

    private void structure(int unit) {
        if (unit >= 128 || unit == ' ' || unit == '\t' || unit == '\r' || unit == '\n' || unit == '{' || unit == '['
                || unit == '}' || unit == ']' || unit == ',' || unit == ':' || unit == RS) {
            wordLength = 0;
        } else if (wordLength < word.length) {
            word[wordLength++] = (char) unit;
        }
        switch (unit) {
            case '{', '[' -> {
                if (depth < MAX_FRAMES) {
                    if (depth == object.length) {
                        growFrames();
                    }
                    object[depth] = unit == '{';
                    index[depth] = 0;
                    nameLength[depth] = -1;
                }
                depth++;
                expectName = unit == '{';
            }
            case '}', ']' -> {
                if (depth > 0) {
                    depth--;
                }
                expectName = false;
            }
            case ',' -> {
                if (depth > 0 && depth <= MAX_FRAMES) {
                    index[depth - 1]++;
                    expectName = object[depth - 1];
                }
            }
            case ':' -> expectName = false;
            default -> {
                // whitespace, literals, numbers
            }
        }
    }

    /** True inside a string (its quote was read, its end not yet), or inside a line of text. */
    boolean inString() {
        return state != OUTSIDE && state != TEXT_OUTSIDE;
    }

    /** The last string's characters (valid after {@link #END}, until the next {@link #START}). */
    char[] text() {
        return text;
    }

    int length() {
        return length;
    }

    int classes() {
        return classes;
    }

    /** True when the string that just ended is a member name. */
    boolean wasName() {
        return lastWasName;
    }

    private void growFrames() {
        int n = Math.min(MAX_FRAMES, object.length * 2);
        object = java.util.Arrays.copyOf(object, n);
        index = java.util.Arrays.copyOf(index, n);
        names = java.util.Arrays.copyOf(names, n);
        nameLength = java.util.Arrays.copyOf(nameLength, n);
        nameRemoved = java.util.Arrays.copyOf(nameRemoved, n);
    }

    private void keepName(int frame) {
        char[] name = names[frame];
        if (name == null || name.length < length) {
            name = new char[Math.max(16, length)];
            names[frame] = name;
        }
        System.arraycopy(text, 0, name, 0, length);
        nameLength[frame] = length;
        nameRemoved[frame] = false;
    }

    /** The member name that just ended was a hit: the path shows it as removed, never its text. */
    void removeName() {
        if (lastWasName) {
            nameRemoved[depth - 1] = true;
        }
    }

    /**
     * The JSON path of the string that just ended, like {@code $.orders[2].card} (a member name: the path of its
     * object and {@code (member name)}).
     */
    String path() {
        if (textMode()) {
            return "(a line of a body that is not JSON)";
        }
        StringBuilder out = new StringBuilder("$");
        int frames = Math.min(depth, MAX_FRAMES);
        for (int f = 0; f < frames; f++) {
            boolean last = f == frames - 1;
            if (!object[f]) {
                out.append('[').append(index[f]).append(']');
            } else if (last && lastWasName) {
                out.append(" (member name)");
            } else {
                out.append('.');
                if (nameRemoved[f] || nameLength[f] < 0) {
                    out.append(nameRemoved[f] ? "[removed]" : "?");
                } else {
                    out.append(names[f], 0, nameLength[f]);
                }
            }
        }
        if (depth > MAX_FRAMES) {
            out.append("...");
        }
        return out.toString();
    }
}
