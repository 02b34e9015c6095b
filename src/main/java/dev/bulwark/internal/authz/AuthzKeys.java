package dev.bulwark.internal.authz;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.List;

/** The keys of authorization ({@code bulwark.authz.*}). */
public final class AuthzKeys implements ConfigConcern<AuthzSettings> {

    public static final Key<Boolean> STRICT = new Key<>("bulwark.authz.strict", Parsers.bool(), "false",
            "Fail the deployment when an endpoint has no explicit access decision (by default such "
                    + "endpoints are refused at run time and reported in the inventory), and when the server would "
                    + "not install MicroProfile JWT for the `@LoginConfig` application (a warning by default, "
                    + "[runtimes.md](runtimes.md)). See [authorization.md](authorization.md).",
            "true");

    public static final Key<String> DENIED_STATUS = new Key<>("bulwark.authz.object-denied-status",
            Parsers.enumNames("404", "403"), "404",
            "Status for an object the `@OwnedBy` policy refuses: 404 makes it look exactly like a missing one.",
            "403");

    public static final Key<String> SCOPE_CLAIM = new Key<>("bulwark.authz.scope-claim", Parsers.claimName(),
            "scope",
            "Token claim holding the OAuth2 scopes (a space-delimited string or an array); `scp` is read "
                    + "when it is absent.",
            "scp");

    public static final AuthzKeys CONCERN = new AuthzKeys();

    private AuthzKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(STRICT, DENIED_STATUS, SCOPE_CLAIM);
    }

    @Override
    public AuthzSettings read(ConfigReader reader) {
        return new AuthzSettings(reader.get(STRICT), Integer.parseInt(reader.get(DENIED_STATUS)),
                reader.get(SCOPE_CLAIM));
    }
}
