package dev.bulwark.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code Content-Encoding} a request body may carry: none, {@code identity}, or exactly one of the codings
 * the server decodes before the application reads the body ({@code bulwark.validation.content-encodings}; Open
 * Liberty inflates {@code gzip}, {@code x-gzip} and {@code deflate} itself). Anything else (an unknown coding, a
 * list of several, which servers pass on undecoded) would reach the application as bytes it cannot read: 415 with
 * {@code Accept-Encoding} naming what is accepted (RFC 9110 15.5.16, RFC 7694). The body limits count the decoded
 * bytes, so a compression bomb is cut off at the limit.
 */
public final class ContentCodings {

    private final List<String> accepted;

    public ContentCodings(List<String> accepted) {
        List<String> lower = new ArrayList<>();
        for (String a : accepted) {
            lower.add(a.strip().toLowerCase(Locale.ROOT));
        }
        this.accepted = List.copyOf(lower);
    }

    /** @param values every {@code Content-Encoding} header field of the request, in order (may be empty) */
    public boolean accepts(List<String> values) {
        List<String> codings = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                codings.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (codings.isEmpty() || codings.size() == 1 && (codings.get(0).isEmpty()
                || codings.get(0).equals("identity"))) {
            return true;
        }
        return codings.size() == 1 && values.size() == 1 && accepted.contains(codings.get(0));
    }

    /** The {@code Accept-Encoding} value of a refusal: the accepted codings, or {@code identity} when none are. */
    public String acceptEncoding() {
        return accepted.isEmpty() ? "identity" : String.join(", ", accepted);
    }
}
