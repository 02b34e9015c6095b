package dev.bulwark.internal.validation;

/** The kind of one JSON value, as the scanner meets it. */
public enum JsonKind {
    OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL
}
