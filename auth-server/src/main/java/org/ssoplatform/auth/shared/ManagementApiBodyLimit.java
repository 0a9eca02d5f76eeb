package org.ssoplatform.auth.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Caps the management API's JSON bodies at 64 KB (413): none needs more, and the container sets no limit
 * for bodies that are not forms. Runs only once a converter accepted the content type, so a wrong type is
 * still a 415.
 */
@ControllerAdvice(basePackages = { "org.ssoplatform.auth.user", "org.ssoplatform.auth.role",
        "org.ssoplatform.auth.apikey", "org.ssoplatform.auth.audit" })
class ManagementApiBodyLimit extends RequestBodyAdviceAdapter {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** Refuses by the declared length without reading; otherwise reads at most one byte past the limit. */
    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (message.getHeaders().getContentLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = message.getBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    private static RuntimeException tooLarge() {
        return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "The request body exceeds " + MAX_BODY_BYTES / 1024 + " KB.");
    }
}
