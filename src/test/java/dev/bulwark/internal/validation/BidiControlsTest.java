package dev.bulwark.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.internal.validation.BidiControls.Fault;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BidiControlsTest {

    static final String FSI = "\u2068";
    static final String LRI = "\u2066";
    static final String RLI = "\u2067";
    static final String PDI = "\u2069";
    static final String SARAH_HE = "\u05e9\u05e8\u05d4";
    static final String SARAH_AR = "\u0633\u0627\u0631\u0629";

    /**
     * What message formatters write: Fluent wraps every placeable in FSI ... PDI by default, MessageFormat 2 uses
     * LRI, RLI or FSI ... PDI; a formatted message placed inside another nests them.
     */
    static Stream<String> formatterOutput() {
        return Stream.of(
                FSI + "Sarah" + PDI + " sent you a gift",
                FSI + SARAH_HE + PDI + " sent you a gift",
                FSI + SARAH_AR + PDI + " sent you a gift",
                // Arabic message, Latin name: "Sarah sent you a gift"
                "\u0623\u0631\u0633\u0644\u062a " + FSI + "Sarah" + PDI + " \u0644\u0643 \u0647\u062f\u064a\u0629",
                // Hebrew message, Hebrew name, a number
                "\u05e9\u05dc\u05d5\u05dd " + RLI + SARAH_HE + PDI + ", \u05d9\u05e9 \u05dc\u05da " + LRI + "3" + PDI,
                FSI + "Alice" + PDI + " and " + FSI + SARAH_HE + PDI + " liked your photo",
                FSI + RLI + SARAH_HE + PDI + " and " + LRI + "Bob" + PDI + PDI + " liked your photo",
                // direction marks inside and around isolates
                "\u200f" + FSI + SARAH_HE + "\u200f" + PDI + "\u200e #12",
                // a placeable whose value spans lines
                FSI + "12 Main St\nSpringfield" + PDI + " is your address",
                FSI.repeat(BidiControls.MAX_ISOLATE_DEPTH) + "x" + PDI.repeat(BidiControls.MAX_ISOLATE_DEPTH),
                FSI + PDI,
                "no bidi at all",
                "");
    }

    @ParameterizedTest
    @MethodSource("formatterOutput")
    void balancedIsolatesFromMessageFormattersPass(String text) {
        assertThat(BidiControls.check(text, true)).isNull();
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("\u202e", Fault.EMBEDDING_OR_OVERRIDE),
                Arguments.of("invoice\u202egnp.exe", Fault.EMBEDDING_OR_OVERRIDE),
                // an override stays an override when it is closed: it still shows "gnp.exe" as "exe.png"
                Arguments.of("\u202egnp.exe\u202c", Fault.EMBEDDING_OR_OVERRIDE),
                Arguments.of("\u202dabc\u202c", Fault.EMBEDDING_OR_OVERRIDE),
                Arguments.of("\u202aabc\u202c", Fault.EMBEDDING_OR_OVERRIDE),
                Arguments.of("\u202babc\u202c", Fault.EMBEDDING_OR_OVERRIDE),
                Arguments.of("\u202c", Fault.EMBEDDING_OR_OVERRIDE),
                // hidden inside a balanced isolate
                Arguments.of(FSI + "\u202egnp.exe" + PDI, Fault.EMBEDDING_OR_OVERRIDE),
                Arguments.of(RLI + "abc", Fault.UNBALANCED_ISOLATE),
                Arguments.of(LRI, Fault.UNBALANCED_ISOLATE),
                Arguments.of(FSI + "a" + PDI + FSI + "b", Fault.UNBALANCED_ISOLATE),
                Arguments.of(FSI + FSI + "a" + PDI, Fault.UNBALANCED_ISOLATE),
                Arguments.of("abc" + PDI, Fault.UNBALANCED_ISOLATE),
                Arguments.of(PDI + FSI, Fault.UNBALANCED_ISOLATE),
                Arguments.of(FSI + "a" + PDI + PDI, Fault.UNBALANCED_ISOLATE),
                Arguments.of(FSI.repeat(17) + "x" + PDI.repeat(17), Fault.ISOLATES_TOO_DEEP),
                Arguments.of(RLI.repeat(100_000), Fault.ISOLATES_TOO_DEEP));
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void overridesEmbeddingsAndUnbalancedOrTooDeepIsolatesAreRefused(String text, Fault expected) {
        assertThat(BidiControls.check(text, true)).isEqualTo(expected);
    }

    @Test
    void faultsReadAsTheClientSeesThem() {
        assertThat(Fault.EMBEDDING_OR_OVERRIDE.description()).isEqualTo("a bidirectional control character");
        assertThat(Fault.UNBALANCED_ISOLATE.description()).isEqualTo("an unbalanced bidirectional isolate");
        assertThat(Fault.ISOLATES_TOO_DEEP.description()).isEqualTo("bidirectional isolates nested deeper than 16");
    }

    @Test
    void theStreamingFormJudgesEachStringOnItsOwn() {
        BidiControls.Isolates isolates = new BidiControls.Isolates(true);
        assertThat(isolates.accept(0x2068)).isNull();
        assertThat(isolates.accept('a')).isNull();
        assertThat(isolates.end()).as("an FSI left open when the string ends").isEqualTo(Fault.UNBALANCED_ISOLATE);
        assertThat(isolates.accept(0x2069)).as("the next string cannot close it").isEqualTo(Fault.UNBALANCED_ISOLATE);
        isolates.reset();
        assertThat(isolates.accept(0x2067)).isNull();
        assertThat(isolates.accept(0x2069)).isNull();
        assertThat(isolates.end()).isNull();
        isolates.accept(0x2066);
        isolates.reset();
        assertThat(isolates.end()).isNull();
    }

    @Test
    void directionMarksAreNoControlsButEveryIsolateIsOneForIdentifiers() {
        for (int mark : new int[] {0x200e, 0x200f, 0x061c}) {
            assertThat(BidiControls.isBidiControl(mark)).isFalse();
            assertThat(BidiControls.check(Character.toString(mark))).isNull();
        }
        for (int c = 0x202a; c <= 0x202e; c++) {
            assertThat(BidiControls.isBidiControl(c)).isTrue();
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            assertThat(BidiControls.isBidiControl(c)).isTrue();
        }
        assertThat(BidiControls.isBidiControl(0x2065)).isFalse();
        assertThat(BidiControls.isBidiControl(0x206a)).isFalse();
        assertThat(BidiControls.isBidiControl(0x2029)).isFalse();
    }

    /** By default (the rule) every isolate is refused, balanced or not; the marks still pass. */
    @ParameterizedTest
    @MethodSource("formatterOutput")
    void byDefaultEveryIsolateIsRefused(String text) {
        boolean hasIsolate = text.chars().anyMatch(BidiControls::isBidiControl);
        assertThat(BidiControls.check(text)).isEqualTo(hasIsolate ? Fault.EMBEDDING_OR_OVERRIDE : null);
        assertThat(new BidiControls.Isolates(false).accept(0x2068)).isEqualTo(Fault.EMBEDDING_OR_OVERRIDE);
    }
}
