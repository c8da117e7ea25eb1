package io.github.camelseedance;

import java.time.Duration;

import org.apache.camel.spi.HttpResponseAware;

/**
 * The Seedance API answered with an HTTP error. Carries the status and the fields of the provider's error object
 * ({@code {"error": {"message", "type", "param", "code"}}}); for a response that is not JSON, the message is the
 * start of its text. Never carries the API key.
 */
public class SeedanceApiException extends SeedanceException implements HttpResponseAware {

    private final String errorMessage;
    private final String errorType;
    private final String param;
    private final String code;
    private final Duration retryAfter;

    public SeedanceApiException(int statusCode, String errorMessage, String errorType, String param, String code) {
        this(statusCode, errorMessage, errorType, param, code, null);
    }

    public SeedanceApiException(
            int statusCode, String errorMessage, String errorType, String param, String code, Duration retryAfter) {
        this(
                describe(statusCode, errorMessage, errorType, param, code),
                statusCode,
                errorMessage,
                errorType,
                param,
                code,
                retryAfter,
                1);
    }

    private SeedanceApiException(
            String message,
            int statusCode,
            String errorMessage,
            String errorType,
            String param,
            String code,
            Duration retryAfter,
            int attempts) {
        super(message, null, true, statusCode, false, attempts);
        this.errorMessage = errorMessage;
        this.errorType = errorType;
        this.param = param;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    @Override
    public SeedanceApiException afterAttempts(int attempts, String note) {
        SeedanceApiException copy = new SeedanceApiException(
                withNote(note), getStatusCode(), errorMessage, errorType, param, code, retryAfter, attempts);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private static String describe(int status, String message, String type, String param, String code) {
        StringBuilder sb = new StringBuilder("Seedance API returned HTTP ").append(status);
        StringBuilder details = new StringBuilder();
        appendDetail(details, "type", type);
        appendDetail(details, "param", param);
        appendDetail(details, "code", code);
        if (!details.isEmpty()) {
            sb.append(" (").append(details).append(')');
        }
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(message);
        }
        return sb.append(hint(status)).toString();
    }

    private static void appendDetail(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(name).append('=').append(value);
        }
    }

    /** What to do next, for the statuses the provider documents. */
    private static String hint(int status) {
        if (status >= 300 && status < 400) {
            return ". Redirects from the API are not followed, so the key never leaves the API host; set baseUrl to"
                    + " the address that answers.";
        }
        return switch (status) {
            case 401 -> ". Check the apiKey option (the key is not shown here).";
            case 402 -> ". The account balance is insufficient.";
            case 407 ->
                ". The proxy asked for credentials: check proxyAuthUsername and proxyAuthPassword (not shown here).";
            case 429 -> ". The rate limit was reached: lower the request rate.";
            default -> "";
        };
    }

    /** The provider's error message, or the start of a non-JSON response body. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The provider's error type, e.g. {@code invalid_request_error}; null when absent. */
    public String getErrorType() {
        return errorType;
    }

    /** The request parameter the error is about; null when absent. */
    public String getParam() {
        return param;
    }

    /** The provider's error code as text (it may be a number or a string on the wire); null when absent. */
    public String getCode() {
        return code;
    }

    /** The wait the provider asked for in a Retry-After header (with 429 or 503), or null. */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    @Override
    public int getHttpResponseCode() {
        return getStatusCode();
    }

    /** Refused: the exception records what the API answered and does not change. */
    @Override
    public void setHttpResponseCode(int code) {
        throw new UnsupportedOperationException("SeedanceApiException is immutable");
    }

    @Override
    public String getHttpResponseStatus() {
        return Integer.toString(getStatusCode());
    }

    /** Refused: the exception records what the API answered and does not change. */
    @Override
    public void setHttpResponseStatus(String status) {
        throw new UnsupportedOperationException("SeedanceApiException is immutable");
    }
}
