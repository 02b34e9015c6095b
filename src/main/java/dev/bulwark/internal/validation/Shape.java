package dev.bulwark.internal.validation;

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
        public Shape member(String name, String path) {
            return ANY;
        }

        @Override
        public Shape element() {
            return ANY;
        }

        @Override
        public void number(String literal, String path) {
            // any number
        }

        @Override
        public void string(String value, String path) {
            // any string
        }
    };

    /** Whether a value of this kind may be bound here. */
    boolean takes(JsonKind kind);

    /** What may be bound here, for the violation message ("an object", "a 32-bit integer", ...). */
    String expected();

    /** The shape of member {@code name} of an object here; throws when the member may not be set. */
    Shape member(String name, String path) throws JsonViolation;

    /** The shape of the elements of an array here. */
    Shape element();

    /** Checks a number literal bound here (for example that it fits an {@code int}). */
    void number(String literal, String path) throws JsonViolation;

    /** Checks a string bound here (for example that it names a constant of an enum). */
    void string(String value, String path) throws JsonViolation;
}
