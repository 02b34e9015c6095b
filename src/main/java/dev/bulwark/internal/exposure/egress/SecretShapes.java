package dev.bulwark.internal.exposure.egress;

/**
 * The egress check's detectors of secret-shaped values (PEM private keys, JWS and JWE, cloud and SaaS access keys)
 * for one whole value, outside a response: for the deployment-time lint of packaged configuration.
 */
public final class SecretShapes {

    private static final Detector[] DETECTORS = {new PemPrivateKeyDetector(), new JoseDetector(),
        new AccessKeyDetector()};

    private SecretShapes() {
    }

    /** What the value is shaped like, or null when none of the detectors finds a secret in it. */
    public static SecretShape of(String value) {
        char[] text = value.toCharArray();
        for (Detector d : DETECTORS) {
            if (text.length >= d.minLength()) {
                SecretShape found = d.find(text, text.length);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
