package dev.bulwark.authz;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.Interceptor;

/**
 * Enforces {@code @RolesAllowed} on CDI beans ({@link BeanAccessCheck}). {@code RolesAllowed} becomes an
 * interceptor binding (its value non-binding) through {@code BulwarkExtension}, which also registers this class.
 */
@Interceptor
@RolesAllowed({})
@Priority(Interceptor.Priority.PLATFORM_AFTER + 5)
public class RolesAllowedInterceptor extends BeanAccessCheck {
}
