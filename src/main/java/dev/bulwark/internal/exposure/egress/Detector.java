package dev.bulwark.internal.exposure.egress;

/**
 * One kind of secret-shaped value. A detector reads a whole JSON string (decoded: escapes resolved) and reports what
 * it found; it is pure and stateless, and runs only when the string is long enough and holds one of the character
 * classes it {@link #needs()} (the tokenizer gathers them while reading, so most strings never reach a detector).
 */
interface Detector {

    /** The class bits of {@link Chars}, any one of which a string must contain for this detector to possibly hit. */
    int needs();

    /** The shortest string this detector can hit. */
    int minLength();

    /** What the first {@code length} characters of {@code text} hold, or null when nothing. */
    SecretShape find(char[] text, int length);
}
