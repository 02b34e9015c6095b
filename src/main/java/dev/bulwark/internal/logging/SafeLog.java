package dev.bulwark.internal.logging;

import dev.bulwark.internal.text.TextChecks;

/** Makes client-controlled text safe for a log line: bounded length, control and format characters made visible. */
public final class SafeLog {

    private SafeLog() {
    }

    public static String printable(String raw, int max) {
        if (raw == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max) + 8);
        int i = 0;
        for (; i < raw.length() && out.length() < max; i++) {
            char c = raw.charAt(i);
            if (TextChecks.isInvisible(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < raw.length()) {
            out.append("...");
        }
        return out.toString();
    }
}
