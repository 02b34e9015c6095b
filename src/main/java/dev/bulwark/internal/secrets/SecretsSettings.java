package dev.bulwark.internal.secrets;

import java.time.Duration;

/**
 * The secret directory ({@code bulwark.secrets.*}).
 *
 * @param dir     the directory as the configuration sees it (a system property or environment variable), or null
 * @param refresh how often Bulwark's components look for changed secret files
 */
public record SecretsSettings(String dir, Duration refresh) {
}
