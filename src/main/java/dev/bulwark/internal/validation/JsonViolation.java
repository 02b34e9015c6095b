package dev.bulwark.internal.validation;

/**
 * Why a JSON body was refused. The message is what the client may see: it names the rule and the limit, never
 * the offending value. {@code path} locates it in the document ({@code items[3].name}); empty for the root.
 */
public final class JsonViolation extends Exception {

    private static final long serialVersionUID = 1L;

    /** How the violation is reported. */
    public enum Kind {
        /** Not JSON at all, or not UTF-8: the malformed-body problem. */
        SYNTAX,
        /** A structural limit (depth, array length, entries, string/key/number length): the body-limit problem. */
        LIMIT,
        /** Content rules and mass assignment (controls, bidi, unknown or read-only properties, number range). */
        CONTENT,
        /** Larger than the byte limit: 413. */
        TOO_LARGE
    }

    private final Kind kind;
    private final String path;

    public JsonViolation(Kind kind, String path, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.path = path;
    }

    public Kind kind() {
        return kind;
    }

    public String path() {
        return path;
    }
}
