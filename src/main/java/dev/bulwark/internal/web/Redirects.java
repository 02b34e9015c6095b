package dev.bulwark.internal.web;

import dev.bulwark.internal.transport.RequestHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps the {@code Host} header out of redirects. {@code sendRedirect} turns a relative location into an absolute
 * URL built from the request's Host, and containers build their own redirects (Liberty's for a context root or a
 * directory) from it too. A redirect to the request's own origin needs no host at all: it is sent as the
 * equivalent relative reference, which the client resolves against the URL it asked for.
 */
final class Redirects {

    private Redirects() {
    }

    /**
     * The reference to send instead of {@code location}, or null to leave the location as it is.
     *
     * <ul>
     * <li>a relative reference ({@code /login}, {@code next?x=1}) is sent as it is, instead of being made absolute
     * from the Host header;</li>
     * <li>an absolute URL to the request's own origin (scheme, host and port as the request named them) becomes its
     * path, query and fragment;</li>
     * <li>anything else is the application's choice and left alone: another origin, a network-path reference
     * ({@code //host/x}), a path that would read as one ({@code https://own//other/x}), text that is no URI.</li>
     * </ul>
     *
     * @param scheme     the request's scheme
     * @param serverName the host the request named
     * @param serverPort the port the request named (or the scheme's default)
     */
    static String ownReference(String location, String scheme, String serverName, int serverPort) {
        if (location == null || location.startsWith("//")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return null;
        }
        if (!uri.isAbsolute()) {
            return uri.getRawPath() != null && uri.getRawPath().startsWith("//") ? null : location;
        }
        if (uri.isOpaque() || !uri.getScheme().equalsIgnoreCase(scheme) || uri.getRawAuthority() == null) {
            return null;
        }
        // java.net.URI leaves host and port unset for names it does not parse as host names (an underscore, a last
        // label starting with a digit), which the request's host may well be: compare the authority the way the
        // Host header was read. User information is the application's own choice, left alone.
        Optional<RequestHost> target = RequestHost.parse(uri.getRawAuthority());
        if (target.isEmpty() || !sameHost(target.get().name(), serverName)
                || effectivePort(target.get().port(), scheme) != serverPort) {
            return null;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.startsWith("//")) {
            return null;
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static boolean sameHost(String uriHost, String serverName) {
        String a = uriHost.toLowerCase(Locale.ROOT);
        String b = serverName.toLowerCase(Locale.ROOT);
        return a.equals(b) || a.equals("[" + b + "]");
    }

    private static int effectivePort(int port, String scheme) {
        if (port != -1) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
