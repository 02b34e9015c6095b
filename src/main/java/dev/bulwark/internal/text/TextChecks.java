package dev.bulwark.internal.text;

/**
 * The one place that says which characters are control characters, which are invisible, and which text is printable
 * ASCII. Request checks, log lines, token checks, header values and JSON output all ask here, each choosing the class
 * its input needs. Depends on nothing else in Bulwark.
 */
public final class TextChecks {

    /** The longest response header value Bulwark accepts from configuration or annotations. */
    public static final int MAX_HEADER_VALUE_LENGTH = 1024;

    private TextChecks() {
    }

    /** A control character: C0 (U+0000 to U+001F), DEL (U+007F) or C1 (U+0080 to U+009F). */
    public static boolean isControl(char c) {
        return Character.isISOControl(c);
    }

    /** A C0 control character or DEL: the control characters of ASCII. */
    public static boolean isAsciiControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    /**
     * A control character other than tab, line feed and carriage return, the layout that multi-line text (a JSON
     * string) may carry.
     */
    public static boolean isControlExceptLayout(char c) {
        return isControl(c) && c != '\t' && c != '\n' && c != '\r';
    }

    /** A control character or an invisible formatting character (Unicode category Cf: bidi marks, zero widths). */
    public static boolean isControlOrFormat(char c) {
        return isControl(c) || Character.getType(c) == Character.FORMAT;
    }

    /**
     * What must not pass unseen into one line of text: a control or formatting character, the line and paragraph
     * separators (U+2028, U+2029), or half of a surrogate pair (alone it is no character; whether a whole pair is
     * welcome is the caller's choice).
     */
    public static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return isControlOrFormat(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /** A printable ASCII character: space (U+0020) to tilde (U+007E). */
    public static boolean isPrintableAscii(char c) {
        return c >= 0x20 && c < 0x7f;
    }

    /** Every character printable ASCII (space included); true for the empty string. */
    public static boolean isPrintableAscii(String s) {
        return s.chars().allMatch(c -> isPrintableAscii((char) c));
    }

    /** Every character visible ASCII: printable and not a space ({@code !} to {@code ~}); true for the empty string. */
    public static boolean isVisibleAscii(String s) {
        return s.chars().allMatch(c -> c != ' ' && isPrintableAscii((char) c));
    }

    /**
     * A response header value Bulwark will send as configured: not empty, at most
     * {@value #MAX_HEADER_VALUE_LENGTH} characters, printable ASCII only (no control character, so no header
     * injection).
     */
    public static boolean isHeaderValue(String value) {
        return !value.isEmpty() && value.length() <= MAX_HEADER_VALUE_LENGTH && isPrintableAscii(value);
    }
}
