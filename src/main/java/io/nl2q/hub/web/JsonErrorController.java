package io.nl2q.hub.web;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.JsonErrorWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * What the container forwards to {@code /error} (no handler for the path, a method the path does not answer, a
 * failure no route or controller answered) in the public error contract instead of Spring's default body. Asked for
 * directly, {@code /error} is a path like any unknown one: 404 NOT_FOUND.
 */
@Controller
class JsonErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);
    private final JsonErrorWriter errors;

    JsonErrorController(JsonErrorWriter errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int code = status instanceof Integer i ? i : 404;
        if (failure instanceof RequestRejectedException) {
            code = 400;
        }
        ErrorCode error = of(code);
        if (error == ErrorCode.INTERNAL) {
            log.error("unanswered failure of {} {}", request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), (Throwable) failure);
        }
        errors.refuse(request, response, error, message(error));
    }

    static ErrorCode of(int status) {
        return switch (status) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.WAREHOUSE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
        };
    }

    private static String message(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> "no such path";
            case METHOD_NOT_ALLOWED -> "this path does not answer this method";
            case UNAUTHORIZED -> "authentication required: send an X-API-Key header or a bearer token";
            case FORBIDDEN -> "your roles do not allow this operation";
            case INTERNAL -> "internal error; quote the correlation id to your administrator";
            default -> "the request cannot be answered as sent";
        };
    }
}
