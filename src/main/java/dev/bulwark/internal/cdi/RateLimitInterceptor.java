package dev.bulwark.internal.cdi;

import dev.bulwark.api.RateLimit;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenRejected;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import dev.bulwark.internal.ratelimit.Caller;
import dev.bulwark.internal.ratelimit.Limiter;
import dev.bulwark.internal.ratelimit.RateLimitPolicy;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@link RateLimit} on CDI bean methods: every call is counted per method (or group) and key, over the same store
 * as the JAX-RS endpoints; over the limit the call throws the 429 problem. JAX-RS resource classes are left to the
 * JAX-RS filter, so a request is never counted twice.
 */
@Interceptor
@RateLimit(rate = "1/1s")
@Priority(Phase.Priorities.BEAN_RATE_LIMIT)
public class RateLimitInterceptor extends BulwarkInterceptor {

    @AroundInvoke
    public Object count(InvocationContext invocation) throws Exception {
        if (extension.config().rateLimiting().enabled()) {
            EndpointPolicy policy = policy(invocation);
            RateLimitPolicy limits = policy == null ? null : policy.get(RateLimitPolicy.class);
            if (limits != null) {
                enforce(Phase.BEAN_RATE_LIMIT, () -> extension.limiter().check(limits.limitsFor(false), facts()));
            }
        }
        return invocation.proceed();
    }

    private Limiter.Facts facts() {
        HttpServletRequest request = request();
        String address = request == null ? "local" : Caller.of(request::getAttribute, request.getRemoteAddr())
                .clientAddress();
        return new Limiter.Facts(address, subject(), name -> request == null ? null : request.getHeader(name));
    }

    private String subject() {
        try {
            RawToken token = token();
            return token == null ? null : Limiter.subject(token.claims());
        } catch (TokenRejected e) {
            return null; // an out-of-policy token identifies nobody: counted by client address
        }
    }
}
