package dev.bulwark.internal.alerts;

import java.util.Map;
import java.util.Set;

/**
 * The routes and roles each subject has used successfully, learnt over its first {@code learning} period: after it,
 * a route or role it never used is a novelty (one alert, and at most one per subject within {@code windowMillis};
 * the novelty is learnt either way, so a repeat raises nothing). A subject first seen (or forgotten and seen again)
 * is learning, never alerting: its first calls are no novelty. At most {@code maxKeys} subjects and
 * {@code maxRoutes} routes (and as many roles) per subject, the least recently used forgotten first. Not
 * thread-safe: the audit writer's thread only.
 */
final class NewAccess {

    private final long learningMillis;
    private final int maxRoutes;
    private final long windowMillis;
    private final Map<String, History> subjects;

    private static final class History {
        final long firstSeen;
        /** Route templates, least recently used first (the deployment's own strings: no copy per subject). */
        final Map<String, Boolean> routes;
        final Map<String, Boolean> roles;
        long alertedAt = Long.MIN_VALUE;

        History(long firstSeen, int maxRoutes) {
            this.firstSeen = firstSeen;
            this.routes = LruMap.of(maxRoutes);
            this.roles = LruMap.of(maxRoutes);
        }
    }

    NewAccess(long learningMillis, int maxRoutes, long windowMillis, int maxKeys) {
        this.learningMillis = learningMillis;
        this.maxRoutes = maxRoutes;
        this.windowMillis = windowMillis;
        this.subjects = LruMap.of(maxKeys);
    }

    /**
     * Notes a subject's successful call: of a sensitive route (null for any other route: the call only starts the
     * subject's learning period when it is its first) with the sensitive roles it used. True when the subject's
     * history is established, the route or one of the roles is new to it, and no alert was raised for the subject
     * within the window.
     */
    boolean use(String subject, String route, Set<String> roles, long now) {
        History h = subjects.computeIfAbsent(subject, k -> new History(now, maxRoutes));
        boolean novel = route != null && h.routes.put(route, Boolean.TRUE) == null;
        for (String role : roles) {
            novel |= h.roles.put(role, Boolean.TRUE) == null;
        }
        if (!novel || now - h.firstSeen < learningMillis) {
            return false;
        }
        if (h.alertedAt != Long.MIN_VALUE && now - h.alertedAt < windowMillis) {
            return false;
        }
        h.alertedAt = now;
        return true;
    }

    int keys() {
        return subjects.size();
    }

    /** The routes and roles remembered for a subject. */
    int remembered(String subject) {
        History h = subjects.get(subject);
        return h == null ? 0 : h.routes.size() + h.roles.size();
    }
}
