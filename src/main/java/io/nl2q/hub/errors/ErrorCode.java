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
