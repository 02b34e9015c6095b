package dev.bulwark.internal.exposure.egress;

/**
 * Finds the strings (member names and values) of a JSON text pushed to it one unit at a time, in as many pieces as it
 * is written: a byte of UTF-8, or a char of a writer. It decodes escapes ({@code \u002d} is a dash), keeps the
 * string's characters and their {@link Chars} classes, and follows objects and arrays for the JSON path of a string.
 * Only ASCII matters: a unit past U+007F (a byte of a multi-byte UTF-8 sequence, or a non-ASCII char) is kept as an
 * opaque character, so a sequence split between two writes needs no care and no decoding. It never refuses
 * anything: a body that is not JSON is read as well as it goes (it checks nothing about the syntax; what the
 * application writes is not an attack on it). The request side's {@code validation.JsonScanner} is a strict pull
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
    /** Path frames kept; deeper levels are counted but not named. */
    private static final int MAX_FRAMES = 64;

    private int state;
    private int hex;
    private int hexLeft;

    private char[] text = new char[64];
    private int length;
    private int classes;

    private int depth;
    private final boolean[] object = new boolean[MAX_FRAMES];
    private final int[] index = new int[MAX_FRAMES];
    /** Each object frame's current member name (copied as names end: no allocation once the buffers have grown). */
    private final char[][] names = new char[MAX_FRAMES][];
    private final int[] nameLength = new int[MAX_FRAMES];
    private final boolean[] nameRemoved = new boolean[MAX_FRAMES];
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
                    return START;
                }
                structure(unit);
                return NONE;
            }
            case ESCAPE -> {
                escape(unit);
                return NONE;
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

    /**
     * Inside a string, reads the plain units (neither a quote nor a backslash) from {@code i} on at once (the common
     * case, in a tight loop); returns where it stopped: {@code end}, or a unit for {@link #feed}. Outside a string,
     * returns {@code i}. One of {@code bytes} and {@code chars} holds the units.
     */
    int plain(byte[] bytes, char[] chars, int i, int end) {
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
        switch (unit) {
            case '{', '[' -> {
                if (depth < MAX_FRAMES) {
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

    /** True inside a string (its quote was read, its end not yet). */
    boolean inString() {
        return state != OUTSIDE;
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
