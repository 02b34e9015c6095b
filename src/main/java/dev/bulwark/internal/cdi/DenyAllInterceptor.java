package dev.bulwark.internal.cdi;

import dev.bulwark.internal.pipeline.Phase;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.interceptor.Interceptor;

/**
 * Enforces {@code @DenyAll} on CDI beans ({@link AccessInterceptor}). {@code DenyAll} becomes an interceptor binding
 * through {@link BulwarkExtension}, which also registers this class.
 */
@Interceptor
@DenyAll
@Priority(Phase.Priorities.BEAN_ACCESS)
public class DenyAllInterceptor extends AccessInterceptor {
}
