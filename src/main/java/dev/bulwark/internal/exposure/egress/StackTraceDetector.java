package dev.bulwark.internal.exposure.egress;

/**
 * Traces of a server failure in a message: a stack frame ({@code at com.foo.Bar.method(Bar.java:12)}, also Kotlin,
 * Scala and Groovy sources, {@code (Native Method)}, {@code (Unknown Source)}), a fully qualified exception class
 * ({@code java.lang.NullPointerException}, {@code org.hibernate.LazyInitializationException}: a name ending in
 * {@code Exception} after at least two lower-case package segments; a name ending in {@code Error} in the
 * {@code java.}, {@code javax.}, {@code jakarta.} packages), {@code Exception in thread "},
 * {@code Caused by: } and a Python {@code Traceback (most recent call last)}. Words such as "exception" or
 * "error" in ordinary text, and error codes like {@code ValidationError} or {@code com.acme.OutOfStockError}, pass.
 */
final class StackTraceDetector implements Detector {

    private static final String[] SOURCES = {".java:", ".kt:", ".scala:", ".groovy:"};

    @Override
    public int needs() {
        return Chars.DOT | Chars.LOWER_X | Chars.PAREN;
    }

    @Override
    public int minLength() {
        return 11; // "Caused by: " and a letter
    }

    /** One pass: each marker is looked for where its first character is. */
    @Override
    public SecretShape find(char[] t, int n) {
        for (int i = 0; i < n; i++) {
            boolean hit = switch (t[i]) {
                case '(' -> frame(t, n, i);
                case 'E' -> Chars.startsWith(t, n, i, "Exception in thread \"")
                        || exceptionClass(t, n, i, "Exception", false) || exceptionClass(t, n, i, "Error", true);
                case 'C' -> Chars.startsWith(t, n, i, "Caused by: ") && Chars.identifier(Chars.at(t, n, i + 11));
                case 'T' -> Chars.startsWith(t, n, i, "Traceback (most recent call last)");
                default -> false;
            };
            if (hit) {
                return SecretShape.STACK_TRACE;
            }
        }
        return null;
    }

    /** {@code method(File.java:12)}, {@code method(Native Method)}, {@code method(Unknown Source)} at {@code i}. */
    private static boolean frame(char[] t, int n, int i) {
        if (i == 0 || !Chars.identifier(t[i - 1])) {
            return false;
        }
        if (Chars.startsWith(t, n, i + 1, "Native Method)") || Chars.startsWith(t, n, i + 1, "Unknown Source)")) {
            return true;
        }
        int j = i + 1;
        while (j < n && Chars.identifier(t[j])) {
            j++;
        }
        if (j == i + 1) {
            return false;
        }
        for (String source : SOURCES) {
            if (Chars.startsWith(t, n, j, source)) {
                int k = j + source.length();
                int digits = k;
                while (k < n && Chars.digit(t[k])) {
                    k++;
                }
                if (k > digits && Chars.at(t, n, k) == ')') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code suffix} at {@code at} ends a class name (no more of a name after it) that follows at least two
     * lower-case package segments; with {@code platformOnly}, in the Java platform's packages only.
     */
    private static boolean exceptionClass(char[] t, int n, int at, String suffix, boolean platformOnly) {
        if (!Chars.startsWith(t, n, at, suffix) || Chars.identifier(Chars.at(t, n, at + suffix.length()))) {
            return false;
        }
        int start = at;
        while (start > 0 && Chars.identifier(t[start - 1])) {
            start--;
        }
        return Chars.upper(t[start]) && qualified(t, n, start, 2, platformOnly);
    }

    /** True when the class name at {@code start} follows at least {@code packages} segments like {@code java.lang.}. */
    private static boolean qualified(char[] t, int n, int start, int packages, boolean platformOnly) {
        int segments = 0;
        int i = start;
        int first = start;
        while (i >= 2 && t[i - 1] == '.') {
            int end = i - 1;
            int s = end;
            while (s > 0 && (Chars.lower(t[s - 1]) || Chars.digit(t[s - 1]) || t[s - 1] == '_')) {
                s--;
            }
            if (s == end || !Chars.lower(t[s])) {
                break;
            }
            segments++;
            first = s;
            i = s;
        }
        if (segments < packages || Chars.identifier(Chars.at(t, n, first - 1))
                || Chars.at(t, n, first - 1) == '.' || Chars.at(t, n, first - 1) == '/') {
            return false;
        }
        return !platformOnly || Chars.startsWith(t, n, first, "java.") || Chars.startsWith(t, n, first, "javax.")
                || Chars.startsWith(t, n, first, "jakarta.");
    }
}
