package io.nl2q.hub.powerbi;

/** Power BI refused or kept failing a request after the retries; the delivery route parks the push or refresh. */
public class PowerBiException extends RuntimeException {
    public PowerBiException(String message, Throwable cause) {
        super(message, cause);
    }
}
