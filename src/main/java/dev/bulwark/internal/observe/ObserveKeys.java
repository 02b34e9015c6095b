package dev.bulwark.internal.observe;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.logging.SafeLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The key of observe mode ({@code bulwark.observe}). */
public final class ObserveKeys implements ConfigConcern<ObserveSettings> {

    /** The name that observes every control that can be observed. */
    public static final String ALL = "all";

    public static final Key<List<String>> OBSERVE = new Key<>("bulwark.observe",
            Parsers.listOf(Parsers.text(), "control names"), "",
            "Observe mode for a safe roll-out: the listed controls decide as usual, but a request they would refuse"
                    + " goes on to the application; the would-refusal is recorded in the access event"
                    + " (`bulwark.observed`) and counted in `bulwark_observed_refusals_total`. Names: "
                    + String.join(", ", Arrays.stream(ObservedControl.values()).map(c -> "`" + c.label() + "`")
                    .toList()) + ", or `" + ALL + "` for all of them. Authentication (bearer tokens, API keys,"
                    + " the container's), private headers, method hygiene and the response exposure allow-lists are"
                    + " never observed: naming one fails the deployment. Empty: every control enforces. A WARNING"
                    + " at every start lists what is observed. See [audit.md](audit.md#roll-out-with-observe-mode).",
            "rate-limit, authorization");

    public static final ObserveKeys CONCERN = new ObserveKeys();

    private ObserveKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(OBSERVE);
    }

    @Override
    public ObserveSettings read(ConfigReader reader) {
        List<String> names = reader.get(OBSERVE);
        if (names == null || names.isEmpty()) {
            return ObserveSettings.NONE;
        }
        Set<ObservedControl> controls = EnumSet.noneOf(ObservedControl.class);
        List<String> known = new ArrayList<>(Arrays.stream(ObservedControl.values()).map(ObservedControl::label)
                .toList());
        known.add(ALL);
        for (String raw : names) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            ObservedControl control = ObservedControl.named(name);
            if (control != null) {
                controls.add(control);
            } else if (ALL.equals(name)) {
                controls.addAll(EnumSet.allOf(ObservedControl.class));
            } else if (ObservedControl.NEVER.containsKey(name)) {
                reader.problem(OBSERVE, "cannot observe '" + name + "': " + ObservedControl.NEVER.get(name),
                        "a comma-separated list of " + String.join(", ", known));
            } else {
                reader.problem(OBSERVE, "unknown control '" + SafeLog.printable(raw.strip(), 40) + "'",
                        "a comma-separated list of " + String.join(", ", known));
            }
        }
        return new ObserveSettings(controls);
    }
}
