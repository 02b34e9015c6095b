package dev.bulwark.internal.exposure.egress;

/**
 * Character classes and searches over a string's characters held in a {@code char[]} (the detectors read the
 * tokenizer's buffer in place, never a {@code String}). Only ASCII matters to every detector: a character past
 * U+007F is in no class.
 */
final class Chars {

    /** Class bits, gathered per string by the tokenizer as it reads it, so that a detector runs only if it can hit. */
    static final int DIGIT = 1;
    static final int DOT = 1 << 1;
    static final int DASH = 1 << 2;
    static final int UNDERSCORE = 1 << 3;
    static final int UPPER_A = 1 << 4;
    static final int LOWER_X = 1 << 5;
    static final int UPPER_Q = 1 << 6;
    static final int PAREN = 1 << 7;
    static final int LOWER_Q = 1 << 8;
    static final int UPPER_O = 1 << 9;
    static final int UPPER_B = 1 << 10;
    static final int UPPER_U = 1 << 11;
    static final int QUOTE = 1 << 12;
    static final int APOSTROPHE = 1 << 13;

    private static final int[] CLASSES = new int[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = DIGIT;
        }
        CLASSES['.'] = DOT;
        CLASSES['-'] = DASH;
        CLASSES['_'] = UNDERSCORE;
        CLASSES['A'] = UPPER_A;
        CLASSES['x'] = LOWER_X;
        CLASSES['Q'] = UPPER_Q;
        CLASSES['('] = PAREN;
        CLASSES['q'] = LOWER_Q;
        CLASSES['O'] = UPPER_O;
        CLASSES['B'] = UPPER_B;
        CLASSES['U'] = UPPER_U;
        CLASSES['"'] = QUOTE;
        CLASSES['\''] = APOSTROPHE;
    }

    private Chars() {
    }

    /** The class bits of one character (0 past ASCII). */
    static int classOf(int c) {
        return c < 128 ? CLASSES[c] : 0;
    }

    /** The class bits of a whole text (for tests and callers that did not gather them while reading). */
    static int classesOf(char[] text, int length) {
        int classes = 0;
        for (int i = 0; i < length; i++) {
            classes |= classOf(text[i]);
        }
        return classes;
    }

    static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean upper(int c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean lower(int c) {
        return c >= 'a' && c <= 'z';
    }

    /** ASCII letter or digit. */
    static boolean alnum(int c) {
        return digit(c) || upper(c) || lower(c);
    }

    /** A character of a Java identifier as stack traces print them (ASCII only). */
    static boolean identifier(int c) {
        return alnum(c) || c == '_' || c == '$';
    }

    static boolean upperOrDigit(int c) {
        return upper(c) || digit(c);
    }

    /** The base32 alphabet of RFC 4648: upper-case letters and the digits 2 to 7. */
    static boolean base32(int c) {
        return upper(c) || c >= '2' && c <= '7';
    }

    /** Letters, digits and underscores. */
    static boolean identifierWord(int c) {
        return alnum(c) || c == '_';
    }

    /** The standard base64 alphabet and its padding. */
    static boolean base64(int c) {
        return alnum(c) || c == '+' || c == '/' || c == '=';
    }

    static boolean base64url(int c) {
        return alnum(c) || c == '-' || c == '_';
    }

    /** The first index at or after {@code from} where {@code needle} starts, or -1. */
    static int indexOf(char[] text, int length, String needle, int from) {
        char first = needle.charAt(0);
        int last = length - needle.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (text[i] == first && startsWith(text, length, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code needle} is at {@code at}. */
    static boolean startsWith(char[] text, int length, int at, String needle) {
        if (at < 0 || at + needle.length() > length) {
            return false;
        }
        for (int j = 0; j < needle.length(); j++) {
            if (text[at + j] != needle.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** The character at {@code i}, or -1 outside the text. */
    static int at(char[] text, int length, int i) {
        return i >= 0 && i < length ? text[i] : -1;
    }
}
