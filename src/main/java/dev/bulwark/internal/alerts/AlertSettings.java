package dev.bulwark.internal.alerts;

import java.time.Duration;

/**
 * The detectors' settings ({@code bulwark.alerts.*}).
 *
 * @param enabled             whether the detectors run
 * @param failuresPerAddress  401/403 answers per client address
 * @param failuresPerSubject  401/403 answers per verified subject
 * @param failuresTotal       401/403 answers across the deployment
 * @param rateLimited         429 answers per caller (subject, else address)
 * @param enumeration         ownership refusals and 404s on {@code @OwnedBy} endpoints per subject
 * @param tokenAddresses      distinct client addresses per token id ({@code jti})
 * @param exfiltrationFactor  how many times its baseline a subject's response bytes in one window must be; 0 when off
 * @param exfiltrationMinBytes the least response bytes in one window that can raise the alert
 * @param exfiltrationWindow  the window whose byte totals make the baseline
 * @param maxKeys             the most keys (addresses, subjects, tokens) each detector remembers
 * @param maxAlertsPerWindow  the most alerts one detector raises per window (then one summary)
 * @param novelty             the new-access and admin-new-address detectors
 */
public record AlertSettings(boolean enabled, Threshold failuresPerAddress, Threshold failuresPerSubject,
                            Threshold failuresTotal, Threshold rateLimited, Threshold enumeration,
                            Threshold tokenAddresses, int exfiltrationFactor, long exfiltrationMinBytes,
                            Duration exfiltrationWindow, int maxKeys, int maxAlertsPerWindow,
                            NoveltySettings novelty) {
}
