package dev.bulwark.internal.transport;


/**
 * HTTPS only. A request that did not arrive over TLS is refused: for an API a redirect is wrong, the token has
 * already crossed the network in clear. Only GET and HEAD to configured browser-facing paths are redirected.
 */
public final class TransportPolicy {

    /** What to do with a request; {@code location} is set for REDIRECT only. */
    public record Decision(Action action, String location) {
    }

    public enum Action { PASS, REFUSE, REDIRECT }

    private final TransportSettings config;

    public TransportPolicy(TransportSettings config) {
        this.config = config;
    }

    /**
     * @param path  the request path below the context root
     * @param host  the host the client named, as {@link HostPolicy} validated it, or null (then never a redirect):
     *              only its name goes into the Location, with {@code bulwark.transport.https-port}
     * @param uri   the raw request URI (with the context root), and {@code query} the raw query or null
     */
    public Decision decide(boolean secure, String method, String path, RequestHost host, String uri, String query) {
        if (secure || !config.httpsOnly()) {
            return new Decision(Action.PASS, null);
        }
        boolean readOnly = "GET".equals(method) || "HEAD".equals(method);
        if (readOnly && redirectable(path) && host != null) {
            String port = config.httpsPort() == 443 ? "" : ":" + config.httpsPort();
            String location = "https://" + host.name() + port + uri + (query == null ? "" : "?" + query);
            return new Decision(Action.REDIRECT, location);
        }
        return new Decision(Action.REFUSE, null);
    }

    private boolean redirectable(String path) {
        for (String prefix : config.redirectPaths()) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
