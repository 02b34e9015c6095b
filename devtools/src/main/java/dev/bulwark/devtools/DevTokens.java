package dev.bulwark.devtools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Dev-only command line for the demo and the tests: {@code keygen} writes an RSA-2048 key pair as PEM files,
 * {@code mint} signs an RS256 access token with any subject, groups (roles) and scopes.
 *
 * <pre>
 * java -jar bulwark-devtools.jar keygen --dir DIR [--force]
 * java -jar bulwark-devtools.jar mint --key DIR/private.pem --iss ISSUER --aud AUDIENCE --sub alice
 *      [--groups customer,admin] [--scope "orders:read orders:write"] [--ttl 15m] [--typ JWT] [--claim k=v]...
 * </pre>
 */
public final class DevTokens {

    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final String PUBLIC_KEY_FILE = "public.pem";

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        try {
            Map<String, List<String>> options = options(args);
            switch (args[0]) {
                case "keygen" -> {
                    Path dir = Path.of(required(options, "dir"));
                    boolean created = keygen(dir, options.containsKey("force"));
                    out.println((created ? "Wrote " : "Kept existing ") + dir.resolve(PRIVATE_KEY_FILE) + " and "
                            + dir.resolve(PUBLIC_KEY_FILE));
                }
                case "mint" -> out.println(mint(options, clock));
                default -> {
                    err.println(usage());
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return 2;
        } catch (IOException | GeneralSecurityException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return """
                usage: java -jar bulwark-devtools.jar keygen --dir DIR [--force]
                       java -jar bulwark-devtools.jar mint --key PRIVATE_PEM --iss ISSUER --aud AUDIENCE --sub SUBJECT
                            [--groups g1,g2] [--scope "s1 s2"] [--ttl 15m] [--typ JWT] [--kid ID] [--claim name=value]...""";
    }

    /** Writes a fresh RSA-2048 pair unless one is already there (or {@code force}); returns true when written. */
    public static boolean keygen(Path dir, boolean force) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (!force && Files.exists(privateFile) && Files.exists(publicFile)) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; nothing more to do
        }
        Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return true;
    }

    static String mint(Map<String, List<String>> o, Clock clock) throws IOException, GeneralSecurityException {
        Duration ttl = parseTtl(one(o, "ttl", "15m"));
        String groups = one(o, "groups", "");
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String pair : o.getOrDefault("claim", List.of())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--claim takes name=value");
            }
            extra.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        String iss = required(o, "iss");
        String aud = required(o, "aud");
        String sub = required(o, "sub");
        PrivateKey key = readPrivateKey(Path.of(required(o, "key")));
        Map<String, Object> claims = claims(iss, aud, sub,
                groups.isBlank() ? List.of() : List.of(groups.split("\\s*,\\s*")), one(o, "scope", ""), ttl, clock);
        claims.putAll(extra);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", one(o, "typ", "JWT"));
        header.put("kid", one(o, "kid", keyId(key)));
        return sign(header, claims, key);
    }

    /** Mints a token as the command line does, for tests: RS256, typ JWT, 15 minutes. */
    public static String mintToken(Path privateKey, String issuer, String audience, String subject,
                                   List<String> groups, String scope) throws IOException, GeneralSecurityException {
        return mintToken(privateKey, issuer, audience, subject, groups, scope, Map.of());
    }

    /** Like {@link #mintToken(Path, String, String, String, List, String)} with more claims (such as {@code azp}). */
    public static String mintToken(Path privateKey, String issuer, String audience, String subject,
                                   List<String> groups, String scope, Map<String, Object> extra)
            throws IOException, GeneralSecurityException {
        PrivateKey key = readPrivateKey(privateKey);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId(key));
        Map<String, Object> claims = claims(issuer, audience, subject, groups, scope, Duration.ofMinutes(15),
                Clock.systemUTC());
        claims.putAll(extra);
        return sign(header, claims, key);
    }

    /** The standard claim set: iss, aud, sub (and upn), iat, nbf, exp, a random jti, groups and scope. */
    public static Map<String, Object> claims(String issuer, String audience, String subject, List<String> groups,
                                             String scope, Duration ttl, Clock clock) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("groups", List.copyOf(groups));
        if (scope != null && !scope.isBlank()) {
            claims.put("scope", scope.trim());
        }
        return claims;
    }

    /** Signs header and claims as a compact RS256 JWS. */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key)
            throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    public static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file);
        String body = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    /** A stable key id: the first 16 bytes of the SHA-256 of the public modulus, base64url. */
    public static String keyId(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey crt) {
            byte[] der = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())).getEncoded();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        }
        return "dev";
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static Duration parseTtl(String raw) {
        var m = java.util.regex.Pattern.compile("(\\d{1,7})(s|m|h)").matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl takes a number with s, m or h, such as 15m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String name = a.substring(2);
            if (name.equals("force")) {
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String required(Map<String, List<String>> o, String name) {
        List<String> v = o.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v.get(0);
    }

    private static String one(Map<String, List<String>> o, String name, String fallback) {
        List<String> v = o.get(name);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }
}
