package dev.bulwark.internal.pipeline;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The policies of a deployment's endpoints, built once: every site runs through every concern's resolver, and
 * all problems are collected in one list so that one deployment attempt names every bad annotation. Looked up by
 * the class and the method as the runtime sees them.
 */
public final class EndpointModel {

    private record Key(Class<?> type, Method method) {
    }

    private final List<EndpointPolicy> policies;
    private final Map<Key, EndpointPolicy> byMethod;
    private final List<String> problems;

    private EndpointModel(List<EndpointPolicy> policies, List<String> problems) {
        this.policies = List.copyOf(policies);
        Map<Key, EndpointPolicy> index = new LinkedHashMap<>();
        // a method reached by several paths (two applications, a sub-resource locator) has one policy: its site's
        // path differs, never what its annotations say
        policies.forEach(p -> index.putIfAbsent(new Key(p.site().type(), p.site().method()), p));
        this.byMethod = Collections.unmodifiableMap(index);
        this.problems = problems;
    }

    /** The deployment problems found while building; empty when every annotation is valid. */
    public List<String> problems() {
        return problems;
    }

    /** Every policy, one per site, in the order the sites were added. */
    public List<EndpointPolicy> policies() {
        return policies;
    }

    /**
     * The policy of exactly this class's method, or null: a subclass the model does not hold is its own endpoint,
     * never given its parent's policy. (A class the container made of an application class is looked up as that
     * class: {@link EndpointSite#userClass}.)
     */
    public EndpointPolicy exact(Class<?> type, Method method) {
        return byMethod.get(new Key(type, method));
    }

    /** Builds a model from sites with the concerns' resolvers, in the order given. */
    public static EndpointModel build(List<? extends PolicyResolver<?>> resolvers, List<EndpointSite> sites) {
        List<EndpointPolicy> policies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        PolicyResolver.Problems collector = (site, annotation, problem) -> problems.add(message(site, annotation,
                problem));
        for (EndpointSite site : sites) {
            Map<Class<?>, PolicyPart> parts = new LinkedHashMap<>();
            Map<String, String> described = new LinkedHashMap<>();
            for (PolicyResolver<?> resolver : resolvers) {
                PolicyPart part;
                try {
                    part = resolver.resolve(site, collector);
                } catch (RuntimeException e) {
                    // a resolver that fails is a deployment problem too, never a 500 at the first request
                    problems.add(site.name() + ": " + resolver.label() + " could not be resolved: " + e);
                    continue;
                }
                if (part != null) {
                    parts.put(resolver.part(), part);
                    String text = part.describe();
                    if (text != null && !text.isEmpty()) {
                        described.put(resolver.label(), text);
                    }
                }
            }
            policies.add(new EndpointPolicy(site, parts, described));
        }
        return new EndpointModel(policies, List.copyOf(new LinkedHashSet<>(problems)));
    }

    /** "@RateLimit on com.example.Orders#create: rate 'x' is not count/duration such as 100/1m". */
    static String message(EndpointSite site, Class<? extends Annotation> annotation, String problem) {
        return "@" + annotation.getSimpleName() + " on " + site.where(annotation) + ": " + problem;
    }
}
