package dev.bulwark.internal.text;

/** Paths as Bulwark's path matchers compare them. Depends on nothing else in Bulwark. */
public final class Slashes {

    private Slashes() {
    }

    /**
     * The path with each run of slashes as one and without a trailing slash (a lone {@code /} stays); the path
     * itself, nothing made, when it has neither. Asked on every request, so no regular expression.
     */
    public static String collapsed(String path) {
        int n = path.length();
        if (path.indexOf("//") < 0 && (n <= 1 || path.charAt(n - 1) != '/')) {
            return path;
        }
        StringBuilder p = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = path.charAt(i);
            if (c != '/' || p.length() == 0 || p.charAt(p.length() - 1) != '/') {
                p.append(c);
            }
        }
        while (p.length() > 1 && p.charAt(p.length() - 1) == '/') {
            p.setLength(p.length() - 1);
        }
        return p.toString();
    }
}
