package dev.bulwark.internal.cdi;

import dev.bulwark.internal.authz.AccessRule;
import dev.bulwark.internal.authz.BeanAccess;
import dev.bulwark.internal.pipeline.EndpointPolicy;
import dev.bulwark.internal.pipeline.Phase;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * {@code @RolesAllowed} and {@code @DenyAll} on CDI bean methods, from the method's policy in the deployment's
 * endpoint model. Methods of JAX-RS resource classes are left to the JAX-RS filters, which have already decided.
 */
public abstract class AccessInterceptor extends BulwarkInterceptor {

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        EndpointPolicy policy = policy(invocation);
        AccessRule rule = policy == null ? null : policy.get(AccessRule.class);
        if (rule != null) {
            enforce(Phase.BEAN_ACCESS, () -> BeanAccess.enforceRoles(rule, policy.site().name(), caller(),
                    extension.config().jwt().inUse()));
        }
        return invocation.proceed();
    }
}
