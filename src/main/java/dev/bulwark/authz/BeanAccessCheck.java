package dev.bulwark.authz;

import dev.bulwark.auth.RawToken;
import dev.bulwark.cdi.BulwarkExtension;
import dev.bulwark.errors.ProblemException;
import dev.bulwark.errors.ProblemKind;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code @RolesAllowed} and {@code @DenyAll} on CDI bean methods (a service layer called from several resources).
 * Only EJB containers read these annotations on beans; for a CDI bean nothing would enforce them, so Bulwark does,
 * with the same rule and the same caller as its JAX-RS role check: the groups of the token it verified for the
 * current request, else the container's role check for a caller authenticated otherwise. Methods of JAX-RS
 * resource classes are left to the JAX-RS filters, which have already decided.
 */
public abstract class BeanAccessCheck {

    /** The rule of each method of each bean class, worked out once. */
    private final Map<Class<?>, Map<Method, AccessRule>> rules = new ConcurrentHashMap<>();

    @AroundInvoke
    public Object check(InvocationContext invocation) throws Exception {
        Object target = invocation.getTarget();
        Class<?> type = target == null ? invocation.getMethod().getDeclaringClass() : target.getClass();
        if (!isResource(type)) {
            Method method = invocation.getMethod();
            AccessRule rule = rules.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                    .computeIfAbsent(method, m -> AccessRule.ofBean(type, m));
            enforce(rule, method.getDeclaringClass().getName() + "#" + method.getName());
        }
        return invocation.proceed();
    }

    private static void enforce(AccessRule rule, String what) {
        if (rule.denyAll()) {
            throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), what + " is @DenyAll");
        }
        if (rule.roles().isEmpty()) {
            return; // @PermitAll on the method replaces the class's roles
        }
        HttpServletRequest request = currentRequest();
        Object token = request == null ? null : request.getAttribute(dev.bulwark.auth.TokenGate.VERIFIED_TOKEN);
        Principal principal = request == null ? null : request.getUserPrincipal();
        boolean tokenPolicyInUse = CDI.current().getBeanManager().getExtension(BulwarkExtension.class).config().jwt()
                .inUse();
        Roles.Outcome outcome = Roles.decide(rule.roles(), token instanceof RawToken raw ? raw.claims() : null,
                principal, role -> request != null && request.isUserInRole(role), tokenPolicyInUse);
        if (outcome == Roles.Outcome.UNAUTHENTICATED) {
            boolean credentials = request != null && request.getHeader("Authorization") != null;
            throw new ProblemException(ProblemKind.UNAUTHORIZED, List.of(), "no authenticated caller for "
                    + what, Map.of(dev.bulwark.auth.BearerChallenges.HEADER, credentials ? dev.bulwark.auth.BearerChallenges.INVALID_TOKEN
                            : dev.bulwark.auth.BearerChallenges.NO_CREDENTIALS));
        }
        if (outcome == Roles.Outcome.FORBIDDEN) {
            throw new ProblemException(ProblemKind.FORBIDDEN, List.of(), "the caller has none of the roles "
                    + rule.roles().stream().sorted().toList() + " of " + what);
        }
    }

    private static boolean isResource(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return true;
            }
            for (Class<?> i : c.getInterfaces()) {
                if (i.isAnnotationPresent(Path.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The HTTP request being served on this thread, or null outside a request. */
    private static HttpServletRequest currentRequest() {
        try {
            Instance<HttpServletRequest> r = CDI.current().select(HttpServletRequest.class);
            if (!r.isResolvable()) {
                return null;
            }
            HttpServletRequest request = r.get();
            request.getMethod(); // outside a request the built-in bean cannot be used
            return request;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
