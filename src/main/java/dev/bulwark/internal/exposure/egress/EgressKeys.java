package dev.bulwark.internal.exposure.egress;

import dev.bulwark.api.EgressAllowed;
import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import java.util.EnumSet;
import java.util.List;

/** The keys of the egress check ({@code bulwark.exposure.egress.*}). */
public final class EgressKeys implements ConfigConcern<EgressSettings> {

    public static final Key<EgressAction> ACTION = new Key<>("bulwark.exposure.egress.action",
            Parsers.enumOf(EgressAction.class), "REDACT",
            "What a secret-shaped string in an outgoing JSON response does (see docs/data-exposure.md, Egress check):"
                    + " `REDACT` replaces the string with `\"" + ResponseScan.MARKER + "\"`, `PROBLEM` replaces the"
                    + " whole response with the generic 500 problem (the body is held back up to"
                    + " `bulwark.exposure.egress.max-buffer`), `LOG` only logs it, `OFF` checks nothing. Each hit is"
                    + " one WARN line of logger `dev.bulwark.exposure`, never with the value.",
            "PROBLEM");

    public static final Key<List<EgressAllowed.Kind>> KINDS = new Key<>("bulwark.exposure.egress.kinds",
            Parsers.listOf(Parsers.enumOf(EgressAllowed.Kind.class), "kinds"),
            "TOKEN, PRIVATE_KEY, API_KEY, CARD_NUMBER, STACK_TRACE, SQL_ERROR",
            "The kinds of value the egress check looks for. An endpoint that must return one (a token endpoint)"
                    + " names it in `@EgressAllowed` instead of taking it off this list.",
            "PRIVATE_KEY, API_KEY, CARD_NUMBER");

    public static final Key<Integer> MAX_BUFFER = new Key<>("bulwark.exposure.egress.max-buffer",
            Parsers.intRange(1024, 64 * 1024 * 1024), "262144",
            "With `action=PROBLEM`: how many bytes of a JSON response (characters, when written through a writer)"
                    + " are held back before anything is sent, so that a hit can still replace the whole response."
                    + " A larger response sends what was held once it outgrows the buffer, and hits after that are"
                    + " redacted instead.",
            "1048576");

    public static final EgressKeys CONCERN = new EgressKeys();

    private EgressKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(ACTION, KINDS, MAX_BUFFER);
    }

    @Override
    public EgressSettings read(ConfigReader reader) {
        List<EgressAllowed.Kind> kinds = reader.get(KINDS);
        return new EgressSettings(reader.get(ACTION), kinds.isEmpty() ? EnumSet.noneOf(EgressAllowed.Kind.class)
                : EnumSet.copyOf(kinds), reader.get(MAX_BUFFER));
    }
}
