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
    private static final String[] MARKERS = {"Exception in thread \"", "Caused by: ",
        "Traceback (most recent call last)"};

    @Override
    public int needs() {
        return Chars.DOT | Chars.LOWER_X | Chars.PAREN;
    }

    @Override
    public int minLength() {
        return 11; // "Caused by: " and a letter
    }

    @Override
    public SecretShape find(char[] t, int n) {
        return frame(t, n) || exceptionClass(t, n, "Exception", 2, false) || exceptionClass(t, n, "Error", 2, true)
                || marker(t, n) ? SecretShape.STACK_TRACE : null;
    }

    private static boolean marker(char[] t, int n) {
        for (String m : MARKERS) {
            int at = Chars.indexOf(t, n, m, 0);
            if (at >= 0 && (m.charAt(0) != 'C' || Chars.upper(Chars.at(t, n, at + m.length()))
                    || Chars.lower(Chars.at(t, n, at + m.length())))) {
                return true;
            }
        }
        return false;
    }

    /** {@code method(File.java:12)}, {@code method(Native Method)}, {@code method(Unknown Source)}. */
    private static boolean frame(char[] t, int n) {
        for (int i = 1; i < n; i++) {
            if (t[i] != '(' || !Chars.identifier(t[i - 1])) {
                continue;
            }
            if (Chars.startsWith(t, n, i + 1, "Native Method)") || Chars.startsWith(t, n, i + 1, "Unknown Source)")) {
                return true;
            }
            int j = i + 1;
            while (j < n && Chars.identifier(t[j])) {
                j++;
            }
            if (j == i + 1) {
                continue;
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
        }
        return false;
    }

    /**
     * A class name ending in {@code suffix} (and not followed by more of a name) after at least {@code packages}
     * lower-case package segments; with {@code platformOnly}, in the Java platform's packages only.
     */
    private static boolean exceptionClass(char[] t, int n, String suffix, int packages, boolean platformOnly) {
        int at = Chars.indexOf(t, n, suffix, 0);
        while (at >= 0) {
            int end = at + suffix.length();
            if (!Chars.identifier(Chars.at(t, n, end))) {
                int start = at;
                while (start > 0 && Chars.identifier(t[start - 1])) {
                    start--;
                }
                if (Chars.upper(t[start]) && qualified(t, n, start, packages, platformOnly)) {
                    return true;
                }
            }
            at = Chars.indexOf(t, n, suffix, end);
        }
        return false;
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
