package org.ssoplatform.auth.shared;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Errors of the management API as RFC 9457 problems, beyond the ones Spring MVC already renders: conflicts
 * found by the database, lost races, and validation failures that name the offending snake_case field.
 * Texts are fixed here: no SQL or exception message reaches the client.
 */
@RestControllerAdvice(basePackages = { "org.ssoplatform.auth.user", "org.ssoplatform.auth.role",
        "org.ssoplatform.auth.apikey", "org.ssoplatform.auth.audit", "org.ssoplatform.auth.client" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ManagementApiErrors {

    /** A race the checks before the write could not see (a concurrent insert of the same name, a vanished id). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException ex) {
        return problem(HttpStatus.CONFLICT, "conflict",
                "The change conflicts with the current data (a duplicate, or something it refers to is gone).");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentUpdate(OptimisticLockingFailureException ex) {
        return problem(HttpStatus.CONFLICT, "concurrent_update",
                "Someone else changed or deleted this at the same time; read it again and retry.");
    }

    /** Spring's own text says only "Failed to read request"; say which field, when Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
                return invalid(Stream.of(new FieldError("request", jsonPath(mismatch.getPath()),
                        "has the wrong type or format")));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "unreadable_body",
                "The request body is missing, or is not well-formed JSON in UTF-8.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
        return invalid(ex.getBindingResult().getFieldErrors().stream());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
        return invalid(ex.getParameterValidationResults().stream().flatMap(result -> {
            if (result instanceof ParameterErrors errors) {
                return errors.getFieldErrors().stream();
            }
            String name = result.getMethodParameter().getParameterName();
            return result.getResolvableErrors().stream()
                .map(error -> new FieldError("request", String.valueOf(name),
                        String.valueOf(error.getDefaultMessage())));
        }));
    }

    private static ProblemDetail invalid(Stream<FieldError> fieldErrors) {
        List<Map<String, String>> errors = fieldErrors
            .map(error -> Map.of("field", snakeCase(error.getField()), "message",
                    String.valueOf(error.getDefaultMessage())))
            .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
            .toList();
        String summary = String.join("; ", errors.stream().map(e -> e.get("field") + " " + e.get("message")).toList());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation_failed",
                "Invalid request: " + summary + ".");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String jsonPath(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
            else {
                out.append('[').append(step.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Java names the fields in camelCase; clients know them as the JSON spells them. */
    private static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
