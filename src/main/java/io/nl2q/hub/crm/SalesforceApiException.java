package io.nl2q.hub.crm;

/** A refusal from the Salesforce API, with its documented error code (INVALID_SESSION_ID, REQUEST_LIMIT_EXCEEDED...). */
class SalesforceApiException extends RuntimeException {
    private final int status;
    private final String errorCode;

    SalesforceApiException(int status, String errorCode, String message) {
        super(errorCode + " (HTTP " + status + "): " + message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }
}
