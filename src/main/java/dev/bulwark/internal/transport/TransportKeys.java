package dev.bulwark.internal.transport;

import dev.bulwark.internal.config.Cidr;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.InvalidValueException;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.config.ValueParser;
import java.util.List;

/** The keys of transport security: TLS, proxies and the Host header ({@code bulwark.transport.*}). */
public final class TransportKeys implements ConfigConcern<TransportSettings> {

    public static final Key<List<Cidr>> TRUSTED_PROXIES = new Key<>("bulwark.trusted-proxies", Parsers.cidrList(), "",
            "Proxies whose `Forwarded` / `X-Forwarded-For` / `X-Forwarded-Proto` headers are believed. "
                    + "Empty: trust no one, the socket peer is the client. See [transport.md](transport.md).",
            "10.0.0.0/8, 192.168.0.0/16");

    public static final Key<Boolean> HTTPS_ONLY = new Key<>("bulwark.transport.https-only", Parsers.bool(), "true",
            "Refuse requests that did not arrive over TLS (directly, or as reported by a trusted proxy) "
                    + "with a 403 problem.",
            "false");

    public static final Key<List<String>> REDIRECT_PATHS = new Key<>("bulwark.transport.redirect-paths",
            Parsers.listOf(Parsers.path(), "paths"), "",
            "Browser-facing path prefixes (below the context root) whose plain-HTTP GET and HEAD are "
                    + "redirected (308) to HTTPS instead of refused. Never use it for API paths.",
            "/docs, /login");

    public static final Key<Integer> HTTPS_PORT = new Key<>("bulwark.transport.https-port",
            Parsers.intRange(1, 65535), "443", "HTTPS port used in the `Location` of those redirects.", "9443");

    public static final Key<List<RequestHost>> ALLOWED_HOSTS = new Key<>("bulwark.transport.allowed-hosts",
            Parsers.listOf(host(), "host[:port] entries"), "",
            "`Host` header values the application answers to: host names, IPv4 addresses or `[IPv6]` "
                    + "literals, compared without case; an entry without a port matches any port. Another host, or "
                    + "no `Host` header, gets a 400 problem. Empty: any well-formed host. A malformed `Host` "
                    + "(anything that could end or extend a URL, more than one `Host` header) gets 400 either way. "
                    + "See [transport.md](transport.md#the-host-header).",
            "api.example.com, api.internal:8443");

    public static final TransportKeys CONCERN = new TransportKeys();

    private TransportKeys() {
    }

    /** A host as a Host header names it: {@code api.example.com}, {@code 10.0.0.7:8443}, {@code [::1]}. */
    static ValueParser<RequestHost> host() {
        return Parsers.of("host[:port]", "a host name, IPv4 address or [IPv6] literal, with an optional :port",
                raw -> RequestHost.parse(raw).orElseThrow(() -> new InvalidValueException("not a host[:port]")));
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(TRUSTED_PROXIES, HTTPS_ONLY, REDIRECT_PATHS, HTTPS_PORT, ALLOWED_HOSTS);
    }

    @Override
    public TransportSettings read(ConfigReader reader) {
        return new TransportSettings(reader.get(TRUSTED_PROXIES), reader.get(HTTPS_ONLY), reader.get(REDIRECT_PATHS),
                reader.get(HTTPS_PORT), reader.get(ALLOWED_HOSTS));
    }
}
