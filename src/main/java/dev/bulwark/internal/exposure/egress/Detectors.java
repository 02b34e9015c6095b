package dev.bulwark.internal.exposure.egress;

import dev.bulwark.api.EgressAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The detectors of the configured kinds, in a fixed order, with the cheap gates in front of them: a string shorter
 * than every detector's minimum, or holding none of the character classes a detector needs, is never read again.
 * Immutable; one per deployment.
 */
final class Detectors {

    private final Detector[] detectors;
    private final EgressAllowed.Kind[] kinds;
    private final int minLength;

    Detectors(Set<EgressAllowed.Kind> enabled) {
        List<Detector> list = new ArrayList<>();
        List<EgressAllowed.Kind> kindList = new ArrayList<>();
        add(list, kindList, enabled, EgressAllowed.Kind.PRIVATE_KEY, new PemPrivateKeyDetector());
        add(list, kindList, enabled, EgressAllowed.Kind.TOKEN, new JoseDetector());
        add(list, kindList, enabled, EgressAllowed.Kind.API_KEY, new AccessKeyDetector());
        add(list, kindList, enabled, EgressAllowed.Kind.CARD_NUMBER, new CardNumberDetector());
        add(list, kindList, enabled, EgressAllowed.Kind.STACK_TRACE, new StackTraceDetector());
        add(list, kindList, enabled, EgressAllowed.Kind.SQL_ERROR, new SqlErrorDetector());
        this.detectors = list.toArray(Detector[]::new);
        this.kinds = kindList.toArray(EgressAllowed.Kind[]::new);
        this.minLength = list.stream().mapToInt(Detector::minLength).min().orElse(Integer.MAX_VALUE);
    }

    /** Every kind. */
    static Detectors all() {
        return new Detectors(EnumSet.allOf(EgressAllowed.Kind.class));
    }

    private static void add(List<Detector> list, List<EgressAllowed.Kind> kindList, Set<EgressAllowed.Kind> enabled,
                            EgressAllowed.Kind kind, Detector detector) {
        if (enabled.contains(kind)) {
            list.add(detector);
            kindList.add(kind);
        }
    }

    /** The shortest string any detector can hit. */
    int minLength() {
        return minLength;
    }

    /**
     * What the string holds, or null.
     *
     * @param classes the {@link Chars} class bits of the string
     * @param allowed the kinds the endpoint may return (bits by {@link EgressAllowed.Kind#ordinal()}), not looked for
     */
    SecretShape find(char[] text, int length, int classes, int allowed) {
        if (length < minLength) {
            return null;
        }
        for (int d = 0; d < detectors.length; d++) {
            Detector detector = detectors[d];
            if ((classes & detector.needs()) != 0 && length >= detector.minLength()
                    && (allowed & (1 << kinds[d].ordinal())) == 0) {
                SecretShape shape = detector.find(text, length);
                if (shape != null) {
                    return shape;
                }
            }
        }
        return null;
    }

    /** The bits of a set of kinds, as {@link #find} takes them. */
    static int mask(Set<EgressAllowed.Kind> kinds) {
        int mask = 0;
        for (EgressAllowed.Kind k : kinds) {
            mask |= 1 << k.ordinal();
        }
        return mask;
    }
}
