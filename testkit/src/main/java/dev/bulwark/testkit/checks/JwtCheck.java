package dev.bulwark.testkit.checks;

import dev.bulwark.devtools.DevTokens;
import dev.bulwark.testkit.OwaspCategory;
import dev.bulwark.testkit.Severity;
import dev.bulwark.testkit.engine.ApiEndpoint;
import dev.bulwark.testkit.engine.Check;
import dev.bulwark.testkit.engine.Exchange;
import dev.bulwark.testkit.engine.Identities;
import dev.bulwark.testkit.engine.Identity;
import dev.bulwark.testkit.engine.Json;
import dev.bulwark.testkit.engine.Request;
import dev.bulwark.testkit.engine.ScanContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWT attack catalogue (API2, Broken Authentication), on one endpoint: an authenticated GET without path
 * variables that user1 is admitted to and that answered user1 2xx in discovery (else any authenticated GET without
 * path variables that admits user1).
 *
 * <p>First it checks that the endpoint is testable: user1's token must get a 2xx and no token a refusal; otherwise
 * the check reports that it could not run. Then it sends, once each, with user1's token as the starting point:
 * <ul>
 *   <li>{@code jwt.alg-none}: header alg {@code none}, {@code None}, {@code NONE} with an empty signature;</li>
 *   <li>{@code jwt.signature-stripped} (empty signature segment), {@code jwt.signature-truncated} (the signature
 *       minus its last 12 characters), {@code jwt.signature-swapped} (user2's signature on user1's token);</li>
 *   <li>{@code jwt.payload-tampered}: {@code sub} changed, and {@code groups} with {@code admin} added, keeping the
 *       original signature;</li>
 *   <li>{@code jwt.weak-hmac}: HS256 signed with a guessable secret ({@code secret}, {@code changeit},
 *       {@code password}, {@code your-256-bit-secret}, {@code jwt-secret});</li>
 *   <li>{@code jwt.embedded-jwk} (a {@code jwk} header with the kit's own RSA key, signed with it),
 *       {@code jwt.key-url} ({@code jku} / {@code x5u} pointing at {@code https://evil.example}, signed with the
 *       kit's own key), {@code jwt.kid-injection} ({@code kid} {@code ../../../../../../dev/null} with HS256 and an
 *       empty secret; an SQL {@code kid} with HS256 and the secret the SQL would select);</li>
 *   <li>{@code jwt.crit}: a {@code crit} header naming an unknown extension (signed with the trusted key when the
 *       kit has it, else keeping the original signature);</li>
 *   <li>{@code jwt.malformed}: a JWE-shaped 5-part token, 2 parts, bad base64, a 16 KiB token;</li>
 *   <li>{@code jwt.token-in-query} ({@code ?access_token=}), {@code jwt.token-in-cookie} (cookies
 *       {@code access_token}, {@code token}, {@code jwt}), {@code jwt.scheme} ({@code Authorization: <token>} and
 *       {@code Authorization: Token <token>}; lowercase {@code bearer} is legitimate and never sent as an attack).</li>
 * </ul>
 * With the test environment's signing key it also sends tokens that are correctly signed but must still be refused:
 * {@code jwt.expired} (exp 10 minutes ago), {@code jwt.not-yet-valid} (nbf in 10 minutes),
 * {@code jwt.issued-in-future} (iat in 10 minutes), {@code jwt.no-expiry} (no exp), {@code jwt.wrong-issuer},
 * {@code jwt.wrong-audience}, {@code jwt.audience-near-miss} (the audience with a suffix, and cut by one character),
 * {@code jwt.long-lifetime} (exp in 10 years), {@code jwt.typ-confusion} (typ {@code dpop+jwt},
 * {@code logout+jwt}, {@code secevent+jwt}: tokens that are not access tokens; {@code JWT} and {@code at+jwt} are
 * legitimate), and {@code jwt.key-confusion} (HS256 with the RSA public key, {@code public.pem} beside the private
 * key, as the HMAC secret).
 *
 * <p>A finding: any of these answered 2xx (the rule of the attack; CRITICAL for signature and key bypasses, HIGH
 * for claim checks, MEDIUM for lenient token transport), or 5xx ({@code jwt.server-error}: a bad token must be refused
 * with 401, never break the server). 401 and 403 are the expected answers; other refusals (400, 404, 431, 429, no
 * answer) are not findings. At the end user1's token must still be accepted; when it is not, the report says the
 * results are incomplete (the API may have locked the kit out).
 */
public final class JwtCheck implements Check {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    static final List<String> WEAK_SECRETS = List.of("secret", "changeit", "password", "your-256-bit-secret",
            "jwt-secret");
    private static final String EVIL = "https://evil.example";

    /** One forged request: the rule it tests, a short description, how bad acceptance is, and the request. */
    record Attack(String rule, String variant, Severity severity, Request request) {
    }

    @Override
    public String id() {
        return "jwt";
    }

    @Override
    public String title() {
        return "JWT attack catalogue: forged, tampered and invalid tokens must be refused";
    }

    @Override
    public void run(ScanContext ctx) {
        if (!ctx.identities().hasUsers()) {
            ctx.notRun(id(), "no user token or signing key: the JWT catalogue needs a valid token to start from");
            return;
        }
        Identity user1 = ctx.identities().user1();
        Optional<ApiEndpoint> target = Targets.authenticatedGet(ctx, user1);
        if (target.isEmpty()) {
            ctx.notRun(id(), "no authenticated GET without path variables that user1 may call");
            return;
        }
        ApiEndpoint e = target.get();
        Request base = new Request("GET", e.path(), Map.of("Accept", "application/json"), null, user1);
        Exchange valid = ctx.send(base);
        if (!valid.success()) {
            ctx.notRun(id(), "user1's token is not accepted on " + e.subject() + " (" + valid.evidence() + ")");
            return;
        }
        Exchange anonymous = ctx.send(base.anonymous());
        if (anonymous.success()) {
            ctx.notRun(id(), e.subject() + " answers callers without a token 2xx: nothing to refuse");
            return;
        }
        ctx.tested(id(), e.subject());
        for (Attack a : attacks(ctx, base)) {
            Exchange x = ctx.send(a.request());
            String evidence = x.evidence() + " [" + a.variant() + "]";
            if (x.success()) {
                ctx.report(id(), a.rule(), OwaspCategory.API2, a.severity(), e, "The API accepted a token it must "
                        + "refuse (" + a.variant() + "): " + advice(a.rule()), evidence);
            } else if (x.status() >= 500) {
                ctx.report(id(), "jwt.server-error", OwaspCategory.API2, Severity.MEDIUM, e, "A forged token ("
                        + a.variant() + ") made the server fail with " + x.status() + ": refuse bad tokens with 401"
                        + " before anything else reads them.", evidence);
            }
        }
        Exchange after = ctx.send(base);
        if (!after.success()) {
            ctx.notRun(id(), "user1's valid token was refused after the catalogue (" + after.evidence() + "): the API"
                    + " may have locked the kit out, so refusals seen may not be the token checks' own");
        }
    }

    private static String advice(String rule) {
        return switch (rule) {
            case "jwt.alg-none", "jwt.signature-stripped", "jwt.signature-truncated", "jwt.signature-swapped",
                 "jwt.payload-tampered" -> "verify every token's signature with the trusted key and an allow-list"
                    + " of algorithms (never 'none').";
            case "jwt.weak-hmac", "jwt.key-confusion", "jwt.kid-injection" -> "accept only the configured asymmetric"
                    + " algorithm; never derive an HMAC secret from a public key, a guessable value or the kid.";
            case "jwt.embedded-jwk", "jwt.key-url" -> "never take the verification key from the token (jwk, jku,"
                    + " x5u); use the configured keys only.";
            case "jwt.crit" -> "refuse tokens whose crit header names extensions the verifier does not understand.";
            case "jwt.malformed" -> "parse tokens strictly and refuse anything that is not a compact JWS.";
            case "jwt.token-in-query" -> "read tokens from the Authorization header only: URLs end up in logs.";
            case "jwt.token-in-cookie" -> "read tokens from the Authorization header only: cookies are sent by"
                    + " browsers on cross-site requests (CSRF).";
            case "jwt.scheme" -> "accept only 'Authorization: Bearer <token>' (the scheme in any case).";
            case "jwt.expired", "jwt.not-yet-valid", "jwt.issued-in-future", "jwt.no-expiry",
                 "jwt.long-lifetime" -> "check exp, nbf and iat with a small clock skew and require exp with a"
                    + " bounded lifetime.";
            case "jwt.wrong-issuer" -> "accept only the configured issuer, compared exactly.";
            case "jwt.wrong-audience", "jwt.audience-near-miss" -> "accept only tokens for this API's audience,"
                    + " compared exactly.";
            case "jwt.typ-confusion" -> "refuse tokens typed as something other than an access token (RFC 8725).";
            default -> "refuse it with 401.";
        };
    }

    /** The catalogue for {@code base} (user1's request): without a key always, with one also the claim checks. */
    List<Attack> attacks(ScanContext ctx, Request base) {
        Identities ids = ctx.identities();
        Identity user1 = base.identity();
        String token = user1.token();
        String[] p = token.split("\\.", -1);
        List<Attack> out = new ArrayList<>();
        if (p.length != 3) {
            ctx.notRun(id(), "user1's token is not a compact JWS (three parts): only transport variants were sent");
        } else {
            JsonObject header = object(p[0]);
            JsonObject claims = object(p[1]);
            String signingInput = p[0] + "." + p[1];
            for (String none : List.of("none", "None", "NONE")) {
                out.add(forged(base, "jwt.alg-none", "alg " + none, Severity.CRITICAL,
                        enc(with(header, "alg", none).build()) + "." + p[1] + "."));
            }
            out.add(forged(base, "jwt.signature-stripped", "empty signature", Severity.CRITICAL, signingInput + "."));
            out.add(forged(base, "jwt.signature-truncated", "signature cut by 12 characters", Severity.CRITICAL,
                    signingInput + "." + p[2].substring(0, Math.max(0, p[2].length() - 12))));
            String[] other = ids.user2() == null ? new String[0] : ids.user2().token().split("\\.", -1);
            if (other.length == 3 && !other[2].equals(p[2])) {
                out.add(forged(base, "jwt.signature-swapped", "user2's signature on user1's token",
                        Severity.CRITICAL, signingInput + "." + other[2]));
            }
            String sub = ids.user2() != null && ids.user2().subject() != null ? ids.user2().subject() : "admin";
            out.add(forged(base, "jwt.payload-tampered", "sub changed to " + sub + ", original signature",
                    Severity.CRITICAL, p[0] + "." + enc(with(claims, "sub", sub).build()) + "." + p[2]));
            out.add(forged(base, "jwt.payload-tampered", "groups with admin added, original signature",
                    Severity.CRITICAL, p[0] + "." + enc(with(claims, "groups", jakarta.json.Json.createArrayBuilder(
                            Json.strings(claims.get("groups"))).add("admin")).build()) + "." + p[2]));
            for (String secret : WEAK_SECRETS) {
                out.add(forged(base, "jwt.weak-hmac", "HS256 with the secret '" + secret + "'", Severity.CRITICAL,
                        hs256(hsHeader(header, null), claims, secret.getBytes(StandardCharsets.UTF_8))));
            }
            KeyPair own = ownKey();
            RSAPublicKey pub = (RSAPublicKey) own.getPublic();
            JsonObject jwk = jakarta.json.Json.createObjectBuilder().add("kty", "RSA").add("kid", "bulwark-kit")
                    .add("n", B64.encodeToString(unsigned(pub.getModulus())))
                    .add("e", B64.encodeToString(unsigned(pub.getPublicExponent()))).build();
            out.add(forged(base, "jwt.embedded-jwk", "jwk header with the kit's own key, signed with it",
                    Severity.CRITICAL, rs256(rsHeader(header).add("kid", "bulwark-kit").add("jwk", jwk).build(),
                            claims, own.getPrivate())));
            for (String param : List.of("jku", "x5u")) {
                out.add(forged(base, "jwt.key-url", param + " " + EVIL + "/keys, signed with the kit's own key",
                        Severity.CRITICAL, rs256(rsHeader(header).add(param, EVIL + "/keys").build(), claims,
                                own.getPrivate())));
            }
            out.add(forged(base, "jwt.kid-injection", "kid ../../../../../../dev/null, HS256 with an empty secret",
                    Severity.CRITICAL, hs256(hsHeader(header, "../../../../../../dev/null"), claims, new byte[] {0})));
            out.add(forged(base, "jwt.kid-injection", "SQL in kid, HS256 with the secret it selects",
                    Severity.CRITICAL, hs256(hsHeader(header, "x' UNION SELECT 'bulwark-kit' -- "), claims,
                            "bulwark-kit".getBytes(StandardCharsets.UTF_8))));
            JsonObject crit = with(header, "crit", jakarta.json.Json.createArrayBuilder().add("bulwark-kit-unknown"))
                    .add("bulwark-kit-unknown", true).build();
            out.add(forged(base, "jwt.crit", "crit naming an unknown extension", Severity.HIGH, ids.canMint()
                    ? ids.sign(map(crit), ids.claims(subjectOf(user1), List.copyOf(user1.roles()),
                            String.join(" ", user1.scopes())))
                    : enc(crit) + "." + p[1] + "." + p[2]));
            out.add(forged(base, "jwt.malformed", "JWE-shaped 5-part token", Severity.HIGH,
                    enc(jakarta.json.Json.createObjectBuilder().add("alg", "RSA-OAEP").add("enc", "A256GCM").build())
                            + "." + p[2].substring(0, Math.min(40, p[2].length())) + ".AAAAAAAAAAAAAAAA." + p[1]
                            + ".AAAAAAAAAAAAAAAAAAAAAA"));
            out.add(forged(base, "jwt.malformed", "2 parts", Severity.HIGH, signingInput));
            out.add(forged(base, "jwt.malformed", "bad base64", Severity.HIGH, "!!" + p[0] + ".**" + p[1] + ".%%"
                    + p[2]));
            out.add(forged(base, "jwt.malformed", "16 KiB token (padding claim, original signature)", Severity.HIGH,
                    p[0] + "." + enc(with(claims, "pad", "A".repeat(12 * 1024)).build()) + "." + p[2]));
            if (ids.canMint()) {
                out.addAll(signedAttacks(ctx, base));
            }
        }
        Request plain = base.anonymous();
        String sep = base.target().contains("?") ? "&" : "?";
        out.add(new Attack("jwt.token-in-query", "token in ?access_token=", Severity.MEDIUM,
                new Request("GET", base.target() + sep + "access_token=" + token, plain.headers(), null,
                        named("anonymous, token in the query"))));
        out.add(new Attack("jwt.token-in-cookie", "token in cookies access_token, token, jwt", Severity.MEDIUM,
                plain.header("Cookie", "access_token=" + token + "; token=" + token + "; jwt=" + token)
                        .as(named("anonymous, token in cookies"))));
        out.add(new Attack("jwt.scheme", "Authorization: <token> (no scheme)", Severity.LOW,
                plain.header("Authorization", token).as(named("user1 token without a scheme"))));
        out.add(new Attack("jwt.scheme", "Authorization: Token <token>", Severity.LOW,
                plain.header("Authorization", "Token " + token).as(named("user1 token with scheme Token"))));
        return out;
    }

    /** The attacks that need the trusted key: well-signed tokens with claims that must be refused. */
    private List<Attack> signedAttacks(ScanContext ctx, Request base) {
        Identities ids = ctx.identities();
        Identity user1 = base.identity();
        long now = ids.clock().instant().getEpochSecond();
        List<Attack> out = new ArrayList<>();
        out.add(signed(ctx, base, "jwt.expired", "exp 10 minutes ago", Severity.HIGH,
                Map.of("iat", now - 1500, "nbf", now - 1500, "exp", now - 600), null));
        out.add(signed(ctx, base, "jwt.not-yet-valid", "nbf in 10 minutes", Severity.HIGH,
                Map.of("nbf", now + 600, "exp", now + 1500), null));
        out.add(signed(ctx, base, "jwt.issued-in-future", "iat in 10 minutes", Severity.MEDIUM,
                Map.of("iat", now + 600, "nbf", now, "exp", now + 1500), null));
        out.add(signed(ctx, base, "jwt.no-expiry", "no exp claim", Severity.HIGH, Map.of("exp", ""), null));
        out.add(signed(ctx, base, "jwt.wrong-issuer", "iss " + EVIL, Severity.CRITICAL, Map.of("iss", EVIL), null));
        out.add(signed(ctx, base, "jwt.wrong-audience", "aud bulwark-kit-other-api", Severity.HIGH,
                Map.of("aud", "bulwark-kit-other-api"), null));
        String aud = String.valueOf(ids.claims(subjectOf(user1), List.of(), "").get("aud"));
        out.add(signed(ctx, base, "jwt.audience-near-miss", "aud " + aud + "x", Severity.HIGH,
                Map.of("aud", aud + "x"), null));
        if (aud.length() > 1) {
            String cut = aud.substring(0, aud.length() - 1);
            out.add(signed(ctx, base, "jwt.audience-near-miss", "aud " + cut, Severity.HIGH, Map.of("aud", cut),
                    null));
        }
        out.add(signed(ctx, base, "jwt.long-lifetime", "exp in 10 years", Severity.MEDIUM,
                Map.of("iat", now, "nbf", now, "exp", now + 10L * 365 * 24 * 3600), null));
        for (String typ : List.of("dpop+jwt", "logout+jwt", "secevent+jwt")) {
            out.add(signed(ctx, base, "jwt.typ-confusion", "typ " + typ, Severity.MEDIUM, Map.of(), typ));
        }
        Path pem = ctx.settings().minting().privateKey().resolveSibling(DevTokens.PUBLIC_KEY_FILE);
        if (Files.isRegularFile(pem)) {
            try {
                byte[] text = Files.readAllBytes(pem);
                String body = new String(text, StandardCharsets.US_ASCII);
                byte[] der = Base64.getMimeDecoder().decode(body.replaceAll("-----[A-Z ]+-----", ""));
                JsonObject claims = jakarta.json.Json.createObjectBuilder(fresh(ctx, user1)).build();
                JsonObject header = jakarta.json.Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT")
                        .build();
                out.add(forged(base, "jwt.key-confusion", "HS256 with public.pem as the secret", Severity.CRITICAL,
                        hs256(header, claims, text)));
                out.add(forged(base, "jwt.key-confusion", "HS256 with the public key's DER as the secret",
                        Severity.CRITICAL, hs256(header, claims, der)));
            } catch (IOException | IllegalArgumentException e) {
                ctx.notRun(id(), "jwt.key-confusion: cannot read " + pem + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** A token signed with the trusted key: user1's fresh claims with {@code changes} ("" removes a claim). */
    private Attack signed(ScanContext ctx, Request base, String rule, String variant, Severity severity,
                          Map<String, Object> changes, String typ) {
        Identities ids = ctx.identities();
        Map<String, Object> claims = fresh(ctx, base.identity());
        changes.forEach((k, v) -> {
            if ("".equals(v)) {
                claims.remove(k);
            } else {
                claims.put(k, v);
            }
        });
        Map<String, Object> header = ids.header();
        if (typ != null) {
            header.put("typ", typ);
        }
        return forged(base, rule, variant, severity, ids.sign(header, claims));
    }

    private static Map<String, Object> fresh(ScanContext ctx, Identity who) {
        return ctx.identities().claims(subjectOf(who), List.copyOf(who.roles()), String.join(" ", who.scopes()));
    }

    private static String subjectOf(Identity who) {
        return who.subject() == null ? "bulwark-kit-" + who.name() : who.subject();
    }

    private static Attack forged(Request base, String rule, String variant, Severity severity, String token) {
        Identity who = base.identity();
        return new Attack(rule, variant, severity, base.as(new Identity(who.name() + " (forged: " + variant + ")",
                token, who.roles(), who.scopes())));
    }

    private static Identity named(String name) {
        return new Identity(name, null, java.util.Set.of(), java.util.Set.of());
    }

    private static JsonObject object(String part) {
        try {
            return Json.parse(new String(B64D.decode(part), StandardCharsets.UTF_8)).asJsonObject();
        } catch (RuntimeException e) {
            return jakarta.json.JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static JsonObjectBuilder with(JsonObject o, String name, Object value) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder(o);
        if (value instanceof String s) {
            b.add(name, s);
        } else if (value instanceof Boolean v) {
            b.add(name, v);
        } else if (value instanceof jakarta.json.JsonArrayBuilder a) {
            b.add(name, a);
        }
        return b;
    }

    private static JsonObjectBuilder rsHeader(JsonObject original) {
        return jakarta.json.Json.createObjectBuilder().add("alg", "RS256").add("typ",
                original.getString("typ", "JWT"));
    }

    private static JsonObject hsHeader(JsonObject original, String kid) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder().add("alg", "HS256").add("typ",
                original.getString("typ", "JWT"));
        if (kid != null) {
            b.add("kid", kid);
        }
        return b.build();
    }

    private static Map<String, Object> map(JsonObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        o.forEach((k, v) -> out.put(k, switch (v.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case ARRAY -> Json.strings(v);
            default -> v.toString();
        }));
        return out;
    }

    private static String enc(JsonObject o) {
        return B64.encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String hs256(JsonObject header, JsonObject claims, byte[] secret) {
        String input = enc(header) + "." + enc(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(JsonObject header, Map<String, Object> claims, byte[] secret) {
        return hs256(header, jakarta.json.Json.createObjectBuilder(claims).build(), secret);
    }

    private static String rs256(JsonObject header, JsonObject claims, PrivateKey key) {
        String input = enc(header) + "." + enc(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ownKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
