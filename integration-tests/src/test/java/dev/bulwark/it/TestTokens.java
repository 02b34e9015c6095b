package dev.bulwark.it;

import dev.bulwark.devtools.DevTokens;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Hand-built tokens for the attack tests: any header and claims, signed by any key. */
final class TestTokens {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** The test server's trusted signing key (generated at build time). */
    static PrivateKey trustedKey() {
        try {
            return DevTokens.readPrivateKey(ItSupport.KEYS.resolve(DevTokens.PRIVATE_KEY_FILE));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid claim set for the test server (alice, group user, five minutes), with overrides (null removes). */
    static String claims(String... overrides) {
        Map<String, String> c = new LinkedHashMap<>();
        long now = now();
        c.put("iss", "\"" + ItSupport.ISSUER + "\"");
        c.put("sub", "\"alice\"");
        c.put("upn", "\"alice\"");
        c.put("aud", "\"" + ItSupport.AUDIENCE + "\"");
        c.put("iat", Long.toString(now));
        c.put("exp", Long.toString(now + 300));
        c.put("jti", "\"" + UUID.randomUUID() + "\"");
        c.put("groups", "[\"user\"]");
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                c.remove(overrides[i]);
            } else {
                c.put(overrides[i], overrides[i + 1]);
            }
        }
        StringBuilder json = new StringBuilder("{");
        c.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return json.append('}').toString();
    }

    /** A JOSE header with typ JWT and extra members given as name, JSON value pairs. */
    static String header(String alg, String... extra) {
        StringBuilder h = new StringBuilder("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"");
        for (int i = 0; i < extra.length; i += 2) {
            h.append(",\"").append(extra[i]).append("\":").append(extra[i + 1]);
        }
        return h.append('}').toString();
    }

    static String input(String header, String claims) {
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String header, String claims, PrivateKey key, String jcaAlgorithm) throws Exception {
        String signingInput = input(header, claims);
        Signature s = Signature.getInstance(jcaAlgorithm);
        if (jcaAlgorithm.equals("RSASSA-PSS")) {
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        s.initSign(key);
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(s.sign());
    }

    /** RS256 with the trusted key. */
    static String rs256(String header, String claims) {
        try {
            return sign(header, claims, trustedKey(), "SHA256withRSA");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
