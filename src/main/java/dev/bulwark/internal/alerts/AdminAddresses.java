package dev.bulwark.internal.alerts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client addresses (their {@link AddressKey}) each subject made privileged calls from, each with when it last
 * did: a privileged call from an address the subject has not used for one within {@code memoryMillis} is an alert,
 * once the subject's first privileged call is {@code learningMillis} old (its very first call is never one), and at
 * most one per subject within {@code windowMillis} (the address is remembered either way, so a repeat raises
 * nothing). At most {@code maxKeys} subjects and {@code maxAddresses} addresses per subject, the least recently used
 * forgotten first. Not thread-safe: the audit writer's thread only.
 */
final class AdminAddresses {

    private final long memoryMillis;
    private final long learningMillis;
    private final int maxAddresses;
    private final long windowMillis;
    private final Map<String, Places> subjects;

    private static final class Places {
        final long firstCall;
        /** address key -> last privileged call from it, least recent first. */
        final LinkedHashMap<String, Long> addresses = new LinkedHashMap<>();
        long alertedAt = Long.MIN_VALUE;

        Places(long firstCall) {
            this.firstCall = firstCall;
        }
    }

    AdminAddresses(long memoryMillis, long learningMillis, int maxAddresses, long windowMillis, int maxKeys) {
        this.memoryMillis = memoryMillis;
        this.learningMillis = learningMillis;
        this.maxAddresses = maxAddresses;
        this.windowMillis = windowMillis;
        this.subjects = LruMap.of(maxKeys);
    }

    /** Notes a privileged call; true when its address is new to the subject and an alert is due. */
    boolean call(String subject, String address, long now) {
        Places p = subjects.get(subject);
        if (p == null) {
            p = new Places(now);
            p.addresses.put(address, now);
            subjects.put(subject, p);
            return false; // its first privileged call ever (as far as this server remembers)
        }
        Long last = p.addresses.remove(address);
        p.addresses.put(address, now);
        for (Iterator<Long> it = p.addresses.values().iterator(); it.hasNext(); ) {
            long seen = it.next();
            if (now - seen < memoryMillis && p.addresses.size() <= maxAddresses) {
                break;
            }
            it.remove(); // not used for a privileged call within the memory, or beyond the bound
        }
        boolean known = last != null && now - last < memoryMillis;
        if (known || now - p.firstCall < learningMillis) {
            return false;
        }
        if (p.alertedAt != Long.MIN_VALUE && now - p.alertedAt < windowMillis) {
            return false;
        }
        p.alertedAt = now;
        return true;
    }

    int keys() {
        return subjects.size();
    }

    /** The addresses remembered for a subject. */
    int remembered(String subject) {
        Places p = subjects.get(subject);
        return p == null ? 0 : p.addresses.size();
    }
}
