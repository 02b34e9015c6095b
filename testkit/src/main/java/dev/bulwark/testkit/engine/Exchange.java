package dev.bulwark.testkit.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request the kit sent and what came back: status (-1 when no HTTP answer came: {@link #failure()} says why),
 * headers (names in any case), body as text (cut at the kit's limit).
 */
public record Exchange(Request request, String url, int status, Map<String, List<String>> headers, String body,
                       String failure) {

    public Exchange {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                h.merge(k, List.copyOf(v), (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                });
            }
        });
        headers = java.util.Collections.unmodifiableMap(h);
        body = body == null ? "" : body;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public boolean answered() {
        return status > 0;
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** True for 401, 403 and 404 (an API may hide what a caller may not see as missing). */
    public boolean refusedAccess() {
        return status == 401 || status == 403 || status == 404;
    }

    public String contentType() {
        String type = header("Content-Type");
        return type == null ? "" : type.toLowerCase(Locale.ROOT);
    }

    public boolean json() {
        String type = contentType();
        return type.startsWith("application/json") || type.contains("+json");
    }

    /** The request and the answer in one line for a finding's evidence (tokens shortened). */
    public String evidence() {
        String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return shorten(request.method() + " " + url + " as " + request.identity().name() + " -> "
                + (answered() ? status + " " + shown.replaceAll("\\s+", " ") : "no answer: " + failure));
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile(
            "(eyJ[A-Za-z0-9_-]{4})[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** {@code text} with every compact JWS/JWT cut to its first characters (a token in a URL, a cookie, a body). */
    static String shorten(String text) {
        return TOKEN.matcher(text).replaceAll("$1...");
    }
}
