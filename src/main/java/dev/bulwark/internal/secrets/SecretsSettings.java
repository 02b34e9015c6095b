package dev.bulwark.internal.secrets;

import java.time.Duration;

/**
 * The secret directory ({@code bulwark.secrets.*}).
 *
 * @param dir     the directory as the configuration sees it (a system property or environment variable), or null
 * @param refresh   how often Bulwark's components look for changed secret files
 * @param lint      the packaged-secrets lint runs at deployment
 * @param lintAllow packaged keys the lint lets through (logged at every start)
 */
public record SecretsSettings(String dir, Duration refresh, boolean lint, java.util.List<String> lintAllow) {
    public SecretsSettings {
        lintAllow = java.util.List.copyOf(lintAllow);
    }
}
