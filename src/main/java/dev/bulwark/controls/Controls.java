package dev.bulwark.controls;

import dev.bulwark.authz.AccessResolver;
import dev.bulwark.headers.SecurityHeaderOverrides;
import dev.bulwark.pipeline.PolicyResolver;
import dev.bulwark.ratelimit.RateLimitResolver;
import dev.bulwark.ratelimit.RateLimitSettings;
import dev.bulwark.ratelimit.RatePolicy;
import dev.bulwark.validation.JsonBodyRules;
import dev.bulwark.validation.TypeShapes;
import dev.bulwark.validation.ValidationSettings;
import java.util.List;

/**
 * The controls of a deployment, built from its validated configuration: the one list of endpoint-level concerns
 * whose resolvers make each endpoint's policy (in the order the inventory shows them). The order in which the
 * steps run is {@link dev.bulwark.pipeline.Phase}. A new endpoint-level control adds its resolver here.
 */
public final class Controls {

    private final List<PolicyResolver<?>> resolvers;

    public Controls(BulwarkConfig config) {
        RateLimitSettings rl = config.rateLimiting();
        ValidationSettings validation = config.validation();
        this.resolvers = List.of(
                new AccessResolver(),
                new RateLimitResolver(rl.anonymous() == null ? null : RatePolicy.parse("default", rl.anonymous()),
                        rl.authenticated() == null ? null : RatePolicy.parse("default", rl.authenticated())),
                new JsonBodyRules(validation.limits(), new TypeShapes(validation.rejectUnknownProperties(),
                        validation.rejectMismatchedTypes())),
                new SecurityHeaderOverrides());
    }

    /** The resolvers of the endpoint-level concerns, in inventory order. */
    public List<PolicyResolver<?>> resolvers() {
        return resolvers;
    }
}
