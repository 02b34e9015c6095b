package dev.bulwark.internal.apikeys;

import dev.bulwark.internal.logging.SafeLog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * API keys in a query string, refused like tokens there (a URL ends up in access logs, browser histories and
 * {@code Referer} headers): a query parameter is a leaked key when
 * <ul>
 * <li>its name or any of its values (decoded) holds a well-formed key ({@link ApiKeyFormat#containsKey}: the
 * prefix, the right length and alphabet, and a checksum that matches), whatever the parameter is called; or</li>
 * <li>it is named as clients name a key: {@code api_key}, {@code apikey}, {@code api-key}, or the configured key
 * header ({@code x-api-key}), ignoring case, with any non-empty value (a mistyped key is still a key in a URL).</li>
 * </ul>
 * Nothing else: a value that only mentions the prefix ({@code ?q=bwk_}) passes, and so does {@code key}, which many
 * APIs use for other things (a sort key, a cache key, a map key).
 */
public final class QueryKeys {

    /** The parameter names a key is sent under, lower case. */
    static final Set<String> KEY_PARAMETERS = Set.of("api_key", "apikey", "api-key");

    private final ApiKeyFormat format;
    private final Set<String> names;

    /** @param header the header keys are sent in, or null */
    public QueryKeys(ApiKeyFormat format, String header) {
        this.format = format;
        Set<String> n = new TreeSet<>(KEY_PARAMETERS);
        if (header != null) {
            n.add(header.toLowerCase(Locale.ROOT));
        }
        this.names = Set.copyOf(n);
    }

    /**
     * Why the query (its parameters, decoded) is refused, for the log only: names the parameter, never its value;
     * null when it holds no key.
     */
    public String leaked(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (format.containsKey(name)) {
                return "an API key in the query string (as a parameter name)";
            }
            boolean keyName = names.contains(name.toLowerCase(Locale.ROOT));
            for (String value : e.getValue()) {
                if (format.containsKey(value) || keyName && !value.isBlank()) {
                    return "an API key in the query string (parameter " + SafeLog.printable(name, 40) + ")";
                }
            }
        }
        return null;
    }
}
