package dev.bulwark.ratelimit;

import dev.bulwark.api.RateLimit;
import dev.bulwark.auth.RawToken;
import dev.bulwark.auth.TokenRejected;
import dev.bulwark.cdi.BulwarkExtension;
import dev.bulwark.transport.TransportAttributes;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@link RateLimit} on CDI bean methods: every call is counted per method (or group) and key, over the same
 * store as the JAX-RS endpoints; over the limit the call throws the 429 problem. JAX-RS resource classes are
 * left to the JAX-RS filter, so a request is never counted twice.
 */
@Interceptor
@RateLimit(rate = "1/1s")
@Priority(Interceptor.Priority.PLATFORM_AFTER + 20)
public class RateLimitInterceptor {

    /** Each method's limits, read from its annotations once rather than on every call. */
    private final java.util.concurrent.ConcurrentHashMap<Method, java.util.Optional<List<Limit>>> limitsByMethod =
            new java.util.concurrent.ConcurrentHashMap<>();

    @AroundInvoke
    public Object count(InvocationContext invocation) throws Exception {
        Method method = invocation.getMethod();
        Class<?> type = method.getDeclaringClass();
        if (!isResource(invocation)) {
            BulwarkExtension extension = CDI.current().getBeanManager().getExtension(BulwarkExtension.class);
            if (extension.config().rateLimiting().enabled()) {
                java.util.Optional<List<Limit>> limits = limitsByMethod.computeIfAbsent(method,
                        m -> java.util.Optional.ofNullable(EndpointLimits.annotated(type, m)));
                if (limits.isPresent()) {
                    extension.limiter().check(limits.get(), facts());
                }
            }
        }
        return invocation.proceed();
    }

    private static boolean isResource(InvocationContext invocation) {
        Object target = invocation.getTarget();
        for (Class<?> c = target == null ? null : target.getClass(); c != null && c != Object.class;
             c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return true;
            }
        }
        return invocation.getMethod().getDeclaringClass().isAnnotationPresent(Path.class);
    }

    private static Limiter.Facts facts() {
        HttpServletRequest request = null;
        try {
            Instance<HttpServletRequest> r = CDI.current().select(HttpServletRequest.class);
            request = r.isResolvable() ? r.get() : null;
            if (request != null) {
                request.getMethod(); // outside a request the built-in bean cannot be used
            }
        } catch (RuntimeException e) {
            request = null;
        }
        Object address = request == null ? null : request.getAttribute(TransportAttributes.CLIENT_ADDRESS);
        HttpServletRequest current = request;
        return new Limiter.Facts(address instanceof String s ? s : "local", subject(),
                name -> current == null ? null : current.getHeader(name));
    }

    private static String subject() {
        try {
            RawToken token = dev.bulwark.cdi.CallerTokens.current();
            return token == null ? null : Limiter.subject(token.claims());
        } catch (TokenRejected e) {
            return null; // an out-of-policy token identifies nobody: counted by client address
        }
    }
}
