package dev.bulwark.internal.errors;

/**
 * What went wrong, as far as a client may know. Each kind has a fixed, generic title and detail: nothing from
 * the exception, the request or the server ever reaches the client.
 */
public enum ProblemKind {
    BAD_REQUEST(400, null, "Bad Request", "The request could not be processed."),
    MALFORMED_BODY(400, "malformed-body", "Malformed request body",
            "The request body is not valid JSON or does not match the expected structure."),
    VALIDATION(400, "validation", "Validation failed", "One or more inputs are invalid; see 'errors'."),
    BODY_LIMIT(400, "body-limit", "Request body limit exceeded",
            "The request body exceeds a structural limit of this endpoint; see 'errors'."),
    UNREADABLE_BODY(400, "unreadable-body", "Unreadable request body",
            "The request body could not be read: it is cut short or does not match its Content-Encoding."),
    UNAUTHORIZED(401, null, "Unauthorized", "Authentication is required to access this resource."),
    FORBIDDEN(403, null, "Forbidden", "You are not allowed to perform this request."),
    HTTPS_REQUIRED(403, "https-required", "HTTPS Required", "This API is only served over HTTPS."),
    CORS_REFUSED(403, "cors-refused", "Cross-Origin Request Refused",
            "The origin, method or headers of this cross-origin request are not allowed."),
    NOT_FOUND(404, null, "Not Found", "The requested resource was not found."),
    METHOD_NOT_ALLOWED(405, null, "Method Not Allowed", "The request method is not supported by this resource."),
    NOT_ACCEPTABLE(406, null, "Not Acceptable", "The resource cannot produce a representation the client accepts."),
    CONFLICT(409, null, "Conflict", "The request conflicts with the current state of the resource."),
    GONE(410, null, "Gone", "The requested resource is no longer available."),
    VERSION_RETIRED(410, "version-retired", "API Version Retired",
            "This version of the API is not served; 'errors' names the version and its successor."),
    LENGTH_REQUIRED(411, null, "Length Required", "This request body must be sent with a Content-Length."),
    PAYLOAD_TOO_LARGE(413, null, "Content Too Large", "The request body is larger than this endpoint accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, null, "Unsupported Media Type",
            "The request content type is not supported by this resource."),
    UNPROCESSABLE(422, null, "Unprocessable Content", "The request content could not be processed."),
    TOO_MANY_REQUESTS(429, null, "Too Many Requests", "Too many requests; retry later."),
    OTHER_CLIENT_ERROR(400, null, "Client Error", "The request could not be processed."),
    INTERNAL(500, null, "Internal Server Error",
            "An unexpected error occurred. Quote the correlation id when reporting it."),
    NOT_IMPLEMENTED(501, null, "Not Implemented", "The server does not support this request."),
    UNAVAILABLE(503, null, "Service Unavailable", "The service is temporarily unavailable; retry later."),
    OTHER_SERVER_ERROR(500, null, "Server Error",
            "An unexpected error occurred. Quote the correlation id when reporting it.");

    private final int status;
    private final String slug;
    private final String title;
    private final String detail;

    ProblemKind(int status, String slug, String title, String detail) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The suffix of the problem type URI, or null for plain status problems (type {@code about:blank}). */
    public String slug() {
        return slug;
    }

    /** The kind as logs and metric tags name it: its slug, else its name ({@code too-many-requests}). */
    public String label() {
        return slug != null ? slug : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The generic kind for an HTTP status; unknown 4xx and 5xx statuses keep their status with a generic text. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind k : values()) {
            if (k.status == status && k.slug == null && k != OTHER_CLIENT_ERROR && k != OTHER_SERVER_ERROR) {
                return k;
            }
        }
        return status >= 500 ? OTHER_SERVER_ERROR : OTHER_CLIENT_ERROR;
    }
}
