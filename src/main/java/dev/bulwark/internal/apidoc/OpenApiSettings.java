package dev.bulwark.internal.apidoc;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What Bulwark writes into the OpenAPI document.
 *
 * @param security          the security schemes, requirements, problem responses and HTTPS servers are written
 * @param openIdConnectUrl  the identity provider's discovery URL, or null for an HTTP bearer scheme
 */
public record OpenApiSettings(boolean security, String openIdConnectUrl) {

    public static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
