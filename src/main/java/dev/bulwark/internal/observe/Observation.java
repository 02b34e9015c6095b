package dev.bulwark.internal.observe;

/**
 * A refusal an observed control would have made: the request went on.
 *
 * @param control the observed control ({@code rate-limit}, {@code authorization}...)
 * @param step    the step that decided: a {@code Phase}'s label ({@code roles}, {@code json-body}...)
 * @param kind    the problem kind it would have answered with ({@code forbidden}, {@code too-many-requests}...)
 * @param reason  the real reason, as a refusal's; never sent to the client
 */
public record Observation(String control, String step, String kind, String reason) {
}
