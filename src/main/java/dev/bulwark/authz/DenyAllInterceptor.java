package dev.bulwark.authz;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.interceptor.Interceptor;

/**
 * Enforces {@code @DenyAll} on CDI beans ({@link BeanAccessCheck}). {@code DenyAll} becomes an interceptor binding
 * through {@code BulwarkExtension}, which also registers this class.
 */
@Interceptor
@DenyAll
@Priority(Interceptor.Priority.PLATFORM_AFTER + 5)
public class DenyAllInterceptor extends BeanAccessCheck {
}
