package dev.bulwark.internal.errors;

import dev.bulwark.internal.text.TextChecks;

/**
 * A tiny JSON writer for Bulwark's own documents (problems, the inventory). The output is pure ASCII: control
 * characters, everything outside ASCII (so lone surrogates and bidi controls too) and {@code '<' '>' '&'} are written as
 * \\u escapes, which keeps it safe to embed, to log, and to send through any response charset.
 */
public final class JsonText {

    private final StringBuilder out = new StringBuilder(256);
    private boolean needComma;

    public JsonText beginObject() {
        comma();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonText endObject() {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonText beginArray() {
        comma();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonText endArray() {
        out.append(']');
        needComma = true;
        return this;
    }

    public JsonText name(String name) {
        comma();
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonText value(String value) {
        comma();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needComma = true;
        return this;
    }

    /** Writes {@code "name":"value"}; a null value is left out entirely. */
    public JsonText field(String name, String value) {
        return value == null ? this : name(name).value(value);
    }

    public JsonText field(String name, long value) {
        name(name);
        out.append(value);
        needComma = true;
        return this;
    }

    /** Writes {@code "name":true} or {@code "name":false}. */
    public JsonText field(String name, boolean value) {
        name(name);
        out.append(value);
        needComma = true;
        return this;
    }

    /** Writes {@code "name":number}, or {@code "name":null} for a null number. */
    public JsonText field(String name, Integer value) {
        return value == null ? name(name).value(null) : field(name, value.longValue());
    }

    private void comma() {
        if (needComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (!TextChecks.isPrintableAscii(c) || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
