package dev.bulwark.internal.cdi;

import dev.bulwark.internal.pipeline.Phase;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.Interceptor;

/**
 * Enforces {@code @RolesAllowed} on CDI beans ({@link AccessInterceptor}). {@code RolesAllowed} becomes an
 * interceptor binding (its value non-binding) through {@link BulwarkExtension}, which also registers this class.
 */
@Interceptor
@RolesAllowed({})
@Priority(Phase.Priorities.BEAN_ACCESS)
public class RolesAllowedInterceptor extends AccessInterceptor {
}
