package dev.bulwark.internal.headers;

import java.util.Map;

/** Exchanges the header writer tests describe. */
public final class Facts {

    private Facts() {
    }

    /** An anonymous success over TLS. */
    public static ResponseFacts anonymousTls() {
        return new ResponseFacts(true, false, false, false, null);
    }

    public static ResponseFacts of(boolean secure, boolean authenticated, boolean problem) {
        return new ResponseFacts(secure, authenticated, problem, false, null);
    }

    /** A 401, with or without credentials on the request. */
    public static ResponseFacts unauthenticated(boolean authenticated) {
        return new ResponseFacts(true, authenticated, true, true, null);
    }

    /** An anonymous success over TLS from a resource with these overrides (a null value: off). */
    public static ResponseFacts overridden(Map<String, String> overrides) {
        return new ResponseFacts(true, false, false, false, new SecurityHeaderOverrides.Overrides(overrides));
    }
}
