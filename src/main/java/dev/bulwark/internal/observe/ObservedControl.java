package dev.bulwark.internal.observe;

import dev.bulwark.internal.pipeline.Phase;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The controls that {@code bulwark.observe} can switch to observe mode, each with the {@link Phase}s it runs in:
 * the one table the servlet guards, the JAX-RS bindings and the bean interceptors read. A step of an observed phase
 * decides exactly as when enforcing; a refusal it would make is recorded ({@link Observations}) and the request goes
 * on unchanged.
 */
public enum ObservedControl {
    /** The Host header check. */
    HOST(Phase.HOST),
    /** The address rules: global, per route policy, per role. */
    ADDRESS_RULES(Phase.ADDRESS_RULES, Phase.ROLE_ADDRESSES),
    /** HTTPS only: neither the 403 nor the 308 redirect. */
    HTTPS(Phase.HTTPS),
    /** A refused CORS preflight goes on to the application (allowed ones are still answered). */
    CORS(Phase.CORS),
    /** The 410 of a version in a brown-out or past its sunset. */
    VERSION(Phase.VERSION),
    /** Path, query and checked headers. */
    REQUEST_TEXT(Phase.REQUEST_TEXT),
    /** The endpoint's body limit, codings and forms at the servlet layer. */
    BODY_SIZE(Phase.BODY_SIZE),
    /**
     * The endpoints' and beans' rate limits, an API key's own limit, and the refusal budgets per address and per
     * caller.
     */
    RATE_LIMIT(Phase.ADDRESS_BUDGET, Phase.CALLER_BUDGET, Phase.RATE_LIMIT, Phase.BEAN_RATE_LIMIT),
    /** Deny by default, {@code @DenyAll}, roles, scopes and ownership, on resources and beans. */
    AUTHORIZATION(Phase.DENY, Phase.ROLES, Phase.SCOPES, Phase.OWNERSHIP, Phase.BEAN_ACCESS, Phase.BEAN_SCOPES,
            Phase.ROUTE_ACCESS),
    /**
     * The JSON body (content type, limits, mass assignment, types, schema) and the request against the OpenAPI
     * document.
     */
    VALIDATION(Phase.JSON_BODY, Phase.OPENAPI),
    /** The egress check acts like {@code bulwark.egress.action=LOG}. */
    EGRESS(Phase.EGRESS);

    /**
     * The controls (and phase labels) that are never observed, with the reason the deployment fails with when
     * {@code bulwark.observe} names one.
     */
    static final Map<String, String> NEVER = Map.ofEntries(
            Map.entry("authentication", "authentication is always enforced: every later decision depends on who the"
                    + " caller is (the bearer token policy, API keys, the container's own authentication and"
                    + " signature checks)"),
            Map.entry("bearer-token", "the bearer token policy is authentication, always enforced"),
            Map.entry("token-policy", "the bearer token policy is authentication, always enforced"),
            Map.entry("jwt", "the bearer token policy is authentication, always enforced"),
            Map.entry("api-key", "API keys are authentication, always enforced (their own rate limit is observed"
                    + " with rate-limit)"),
            Map.entry("private-headers", "a client's WebSphere plug-in private headers would make the server believe a"
                    + " forged client address and TLS: always refused"),
            Map.entry("method", "method hygiene (unknown methods, method overrides) decides which method the"
                    + " application runs: always enforced"),
            Map.entry("exposure", "a response exposure allow-list decides what data leaves: a field it removes"
                    + " cannot be observed without sending it"),
            Map.entry("response-fields", "a response exposure allow-list decides what data leaves: a field it"
                    + " removes cannot be observed without sending it"));

    private final List<Phase> phases;

    ObservedControl(Phase... phases) {
        this.phases = List.of(phases);
    }

    /** The steps of this control. */
    public List<Phase> phases() {
        return phases;
    }

    /** Its name in {@code bulwark.observe}, the metric tag and the access event: {@code rate-limit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The control that a step belongs to, or null when the step is never observed. */
    public static ObservedControl of(Phase phase) {
        for (ObservedControl control : values()) {
            if (control.phases.contains(phase)) {
                return control;
            }
        }
        return null;
    }

    /** The control of a name as {@code bulwark.observe} lists it, or null. */
    static ObservedControl named(String name) {
        for (ObservedControl control : values()) {
            if (control.label().equals(name)) {
                return control;
            }
        }
        return null;
    }
}
