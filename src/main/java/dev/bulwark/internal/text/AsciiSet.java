package dev.bulwark.internal.text;

/**
 * A set of ASCII characters, for the character-class checks on the request path (token shapes, authentication
 * schemes): a table look-up per character instead of a regular expression, which costs several times more on a
 * token of a thousand characters. Immutable.
 */
public final class AsciiSet {

    /** Unpadded base64url (RFC 4648 section 5): the characters of a JOSE compact segment. */
    public static final AsciiSet BASE64URL = of("A-Za-z0-9_-");

    private final boolean[] members = new boolean[128];

    private AsciiSet() {
    }

    /**
     * @param spec the members: single characters, and ranges written {@code a-z}; a {@code -} first or last
     *             stands for itself
     */
    public static AsciiSet of(String spec) {
        AsciiSet set = new AsciiSet();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                char last = spec.charAt(i + 2);
                for (char x = c; x <= last; x++) {
                    set.add(x);
                }
                i += 2;
            } else {
                set.add(c);
            }
        }
        return set;
    }

    private void add(char c) {
        if (c >= 128) {
            throw new IllegalArgumentException("not ASCII: " + (int) c);
        }
        members[c] = true;
    }

    public boolean contains(char c) {
        return c < 128 && members[c];
    }

    /** True when every character of {@code s} from {@code from} (inclusive) to {@code to} (exclusive) is a member. */
    public boolean containsAll(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!contains(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code s} is not empty and every character is a member. */
    public boolean matchesNonEmpty(CharSequence s) {
        return !s.isEmpty() && containsAll(s, 0, s.length());
    }

    /** The index of the first character from {@code from} on that is not a member, or {@code s.length()}. */
    public int skip(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && contains(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
