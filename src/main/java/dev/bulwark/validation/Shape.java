package dev.bulwark.validation;

/**
 * What the application expects at one place of a JSON body, as far as Bulwark checks it while streaming: which
 * member names an object may have (mass assignment), and which numbers fit the Java type they bind to.
 */
public interface Shape {

    /** Accepts anything: no expectations (maps' values of unknown type, {@code Object}, JSON-P values). */
    Shape ANY = new Shape() {
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
    };

    /** The shape of member {@code name} of an object here; throws when the member may not be set. */
    Shape member(String name, String path) throws JsonViolation;

    /** The shape of the elements of an array here. */
    Shape element();

    /** Checks a number literal bound here (for example that it fits an {@code int}). */
    void number(String literal, String path) throws JsonViolation;
}
