package dev.bulwark.internal.apidoc;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What Bulwark writes into the OpenAPI document, and whether requests are validated against it.
 *
 * @param security           the security schemes, requirements, problem responses and HTTPS servers are written
 * @param openIdConnectUrl   the identity provider's discovery URL, or null for an HTTP bearer scheme
 * @param validation         requests are validated against the document
 * @param document           the class-path resource of the document, or null for MicroProfile OpenAPI's static file
 * @param refuseUnknownQuery a query parameter the operation does not document is refused
 * @param refuseUndocumented a resource method the document does not describe fails the deployment
 */
public record OpenApiSettings(boolean security, String openIdConnectUrl, boolean validation, String document,
                              boolean refuseUnknownQuery, boolean refuseUndocumented) {

    /** The static files MicroProfile OpenAPI reads, in its order: the default document. */
    public static final java.util.List<String> STATIC_FILES = java.util.List.of("META-INF/openapi.yaml",
            "META-INF/openapi.yml", "META-INF/openapi.json");

    /** Settings that write the document and validate nothing. */
    public OpenApiSettings(boolean security, String openIdConnectUrl) {
        this(security, openIdConnectUrl, false, null, false, false);
    }

    /** A relative class-path resource name of a JSON or YAML file. */
    public static boolean isDocumentName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !name.isEmpty() && !name.contains("..") && !name.contains("\\") && !name.contains(":")
                && (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml"));
    }

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
