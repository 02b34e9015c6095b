package dev.bulwark.internal.headers;

/** One response header Bulwark writes: its name and value. */
public record HeaderValue(String name, String value) {
}
