package dev.bulwark.internal.cdi;

import dev.bulwark.api.RequiresScopes;
import dev.bulwark.internal.auth.RawToken;
import dev.bulwark.internal.auth.TokenRejected;
import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.authz.BeanAccess;
import dev.bulwark.internal.authz.Scopes;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.List;
import java.util.Map;

/**
 * {@link RequiresScopes} on CDI bean methods (a service layer called from several resources): the scopes of the
 * current caller's token, after the whole token policy, must satisfy the method's policy. Registered by
 * {@link BulwarkExtension} and enabled for the whole application by its priority.
 */
@Interceptor
@RequiresScopes
@Priority(Phase.Priorities.BEAN_SCOPES)
public class RequiresScopesInterceptor extends BulwarkInterceptor {

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        EndpointPolicy policy = policy(invocation);
        AccessRule rule = policy == null ? null : policy.get(AccessRule.class);
        if (rule != null && rule.needsScopes()) {
            RawToken token;
            try {
                token = token();
            } catch (TokenRejected e) {
                throw new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), "bearer token refused: "
                        + e.getMessage(), Map.of(dev.bulwark.internal.auth.BearerChallenges.HEADER,
                                dev.bulwark.internal.auth.BearerChallenges.INVALID_TOKEN));
            }
            RawToken caller = token;
            enforce(Phase.BEAN_SCOPES, () -> BeanAccess.enforceScopes(rule, policy.site().name(), caller == null
                    ? null : Scopes.of(caller.claims(), extension.config().authz().scopeClaim())));
        }
        return invocation.proceed();
    }
}
