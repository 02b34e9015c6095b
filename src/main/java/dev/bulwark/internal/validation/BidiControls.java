package dev.bulwark.internal.validation;

/**
 * The one rule for bidirectional formatting characters in free text (JSON strings, path segments, query
 * parameter names and values, checked header values).
 * <ul>
 * <li>The embeddings and overrides LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) are always refused: an override
 * reorders the text it covers even when closed ("Trojan Source": U+202E followed by "gnp.exe" shows as "exe.png"),
 * and an embedding left open reorders whatever is shown after the string.</li>
 * <li>The isolates LRI, RLI, FSI (U+2066-U+2068) and their closing PDI (U+2069) are refused like the others by
 * default. With {@code bulwark.validation.allow-balanced-bidi-isolates=true} they are accepted when balanced
 * within the one string: every opener is closed by a PDI later in the same string, no PDI comes without an open
 * isolate, and at most {@link #MAX_ISOLATE_DEPTH} are open at once. That is what Mozilla Fluent (by default) and
 * the Unicode MessageFormat 2 formatters (ICU's {@code com.ibm.icu.message2}, the JavaScript {@code messageformat};
 * their default bidi isolation) write around a placeholder such as a name (FSI, a Hebrew name, PDI, " sent you a
 * gift"); such text is reordered inside its isolates only. An unclosed opener would isolate everything shown
 * after the string, and a stray PDI could close an isolate the page opened around it: both are refused.</li>
 * <li>The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are not controls here: they only mark a direction,
 * reorder nothing by themselves, and are normal in Hebrew and Arabic text.</li>
 * </ul>
 * {@link Identifiers} is stricter: an identifier holds no bidi control at all ({@link #isBidiControl(int)}).
 */
public final class BidiControls {

    /**
     * Most isolates open at once in one string. A message formatter nests one isolate per placeable inside another
     * (two or three levels in practice); the Unicode Bidirectional Algorithm itself stops at 125 embedding levels.
     */
    public static final int MAX_ISOLATE_DEPTH = 16;

    /** POP DIRECTIONAL ISOLATE, which closes the innermost open LRI, RLI or FSI. */
    static final int PDI = 0x2069;

    /** Why a text is refused; {@link #description()} is the client-facing wording, without the value. */
    public enum Fault {
        /** U+202A-U+202E, and U+2066-U+2069 unless balanced isolates are allowed. */
        EMBEDDING_OR_OVERRIDE("a bidirectional control character"),
        /** An LRI, RLI or FSI without its PDI, or a PDI without an open isolate. */
        UNBALANCED_ISOLATE("an unbalanced bidirectional isolate"),
        /** More than {@link #MAX_ISOLATE_DEPTH} isolates open at once. */
        ISOLATES_TOO_DEEP("bidirectional isolates nested deeper than " + MAX_ISOLATE_DEPTH);

        private final String description;

        Fault(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private BidiControls() {
    }

    /**
     * Every bidirectional embedding, override and isolate control (U+202A-U+202E, U+2066-U+2069), balanced or not:
     * for text that must hold none of them (identifiers).
     */
    public static boolean isBidiControl(int c) {
        return isEmbeddingOrOverride(c) || (c >= 0x2066 && c <= PDI);
    }

    /** LRE, RLE, PDF, LRO, RLO: refused in all free text. */
    static boolean isEmbeddingOrOverride(int c) {
        return c >= 0x202A && c <= 0x202E;
    }

    /** LRI, RLI, FSI. */
    static boolean opensIsolate(int c) {
        return c >= 0x2066 && c <= 0x2068;
    }

    /** The first fault of one whole string (null: it passes), refusing every isolate. */
    public static Fault check(CharSequence text) {
        return check(text, false);
    }

    /** The first fault of one whole string (null: it passes); balanced isolates pass when allowed. */
    public static Fault check(CharSequence text, boolean balancedIsolates) {
        Isolates isolates = new Isolates(balancedIsolates);
        for (int i = 0; i < text.length(); i++) {
            Fault fault = isolates.accept(text.charAt(i));
            if (fault != null) {
                return fault;
            }
        }
        return isolates.end();
    }

    /**
     * The same rule for a string read one character at a time (the JSON scanner): {@link #accept(int)} each
     * character, then {@link #end()} when the string is complete. One instance serves one string at a time; it is
     * ready for the next after {@link #end()} or {@link #reset()}.
     */
    public static final class Isolates {
        private final boolean balancedAllowed;
        private int open;

        /** @param balancedAllowed accept isolates that the string balances; false: refuse every isolate */
        public Isolates(boolean balancedAllowed) {
            this.balancedAllowed = balancedAllowed;
        }

        /** Takes the next character; returns the fault it makes (null: none so far). */
        public Fault accept(int c) {
            if (isEmbeddingOrOverride(c) || (!balancedAllowed && isBidiControl(c))) {
                return Fault.EMBEDDING_OR_OVERRIDE;
            }
            if (opensIsolate(c)) {
                if (++open > MAX_ISOLATE_DEPTH) {
                    return Fault.ISOLATES_TOO_DEEP;
                }
            } else if (c == PDI) {
                if (open == 0) {
                    return Fault.UNBALANCED_ISOLATE;
                }
                open--;
            }
            return null;
        }

        /** The string is complete: returns a fault when an isolate is still open, and starts over. */
        public Fault end() {
            boolean unclosed = open > 0;
            open = 0;
            return unclosed ? Fault.UNBALANCED_ISOLATE : null;
        }

        /** Forgets the string read so far. */
        public void reset() {
            open = 0;
        }
    }
}
