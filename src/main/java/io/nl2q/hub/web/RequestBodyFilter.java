package io.nl2q.hub.web;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.security.JsonErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is judged before security, routes or controllers read it: over the size cap it is 413
 * PAYLOAD_TOO_LARGE (told by Content-Length, or found while reading a chunked body); a declared charset other than
 * UTF-8, or a content type that does not parse, is 415 UNSUPPORTED_MEDIA_TYPE; bytes that are not UTF-8 are 400
 * INVALID_ENCODING. The body read is handed on as it came. Under /actuator (Hawtio, Jolokia) only the console's larger
 * cap applies, told by Content-Length (Jolokia's own filter caps chunked bodies as it reads them); form and multipart
 * bodies outside the API are measured the same way and left to the container to parse.
 */
final class RequestBodyFilter extends OncePerRequestFilter {
    private final BodyLimits limits;
    private final JsonErrorWriter errors;

    RequestBodyFilter(BodyLimits limits, JsonErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean console = path.startsWith("/actuator/");
        long cap = (console ? limits.consoleMaxBodySize() : limits.maxBodySize()).toBytes();
        if (declared > cap) {
            tooLarge(request, response, cap);
            return;
        }
        if (console) {
            chain.doFilter(request, response);
            return;
        }
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            errors.refuse(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "the Content-Type is not a media type with a charset this hub reads (bodies are UTF-8)");
            return;
        }
        boolean api = path.startsWith("/api/");
        if (type != null && !api && (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                || "multipart".equals(type.getType()))) {
            if (chunked) {
                errors.refuse(request, response, ErrorCode.BAD_REQUEST, "send a form with its Content-Length");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        String charset = type == null ? null : type.getParameter("charset");
        if (charset != null && !isUtf8(charset)) {
            errors.refuse(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "request bodies are UTF-8; send charset=UTF-8 or no charset");
            return;
        }
        byte[] body = readCapped(request.getInputStream(), cap);
        if (body == null) {
            tooLarge(request, response, cap);
            return;
        }
        if (!validUtf8(body)) {
            errors.refuse(request, response, ErrorCode.INVALID_ENCODING, "the request body is not valid UTF-8");
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long cap) throws IOException {
        errors.refuse(request, response, ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + cap + " bytes");
    }

    private static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8");
    }

    /** The body, or null when it is longer than {@code cap}. */
    private static byte[] readCapped(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > cap) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
