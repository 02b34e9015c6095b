package dev.bulwark.internal.exposure.egress;

import dev.bulwark.api.EgressAllowed;
import java.util.Set;

/**
 * The egress check's settings.
 *
 * @param action    what a hit does
 * @param kinds     the kinds looked for
 * @param maxBuffer with {@code action=problem}, how many bytes (characters, for a writer) of a response are held
 *                  back; past them the response goes out and later hits are redacted
 */
public record EgressSettings(EgressAction action, Set<EgressAllowed.Kind> kinds, int maxBuffer) {

    public EgressSettings {
        kinds = Set.copyOf(kinds);
    }
}
