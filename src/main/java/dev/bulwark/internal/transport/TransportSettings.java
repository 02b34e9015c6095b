package dev.bulwark.internal.transport;

import dev.bulwark.internal.config.Cidr;
import java.util.List;

/**
 * Transport security: the proxies believed, whether plain HTTP is refused (or redirected on some paths), and the
 * hosts the application answers to.
 *
 * @param allowedHosts the hosts the application answers to; empty: any well-formed host
 */
public record TransportSettings(List<Cidr> trustedProxies, boolean httpsOnly, List<String> redirectPaths,
                                int httpsPort, List<RequestHost> allowedHosts) {
    public TransportSettings {
        trustedProxies = List.copyOf(trustedProxies);
        redirectPaths = List.copyOf(redirectPaths);
        allowedHosts = List.copyOf(allowedHosts);
    }
}
