package dev.bulwark.authz;

import dev.bulwark.api.RequiresScopes;
import dev.bulwark.auth.RawToken;
import dev.bulwark.auth.TokenRejected;
import dev.bulwark.cdi.BulwarkExtension;
import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
                throw new ProblemException(ProblemKind.FORBIDDEN, 403, List.of(), "insufficient scope for "
                        + invocation.getMethod().getDeclaringClass().getName() + "#" + invocation.getMethod().getName(),
                        Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
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

    /** The scopes of the verified token of the current request; no token is a 401. */
    private static Set<String> currentScopes() {
        Instance<JsonWebToken> tokens = CDI.current().select(JsonWebToken.class);
        String raw = null;
        if (tokens.isResolvable()) {
            try {
                raw = tokens.get().getRawToken();
            } catch (RuntimeException e) {
                raw = null;
            }
        }
        if (raw == null) {
            throw new ProblemException(ProblemKind.UNAUTHORIZED, 401, List.of(), "no verified token for a scoped call",
                    Map.of("WWW-Authenticate", "Bearer realm=\"MP-JWT\", error=\"invalid_token\""));
        }
        try {
            String claim = CDI.current().getBeanManager().getExtension(BulwarkExtension.class).config().authz()
                    .scopeClaim();
            return Scopes.of(RawToken.parse(raw).claims(), claim);
        } catch (TokenRejected e) {
            throw new ProblemException(ProblemKind.UNAUTHORIZED, 401, List.of(), e.getMessage(),
                    Map.of("WWW-Authenticate", "Bearer realm=\"MP-JWT\", error=\"invalid_token\""));
        }
    }
}
