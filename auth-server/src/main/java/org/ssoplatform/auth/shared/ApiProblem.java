package org.ssoplatform.auth.shared;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 errors thrown from the API; rendered as {@code application/problem+json}. */
public final class ApiProblem {

    private ApiProblem() {
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    public static ErrorResponseException of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return new ErrorResponseException(status, problem, null);
    }

    /** A 400 for one field, shaped like the validation failures Spring reports (code, errors). */
    public static ErrorResponseException invalidField(String field, String message) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "validation_failed", field, message);
    }

    /** A problem with one field, in the shape of {@link #invalidField}, with its own status and code. */
    public static ErrorResponseException fieldProblem(HttpStatus status, String code, String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Invalid request: " + field + " " + message + ".");
        problem.setProperty("code", code);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(status, problem, null);
    }
}
