package dev.bulwark.internal.transport;

import dev.bulwark.internal.logging.SafeLog;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Host header hygiene. A request must name at most one well-formed host ({@link RequestHost}); when
 * {@code bulwark.transport.allowed-hosts} is set it must name one of them. Everything later that builds a URL from
 * the host (the redirect to HTTPS, the container's own redirects) then only ever sees a validated host.
 */
public final class HostPolicy {

    /** The outcome: the validated host (null when the request named none), or the reason it was refused. */
    public record Decision(RequestHost host, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    /** The allowed entries in their canonical text ({@code name} or {@code name:port}). */
    private final Set<String> allowed;
    /** The last request that was allowed: most requests name the same host as the one before. */
    private volatile Memo last;

    private record Memo(String header, String serverName, int serverPort, Decision decision) {
        boolean same(String header, String serverName, int serverPort) {
            return this.serverPort == serverPort && this.header.equals(header)
                    && java.util.Objects.equals(this.serverName, serverName);
        }
    }

    /** @param allowed the allowed hosts (entries without a port match any port); empty: any well-formed host */
    public HostPolicy(List<RequestHost> allowed) {
        this.allowed = Set.copyOf(allowed.stream().map(RequestHost::toString).toList());
    }

    /**
     * @param values     every value of the request's Host header (none for HTTP/2, where {@code :authority} names the
     *                   host, and for an HTTP/1.0 request without one)
     * @param serverName the host the container took for the request ({@code getServerName()}): from the Host header,
     *                   HTTP/2's {@code :authority} or an absolute-form request target; this is what the container
     *                   and the application build URLs from
     * @param serverPort the port the container took for the request
     */
    public Decision check(List<String> values, String serverName, int serverPort) {
        if (values.size() != 1) {
            return decide(values, serverName, serverPort);
        }
        String header = values.get(0);
        Memo m = last;
        if (m != null && m.same(header, serverName, serverPort)) {
            return m.decision();
        }
        Decision d = decide(values, serverName, serverPort);
        if (d.allowed()) {
            last = new Memo(header, serverName, serverPort, d);
        }
        return d;
    }

    private Decision decide(List<String> values, String serverName, int serverPort) {
        if (values.size() > 1) {
            return new Decision(null, "more than one Host header");
        }
        String name = serverName == null || serverName.isEmpty() ? null
                : serverName.indexOf(':') >= 0 && !serverName.startsWith("[") ? "[" + serverName + "]" : serverName;
        String authority = name == null ? null : serverPort > 0 ? name + ":" + serverPort : name;
        Optional<RequestHost> header = Optional.empty();
        if (!values.isEmpty()) {
            header = RequestHost.parse(values.get(0));
            if (header.isEmpty()) {
                return new Decision(null, "malformed Host header '" + SafeLog.printable(values.get(0), 100) + "'");
            }
        }
        if (name == null) {
            return allowed.isEmpty() ? new Decision(null, null)
                    : new Decision(null, "no host named, and " + TransportKeys.ALLOWED_HOSTS.name() + " is set");
        }
        // the container's server name and port usually are the Host header as sent: parsed once then
        Optional<RequestHost> host = header.isPresent() && values.get(0).equals(authority) ? header
                : RequestHost.parse(authority);
        if (host.isEmpty()) {
            return new Decision(null, "malformed host '" + SafeLog.printable(authority, 100)
                    + "' (Host header, :authority or request target)");
        }
        RequestHost h = host.get();
        if (!allowed.isEmpty() && !allowed.contains(h.toString()) && !allowed.contains(h.name())) {
            return new Decision(null, "host '" + h + "' is not in " + TransportKeys.ALLOWED_HOSTS.name());
        }
        return new Decision(h, null);
    }
}
