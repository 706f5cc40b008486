package io.nl2q.hub.errors;

/** Every error a client can see, with the HTTP status it maps to. The codes are part of the public contract. */
public enum ErrorCode {
    BAD_REQUEST(400),
    SQL_REJECTED(400),
    /** The warehouse refused a guarded statement (unknown column, type mismatch): the caller's SQL is wrong. */
    INVALID_QUERY(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    /** A method the path does not answer (GET on a POST-only endpoint). */
    METHOD_NOT_ALLOWED(405),
    /** The request body is larger than hub.api.max-body-size. */
    PAYLOAD_TOO_LARGE(413),
    /** The body declares a charset other than UTF-8, or a content type the endpoint does not read. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** The body is not valid UTF-8. */
    INVALID_ENCODING(400),
    UNANSWERABLE(422),
    RATE_LIMITED(429),
    INTERNAL(500),
    WAREHOUSE_UNAVAILABLE(503),
    QUERY_TIMEOUT(504);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
