package dev.bulwark.internal.contract;

import java.util.List;
import java.util.Map;

/** What the OpenAPI check reads of one request, decoded as the JAX-RS runtime hands it to the resource. */
public interface RequestView {

    /** The value of a path template variable, by the resource method's own name of it, or null. */
    String pathParameter(String name);

    /** Every query parameter with its values, in request order. */
    Map<String, List<String>> queryParameters();

    /** The values of a header (any case), or null. */
    List<String> header(String name);

    /** The value of a cookie, or null. */
    String cookie(String name);

    /** The content type as sent ({@code application/json; charset=utf-8}), or null. */
    String contentType();

    /** The request carries a body (a content type, a length or a transfer coding). */
    boolean hasBody();

    /** The JSON body Bulwark's JSON checks already read and bounded, or null when they did not read it. */
    byte[] checkedJson();
}
