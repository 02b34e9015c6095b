package dev.bulwark.testkit.engine;

import dev.bulwark.devtools.DevTokens;
import dev.bulwark.testkit.ScanSettings;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The callers a scan uses: two ordinary users, an admin (optional), a caller whose token is valid but carries no
 * role and no scope ("nobody", only when the kit can mint), and anonymous. With a signing key the kit mints its own
 * tokens (subjects as the settings name them, else {@code bulwark-kit-user1} and {@code bulwark-kit-user2};
 * {@code bulwark-kit-admin}, {@code bulwark-kit-nobody}) and can sign
 * any header and claims for the JWT catalogue.
 */
public final class Identities {

    private final Identity user1;
    private final Identity user2;
    private final Identity admin;
    private final Identity nobody;
    private final ScanSettings.Minting minting;
    private final PrivateKey key;
    private final Clock clock;

    private Identities(Identity user1, Identity user2, Identity admin, Identity nobody, ScanSettings.Minting minting,
                       PrivateKey key, Clock clock) {
        this.user1 = user1;
        this.user2 = user2;
        this.admin = admin;
        this.nobody = nobody;
        this.minting = minting;
        this.key = key;
        this.clock = clock;
    }

    public static Identities of(ScanSettings s) throws IOException, GeneralSecurityException {
        if (s.minting() != null) {
            ScanSettings.Minting m = s.minting();
            PrivateKey key = DevTokens.readPrivateKey(m.privateKey());
            Identities minter = new Identities(null, null, null, null, m, key, s.clock());
            return new Identities(
                    Identity.of("user1", minter.sign(minter.claims(m.user1Subject(), m.userGroups(), m.userScope()))),
                    Identity.of("user2", minter.sign(minter.claims(m.user2Subject(), m.userGroups(), m.userScope()))),
                    m.adminGroups().isEmpty() ? null : Identity.of("admin",
                            minter.sign(minter.claims("bulwark-kit-admin", m.adminGroups(), m.adminScope()))),
                    Identity.of("nobody", minter.sign(minter.claims("bulwark-kit-nobody", List.of(), ""))),
                    m, key, s.clock());
        }
        if (s.user1Token() == null) {
            return new Identities(null, null, null, null, null, null, s.clock());
        }
        return new Identities(Identity.of("user1", s.user1Token()), Identity.of("user2", s.user2Token()),
                s.adminToken() == null ? null : Identity.of("admin", s.adminToken()), null, null, null, s.clock());
    }

    /** True when ordinary users' tokens are known (else only anonymous checks run). */
    public boolean hasUsers() {
        return user1 != null;
    }

    public Identity user1() { return user1; }
    public Identity user2() { return user2; }
    public Optional<Identity> admin() { return Optional.ofNullable(admin); }
    /** A valid token with no role and no scope, when the kit can mint. */
    public Optional<Identity> nobody() { return Optional.ofNullable(nobody); }

    /** True when the kit holds the test environment's signing key. */
    public boolean canMint() {
        return key != null;
    }

    /** The claims of a fresh token for {@code subject} (iss, aud, sub, iat, nbf, exp 15 minutes on, jti, groups). */
    public Map<String, Object> claims(String subject, List<String> groups, String scope) {
        requireKey();
        return new LinkedHashMap<>(DevTokens.claims(minting.issuer(), minting.audience(), subject, groups, scope,
                Duration.ofMinutes(15), clock));
    }

    /** The standard header: RS256, typ JWT, the key's kid. */
    public Map<String, Object> header() {
        requireKey();
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", "RS256");
            header.put("typ", "JWT");
            header.put("kid", DevTokens.keyId(key));
            return header;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the claims under the standard header with the trusted key. */
    public String sign(Map<String, Object> claims) {
        return sign(header(), claims);
    }

    /** Signs any header and claims (RS256) with the trusted key. */
    public String sign(Map<String, Object> header, Map<String, Object> claims) {
        requireKey();
        try {
            return DevTokens.sign(header, claims, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Clock clock() {
        return clock;
    }

    private void requireKey() {
        if (key == null) {
            throw new IllegalStateException("no signing key: give the kit the test environment's key to mint tokens");
        }
    }
}
