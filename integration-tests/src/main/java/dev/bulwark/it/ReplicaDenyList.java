package dev.bulwark.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A deny-list the application keeps for a purpose of its own, under a qualifier of its own: it is not the token
 * gate's. Bulwark still adds its default deny-list for the gate, which JwtAttacksIT's revocation uses (before round
 * 11 a bean like this one kept Bulwark from adding it, and the JAX-RS application failed to start). It keeps its
 * entries as {@link DependentDenyList} does, whose class is a bean only where a deployment asks for it.
 */
@ApplicationScoped
@ReplicaDenyList.Replica
public class ReplicaDenyList extends DependentDenyList {

    /** The qualifier of the application's own deny-list. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
    public @interface Replica {
    }
}
