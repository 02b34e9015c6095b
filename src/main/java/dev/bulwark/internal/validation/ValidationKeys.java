package dev.bulwark.internal.validation;

import dev.bulwark.internal.config.ConfigConcern;
import dev.bulwark.internal.config.ConfigReader;
import dev.bulwark.internal.config.Key;
import dev.bulwark.internal.config.Parsers;
import dev.bulwark.internal.correlation.CorrelationIds;
import java.util.List;

/** The keys of input validation: body size, JSON limits and content rules ({@code bulwark.validation.*}). */
public final class ValidationKeys implements ConfigConcern<ValidationSettings> {

    public static final Key<Integer> MAX_BODY_BYTES = new Key<>("bulwark.validation.max-body-bytes",
            Parsers.intRange(1, Integer.MAX_VALUE), "1048576",
            "Largest request body, in bytes, whatever its content type (JSON, text, forms, uploads): 413 "
                    + "beyond (Content-Length checked up front, chunked bodies counted while they stream). "
                    + "`@JsonBodyLimits(maxBytes)` sets another limit for one endpoint, and for that endpoint only. "
                    + "See [validation.md](validation.md).",
            "10485760");

    public static final Key<Integer> JSON_MAX_DEPTH = new Key<>("bulwark.validation.json.max-depth",
            Parsers.intRange(1, 10_000), "32", "Deepest nesting of objects and arrays in a JSON body.", "16");

    public static final Key<Integer> JSON_MAX_ARRAY = new Key<>("bulwark.validation.json.max-array-length",
            Parsers.intRange(1, 100_000_000), "10000", "Most elements in any one JSON array.", "1000");

    public static final Key<Integer> JSON_MAX_ENTRIES = new Key<>("bulwark.validation.json.max-object-entries",
            Parsers.intRange(1, 10_000_000), "1000", "Most members in any one JSON object.", "200");

    public static final Key<Integer> JSON_MAX_STRING = new Key<>("bulwark.validation.json.max-string-length",
            Parsers.intRange(1, Integer.MAX_VALUE), null,
            "Longest JSON string value, in characters (UTF-16 units). Unset: no limit of its own; a string "
                    + "may fill the whole body the endpoint accepts (`bulwark.validation.max-body-bytes`, or the "
                    + "endpoint's `@JsonBodyLimits(maxBytes)`), so a file sent as a base64 `data:` URL works "
                    + "wherever its body fits. Set it to keep the strings of every endpoint shorter; "
                    + "`@JsonBodyLimits(maxStringLength)` sets it for one endpoint.",
            "4096");

    public static final Key<Integer> JSON_MAX_KEY = new Key<>("bulwark.validation.json.max-key-length",
            Parsers.intRange(1, 1_000_000), "128", "Longest JSON member name, in characters.", "64");

    public static final Key<Integer> JSON_MAX_NUMBER = new Key<>("bulwark.validation.json.max-number-length",
            Parsers.intRange(1, 10_000), "40", "Longest JSON number literal, in characters.", "24");

    public static final Key<Boolean> REJECT_UNKNOWN = new Key<>("bulwark.validation.reject-unknown-properties",
            Parsers.bool(), "true",
            "Refuse JSON bodies with members the target type cannot bind (mass assignment). `@ReadOnly` "
                    + "members are refused either way.",
            "false");

    public static final Key<Boolean> REJECT_MISMATCHED_TYPES = new Key<>("bulwark.validation.reject-mismatched-types",
            Parsers.bool(), "true",
            "Refuse JSON values of a kind the target Java type is not written as: an array around an "
                    + "object or number (`[{...}]`, `[5]`), a string for a number or boolean (`\"3\"`, `\"true\"`), "
                    + "a number or boolean for a string, an object for a number. When `false`, JSON-B's own leniency "
                    + "applies (it unwraps single-element arrays and converts between strings, numbers and "
                    + "booleans), and unknown members and number ranges are still checked inside the arrays it "
                    + "unwraps.",
            "false");

    public static final Key<Boolean> REJECT_CONTROLS = new Key<>("bulwark.validation.reject-control-characters",
            Parsers.bool(), "true",
            "Refuse control characters (NUL, ESC, DEL, C1; tab, CR and LF are allowed in JSON strings) in "
                    + "JSON strings, path and query parameters and the checked headers.",
            "false");

    public static final Key<Boolean> REJECT_BIDI = new Key<>("bulwark.validation.reject-bidi-controls",
            Parsers.bool(), "true",
            "Refuse the bidirectional embedding, override and isolate controls (U+202A-U+202E, "
                    + "U+2066-U+2069, \"Trojan Source\") in JSON strings, path segments, query parameters and the "
                    + "checked headers. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are always allowed.",
            "false");

    public static final Key<Boolean> ALLOW_BALANCED_ISOLATES = new Key<>(
            "bulwark.validation.allow-balanced-bidi-isolates", Parsers.bool(), "false",
            "Accept the isolates LRI, RLI, FSI ... PDI (U+2066-U+2069) that Mozilla Fluent and Unicode "
                    + "MessageFormat 2 write around names, when each string closes every isolate it opens, opens "
                    + "none it does not close, and nests at most 16. Embeddings and overrides stay refused. See "
                    + "[validation.md](validation.md#bidirectional-text).",
            "true");

    public static final Key<List<String>> CHECKED_HEADERS = new Key<>("bulwark.validation.checked-headers",
            Parsers.listOf(Parsers.headerName(), "header names"),
            String.join(", ", "Accept", "Authorization", "Content-Type", "Origin", "Referer", "User-Agent",
                    CorrelationIds.REQUEST_ID_HEADER),
            "Request headers whose values must be free of control characters (tab allowed) and, when they "
                    + "carry UTF-8, follow the bidi rule of `" + REJECT_BIDI.name() + "`.",
            "Accept, Content-Type");

    public static final Key<List<String>> CONTENT_ENCODINGS = new Key<>("bulwark.validation.content-encodings",
            Parsers.listOf(Parsers.contentCoding(), "content codings"), "gzip, x-gzip, deflate",
            "`Content-Encoding` values a request body may carry besides `identity`: the codings the server "
                    + "decodes before the application reads the body (Open Liberty inflates `gzip`, `x-gzip` and "
                    + "`deflate` itself). Any other coding, or several stacked, gets 415 with `Accept-Encoding`; a "
                    + "body that does not decode gets 400 `unreadable-body`. `identity` accepts only unencoded bodies "
                    + "(set it so on a server that does not decode request bodies, such as WildFly; an empty value "
                    + "is no value in MicroProfile Config, so the default would apply).",
            "gzip");

    public static final ValidationKeys CONCERN = new ValidationKeys();

    private ValidationKeys() {
    }

    @Override
    public List<Key<?>> keys() {
        return List.of(MAX_BODY_BYTES, JSON_MAX_DEPTH, JSON_MAX_ARRAY, JSON_MAX_ENTRIES, JSON_MAX_STRING,
                JSON_MAX_KEY, JSON_MAX_NUMBER, REJECT_UNKNOWN, REJECT_MISMATCHED_TYPES, REJECT_CONTROLS, REJECT_BIDI,
                ALLOW_BALANCED_ISOLATES, CHECKED_HEADERS, CONTENT_ENCODINGS);
    }

    @Override
    public ValidationSettings read(ConfigReader reader) {
        Integer maxString = reader.get(JSON_MAX_STRING);
        JsonLimits limits = new JsonLimits(reader.get(MAX_BODY_BYTES), reader.get(JSON_MAX_DEPTH),
                reader.get(JSON_MAX_ARRAY), reader.get(JSON_MAX_ENTRIES),
                maxString == null ? JsonLimits.BOUNDED_BY_BODY : maxString, reader.get(JSON_MAX_KEY),
                reader.get(JSON_MAX_NUMBER));
        return new ValidationSettings(limits, reader.get(REJECT_UNKNOWN), reader.get(REJECT_MISMATCHED_TYPES),
                reader.get(REJECT_CONTROLS), reader.get(REJECT_BIDI), reader.get(CHECKED_HEADERS),
                reader.get(CONTENT_ENCODINGS), reader.get(ALLOW_BALANCED_ISOLATES));
    }
}
