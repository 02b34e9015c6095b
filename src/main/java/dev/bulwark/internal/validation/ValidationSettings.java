package dev.bulwark.internal.validation;

import java.util.List;

/** Input validation: the global JSON limits and the content rules. */
public record ValidationSettings(JsonLimits limits, boolean rejectUnknownProperties, boolean rejectMismatchedTypes,
                                 boolean rejectControlCharacters, boolean rejectBidiControls,
                                 List<String> checkedHeaders, List<String> contentEncodings,
                                 boolean allowBalancedBidiIsolates) {
    public ValidationSettings {
        checkedHeaders = List.copyOf(checkedHeaders);
        contentEncodings = List.copyOf(contentEncodings);
    }
}
