package dev.bulwark.internal.config;

/**
 * One invalid setting: which key, what is wrong with its value, and the form that is accepted.
 * The rejected value itself is never part of the message when the key looks secret.
 */
public record ConfigProblem(String key, String problem, String acceptedForm) {

    public String message() {
        return "Bulwark configuration key '" + key + "': " + problem + " (expected " + acceptedForm + ")";
    }
}
