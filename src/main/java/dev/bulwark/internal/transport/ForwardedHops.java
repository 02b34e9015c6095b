package dev.bulwark.internal.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the proxy chain a request claims: RFC 7239 {@code Forwarded} (its {@code for=} and {@code proto=}
 * parameters) or the de-facto {@code X-Forwarded-For} / {@code X-Forwarded-Proto}. Hops are returned in header
 * order (client first, nearest proxy last), at most {@link #MAX_HOPS} of them, counted from the right, because
 * only the right end was written by proxies we may trust.
 */
public final class ForwardedHops {

    /** Hops considered at most; an attacker can prepend any number, only the last ones matter. */
    public static final int MAX_HOPS = 32;
    /** Header bytes considered at most, from the right. */
    static final int MAX_HEADER_CHARS = 4096;

    private ForwardedHops() {
    }

    /** The {@code for=} node of every element of every {@code Forwarded} header, in order. */
    public static List<String> forwardedFor(List<String> headers) {
        return forwardedParameter(headers, "for");
    }

    /** The {@code proto=} of every element of every {@code Forwarded} header, in order (null where missing). */
    public static List<String> forwardedProto(List<String> headers) {
        return forwardedParameter(headers, "proto");
    }

    /** The comma-separated entries of every {@code X-Forwarded-For} (or -Proto) header, in order. */
    public static List<String> commaList(List<String> headers) {
        List<String> out = new ArrayList<>();
        for (String header : tail(headers)) {
            for (String part : header.split(",", -1)) {
                out.add(part.strip());
            }
        }
        return lastHops(out);
    }

    private static List<String> forwardedParameter(List<String> headers, String name) {
        List<String> out = new ArrayList<>();
        for (String header : tail(headers)) {
            for (String element : splitOutsideQuotes(header, ',')) {
                String value = null;
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(name)) {
                        value = unquote(pair.substring(eq + 1).strip());
                    }
                }
                out.add(value);
            }
        }
        return lastHops(out);
    }

    /** Keeps only the last {@link #MAX_HEADER_CHARS} characters of the headers, dropping a cut-off left entry. */
    private static List<String> tail(List<String> headers) {
        List<String> kept = new ArrayList<>();
        int budget = MAX_HEADER_CHARS;
        for (int i = headers.size() - 1; i >= 0 && budget > 0; i--) {
            String h = headers.get(i);
            if (h == null) {
                continue;
            }
            if (h.length() > budget) {
                String cut = h.substring(h.length() - budget);
                int comma = cut.indexOf(',');
                kept.add(0, comma < 0 ? "" : cut.substring(comma + 1));
                break;
            }
            kept.add(0, h);
            budget -= h.length();
        }
        return kept;
    }

    private static List<String> lastHops(List<String> hops) {
        return hops.size() <= MAX_HOPS ? hops : new ArrayList<>(hops.subList(hops.size() - MAX_HOPS, hops.size()));
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return v;
    }
}
