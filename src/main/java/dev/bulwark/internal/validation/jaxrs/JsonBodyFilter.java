package dev.bulwark.internal.validation.jaxrs;

import dev.bulwark.internal.errors.Problem;
import dev.bulwark.internal.errors.ProblemException;
import dev.bulwark.internal.errors.ProblemKind;
import dev.bulwark.internal.pipeline.RequestState;
import dev.bulwark.internal.validation.JsonBodyRules;
import dev.bulwark.internal.validation.JsonScanner;
import dev.bulwark.internal.validation.JsonViolation;
import dev.bulwark.internal.validation.LimitedInputStream;
import dev.bulwark.internal.validation.ValidationSettings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks one method's request body before JSON-B sees it: the content type (for endpoints that declare JSON, a JSON
 * type; 415 otherwise), the method's own byte limit for any body (413: Content-Length up front, other bodies counted
 * as the method reads them), then, for every media type the JSON binding reads ({@code application/json},
 * {@code text/json}, any {@code +json} type) and only in UTF-8, the whole document, streamed once through
 * {@link JsonScanner} and handed on from its copy, then its JSON Schema if the method has one. It runs after
 * authentication and authorization, so bodies of refused requests are never parsed.
 */
final class JsonBodyFilter implements ContainerRequestFilter {


    private final JsonBodyRules.Rule rule;
    private final JsonScanner scanner;

    JsonBodyFilter(JsonBodyRules.Rule rule, ValidationSettings config) {
        this.rule = rule;
        this.scanner = new JsonScanner(rule.limits(), config.rejectControlCharacters(), config.rejectBidiControls(),
                config.allowBalancedBidiIsolates());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean json = type != null && JsonBodyRules.isJson(type.getType(), type.getSubtype());
        // A JSON endpoint takes no other body, and no body without a type (the runtime might hand it to JSON-B
        // unchecked), unless its @Consumes also lists other types.
        if (!json && rule.declaresJson() && (type == null || !rule.declaresOther())) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, List.of(),
                    "content type " + type + " on a JSON endpoint");
        }
        long length = request.getLength();
        if (length > rule.limits().maxBodyBytes()) {
            throw new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, List.of(),
                    "Content-Length " + length + " over " + rule.limits().maxBodyBytes());
        }
        if (!json) {
            // Any other body (text, XML, bytes, multipart) is this endpoint's to read, within its own limit.
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), rule.limits().maxBodyBytes()));
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ProblemException(ProblemKind.UNSUPPORTED_MEDIA_TYPE, List.of(),
                    "JSON body in charset " + charset);
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream(length > 0 ? (int) Math.min(length, 65_536) : 1024);
        try {
            scanner.scan(request.getEntityStream(), copy, rule.shape(), length);
        } catch (JsonViolation v) {
            throw refusal(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = copy.toByteArray();
        if (rule.schema() != null) {
            List<Problem.FieldError> errors = rule.schema().check(body);
            if (!errors.isEmpty()) {
                throw new ProblemException(ProblemKind.VALIDATION, errors, "JSON body fails its schema: "
                        + errors.get(0).field() + " " + errors.get(0).message());
            }
        }
        RequestState.ensure(request::getProperty, request::setProperty).put(JsonBodyRules.CHECKED_BODY, body);
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private static ProblemException refusal(JsonViolation v) {
        String reason = "JSON body refused at '" + v.path() + "': " + v.getMessage();
        return switch (v.kind()) {
            case SYNTAX -> new ProblemException(ProblemKind.MALFORMED_BODY, List.of(), reason);
            case TOO_LARGE -> new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, List.of(), reason);
            case LIMIT -> new ProblemException(ProblemKind.BODY_LIMIT, List.of(new Problem.FieldError("body", v.path(), v.getMessage())), reason);
            case CONTENT -> new ProblemException(ProblemKind.VALIDATION, List.of(new Problem.FieldError("body", v.path(), v.getMessage())), reason);
        };
    }
}
