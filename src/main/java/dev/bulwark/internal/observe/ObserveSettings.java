package dev.bulwark.internal.observe;

import dev.bulwark.internal.pipeline.Phase;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which controls only observe ({@code bulwark.observe}): their steps decide and record what they would refuse, and
 * let the request through. Empty, the default: every control enforces.
 *
 * @param controls the observed controls
 */
public record ObserveSettings(Set<ObservedControl> controls) {

    /** Every control enforces. */
    public static final ObserveSettings NONE = new ObserveSettings(Set.of());

    public ObserveSettings {
        controls = controls.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(controls));
    }

    /** True when a step of this phase only observes. */
    public boolean observes(Phase phase) {
        if (controls.isEmpty()) {
            return false; // the default: asked several times per request, answered without a search
        }
        ObservedControl control = ObservedControl.of(phase);
        return control != null && controls.contains(control);
    }

    /** True when any control only observes. */
    public boolean any() {
        return !controls.isEmpty();
    }

    /** The observed controls' names, in the table's order. */
    public List<String> names() {
        return controls.stream().sorted().map(ObservedControl::label).toList();
    }

    /** The WARN line of every start, or null when nothing is observed. */
    public String warning() {
        return !any() ? null : "Bulwark OBSERVE MODE: enforcement is OFF for " + String.join(", ", names())
                + " (bulwark.observe): their refusals are only recorded (access event bulwark.observed, metric"
                + " bulwark_observed_refusals_total) and the requests go on to the application";
    }
}
