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

    public static final OpenApiKeys CONCERN = new OpenApiKeys();

    private OpenApiKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(SECURITY, OPENID_CONNECT_URL);
    }

    @Override
    public OpenApiSettings read(ConfigReader reader) {
        String url = reader.get(OPENID_CONNECT_URL);
        if (url != null && !OpenApiSettings.isHttpsUrl(url)) {
            reader.problem(OPENID_CONNECT_URL, "is not an https URL without credentials, query or fragment",
                    "https://host/path");
            url = null;
        }
        return new OpenApiSettings(reader.get(SECURITY), url);
    }
}
