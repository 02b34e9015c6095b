package dev.bulwark.internal.apidoc;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/** The keys of what Bulwark writes into the application's MicroProfile OpenAPI document ({@code bulwark.openapi.*}). */
public final class OpenApiKeys implements ConfigConcern<OpenApiSettings> {

    public static final Key<Boolean> SECURITY = new Key<>("bulwark.openapi.security", Parsers.bool(), "true",
            "Write the security Bulwark enforces into the MicroProfile OpenAPI document: the security schemes, each "
                    + "operation's requirement (roles and scopes in `x-bulwark-access`), the problem responses Bulwark "
                    + "can answer (400, 401, 403, 404, 413, 415, 429 with `Retry-After` and the `RateLimit` fields, "
                    + "500) and HTTPS servers only. See [openapi.md](openapi.md).",
            "false");

    public static final Key<String> OPENID_CONNECT_URL = new Key<>("bulwark.openapi.openid-connect-url",
            Parsers.text(), null,
            "The identity provider's OpenID Connect discovery URL (`https`). When set, the bearer token is described "
                    + "as an `openIdConnect` scheme and each operation lists the scopes it requires; unset, it is an "
                    + "HTTP `bearer` scheme (format JWT) and the scopes are only in `x-bulwark-access`.",
            "https://idp.example.com/realms/shop/.well-known/openid-configuration");

    public static final Key<String> VALIDATION = new Key<>("bulwark.openapi.validation",
            Parsers.enumNames("off", "on"), "off",
            "`on`: every request to an endpoint the application's OpenAPI document describes is checked against it "
                    + "(path, query, header and cookie parameters, the content type and the body against the "
                    + "operation's schema) and refused with a 400 problem; the document is compiled at deployment "
                    + "and a document that does not parse or names an operation no resource method serves fails it. "
                    + "See [openapi.md](openapi.md#request-validation-against-the-document).",
            "on");

    public static final Key<String> DOCUMENT = new Key<>("bulwark.openapi.document", Parsers.text(), null,
            "The class-path resource of the OpenAPI document requests are validated against (`.json`, `.yaml` or "
                    + "`.yml`). Unset: the static file MicroProfile OpenAPI reads, the first of "
                    + "`META-INF/openapi.yaml`, `META-INF/openapi.yml` and `META-INF/openapi.json`.",
            "META-INF/openapi.json");

    public static final Key<String> UNKNOWN_QUERY_PARAMETERS = new Key<>("bulwark.openapi.unknown-query-parameters",
            Parsers.enumNames("allow", "refuse"), "allow",
            "With validation on, `refuse`: a query parameter the operation does not document is a 400 "
                    + "(tracking parameters such as `utm_source` that clients add are refused too).",
            "refuse");

    public static final Key<String> UNDOCUMENTED_ENDPOINTS = new Key<>("bulwark.openapi.undocumented-endpoints",
            Parsers.enumNames("allow", "refuse"), "allow",
            "With validation on, resource methods the document does not describe: `allow` serves them unvalidated "
                    + "(a start-up WARNING and the inventory list them), `refuse` fails the deployment naming them.",
            "refuse");

    public static final OpenApiKeys CONCERN = new OpenApiKeys();

    private OpenApiKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(SECURITY, OPENID_CONNECT_URL, VALIDATION, DOCUMENT, UNKNOWN_QUERY_PARAMETERS,
                UNDOCUMENTED_ENDPOINTS);
    }

    @Override
    public OpenApiSettings read(ConfigReader reader) {
        String url = reader.get(OPENID_CONNECT_URL);
        if (url != null && !OpenApiSettings.isHttpsUrl(url)) {
            reader.problem(OPENID_CONNECT_URL, "is not an https URL without credentials, query or fragment",
                    "https://host/path");
            url = null;
        }
        String document = reader.get(DOCUMENT);
        if (document != null && !OpenApiSettings.isDocumentName(document)) {
            reader.problem(DOCUMENT, "is not a class-path resource ending in .json, .yaml or .yml",
                    "META-INF/openapi.yaml");
            document = null;
        }
        return new OpenApiSettings(reader.get(SECURITY), url, reader.get(VALIDATION).equals("on"), document,
                reader.get(UNKNOWN_QUERY_PARAMETERS).equals("refuse"),
                reader.get(UNDOCUMENTED_ENDPOINTS).equals("refuse"));
    }
}
