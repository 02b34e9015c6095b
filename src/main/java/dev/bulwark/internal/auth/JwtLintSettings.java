package dev.bulwark.internal.auth;

/** The explicit, logged opt-outs of the deployment-time JWT lint ({@link JwtLint}). */
public record JwtLintSettings(boolean allowMissingIssuer, boolean allowMissingAudience, boolean allowHmac,
                              boolean allowLongSkew, boolean allowWeakRsa) {
}
