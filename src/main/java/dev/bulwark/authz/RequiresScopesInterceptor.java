package dev.bulwark.authz;

import dev.bulwark.api.RequiresScopes;
import dev.bulwark.auth.RawToken;
import dev.bulwark.auth.TokenRejected;
import dev.bulwark.cdi.BulwarkExtension;
import dev.bulwark.cdi.CallerTokens;
import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RequiresScopes} on CDI bean methods (a service layer called from several resources): the scopes of the
 * current request's verified token must satisfy the annotation of the method, else of its class. Registered by
 * {@link BulwarkExtension} and enabled for the whole application by its priority.
 */
@Interceptor
@RequiresScopes
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class RequiresScopesInterceptor {

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        RequiresScopes required = annotation(invocation);
        if (required != null) {
            Set<String> has = currentScopes();
            if (!Scopes.satisfied(has, List.of(required.value()), List.of(required.anyOf()))) {
                throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), "insufficient scope for "
                        + invocation.getMethod().getDeclaringClass().getName() + "#" + invocation.getMethod().getName(),
                        Map.of(dev.bulwark.auth.BearerChallenges.HEADER, dev.bulwark.auth.BearerChallenges.insufficientScope(
                                java.util.stream.Stream.concat(java.util.Arrays.stream(required.value()),
                                        java.util.Arrays.stream(required.anyOf())).toList())));
            }
        }
        return invocation.proceed();
    }

    private static RequiresScopes annotation(InvocationContext invocation) {
        Method m = invocation.getMethod();
        if (m.isAnnotationPresent(RequiresScopes.class)) {
            return m.getAnnotation(RequiresScopes.class);
        }
        for (Class<?> c = m.getDeclaringClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(RequiresScopes.class)) {
                return c.getAnnotation(RequiresScopes.class);
            }
        }
        return null;
    }

    /** The scopes of the current caller's token after the whole token policy; no or a refused token is a 401. */
    private static Set<String> currentScopes() {
        RawToken token;
        try {
            token = CallerTokens.current();
        } catch (TokenRejected e) {
            throw unauthorized("bearer token refused: " + e.getMessage());
        }
        if (token == null) {
            throw unauthorized("no verified token for a scoped call");
        }
        String claim = BulwarkExtension.current().config().authz().scopeClaim();
        return Scopes.of(token.claims(), claim);
    }

    private static ProblemException unauthorized(String reason) {
        return new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), reason,
                Map.of(dev.bulwark.auth.BearerChallenges.HEADER, dev.bulwark.auth.BearerChallenges.INVALID_TOKEN));
    }
}
