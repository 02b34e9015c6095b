package dev.bulwark.internal.validation;

import java.util.function.Supplier;

/**
 * What the application expects at one place of a JSON body, as far as Bulwark checks it while streaming: which
 * kinds of JSON value the Java type there can take (an {@code int} a number, a bean an object, a list an array),
 * which member names an object may have (mass assignment), and which numbers and strings fit.
 */
public interface Shape {

    /** Accepts anything: no expectations (maps' values of unknown type, {@code Object}, JSON-P values). */
    Shape ANY = new Shape() {
        @Override
        public boolean takes(JsonKind kind) {
            return true;
        }

        @Override
        public String expected() {
            return "any JSON value";
        }

        @Override
        public Shape member(String name, Supplier<String> path) {
            return ANY;
        }

        @Override
        public Shape element() {
            return ANY;
        }

        @Override
        public void number(String literal, Supplier<String> path) {
            // any number
        }

        @Override
        public void string(String value, Supplier<String> path) {
            // any string
        }
    };

    /** Whether a value of this kind may be bound here. */
    boolean takes(JsonKind kind);

    /** What may be bound here, for the violation message ("an object", "a 32-bit integer", ...). */
    String expected();

    /*
     * The path arguments say where in the body the value is ("lines[2].sku"), for a violation's message only: they
     * are computed only when a violation is thrown.
     */

    /** The shape of member {@code name} of an object here; throws when the member may not be set. */
    Shape member(String name, Supplier<String> path) throws JsonViolation;

    /** The shape of the elements of an array here. */
    Shape element();

    /** Checks a number literal bound here (for example that it fits an {@code int}). */
    void number(String literal, Supplier<String> path) throws JsonViolation;

    /** Checks a string bound here (for example that it names a constant of an enum). */
    void string(String value, Supplier<String> path) throws JsonViolation;
}
