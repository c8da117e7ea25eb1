package io.github.camelseedance.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * {@link SeedanceClient} on the JDK's {@link HttpClient}: {@code sendAsync} waits on a selector, not on a thread, so
 * minutes of generation cost no thread. The API client never follows redirects, so the key cannot follow one to
 * another host; the video host gets its own client, which follows redirects and never sees the key.
 */
public final class HttpSeedanceClient implements SeedanceClient {

    static final String GENERATIONS_PATH = "/v1/videos/generations";
    /** Far above any answer the API gives (a URL and a prompt), far below what would strain the heap. */
    static final long MAX_ANSWER_BYTES = 1024 * 1024;

    private final HttpClient api;
    private final HttpClient videoHost;
    private final URI generationsUri;
    private final String apiKey;
    private final Duration requestTimeout;
    private final SeedanceJson json = new SeedanceJson();
    private final Executor executor;

    public HttpSeedanceClient(String baseUrl, String apiKey, Duration connectTimeout, Duration requestTimeout,
                              Executor executor) {
        this.generationsUri = URI.create(stripTrailingSlash(baseUrl) + GENERATIONS_PATH);
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.executor = executor;
        this.api = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.videoHost = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(executor)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(generationsUri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.write(request)))
                .build();
        // the JDK completes sendAsync on the common pool, which on a machine with two cores is a new thread per
        // response; the exchange continues on the component's pool instead
        return api.sendAsync(httpRequest, LimitedBody.handler(MAX_ANSWER_BYTES))
                .handleAsync((response, failure) -> {
                    if (failure != null) {
                        throw transportFailure(failure, "the Seedance API at " + hostOf(generationsUri));
                    }
                    return toVideo(response, request.getModel());
                }, executor);
    }

    private GeneratedVideo toVideo(HttpResponse<byte[]> response, String model) {
        // whatever the provider echoes, nothing read from the body can carry the key further
        String body = redact(new String(response.body(), StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw apiError(status, body, RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
        }
        return json.readVideo(body, model);
    }

    private SeedanceApiException apiError(int status, String body, Duration retryAfter) {
        SeedanceJson.ApiError error = json.readError(body);
        if (error == null) {
            String text = body.isEmpty() ? "empty response body" : "non-JSON response " + Texts.snippet(body);
            return new SeedanceApiException(status, text, null, null, null, retryAfter);
        }
        return new SeedanceApiException(status, error.message(), error.type(), error.param(), error.code(), retryAfter);
    }

    @Override
    public CompletableFuture<VideoContent> download(String videoUrl) {
        URI uri;
        HttpRequest httpRequest;
        try {
            uri = URI.create(videoUrl);
            httpRequest = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new SeedanceException(
                    "The Seedance API returned a video URL that cannot be downloaded: " + e.getMessage(), e));
        }
        return videoHost.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofInputStream())
                .handleAsync((response, failure) -> {
                    if (failure != null) {
                        throw transportFailure(failure, "the video host " + hostOf(uri));
                    }
                    return toContent(response, uri);
                }, executor);
    }

    private static VideoContent toContent(HttpResponse<InputStream> response, URI uri) {
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            throw new SeedanceException("Downloading the video from " + hostOf(uri) + uri.getRawPath()
                                        + " failed with HTTP " + response.statusCode());
        }
        return new VideoContent(response.body(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** Says which step failed and why, without the URL's query (a CDN's may be signed) and without the key. */
    private RuntimeException transportFailure(Throwable failure, String peer) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SeedanceException seedance) {
            return seedance;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            // the JDK raises this when either timer fires before the connection is up
            return new SeedanceException("Could not connect to " + peer + " before the connectTimeout or the"
                                         + " requestTimeout ran out", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new SeedanceException("No answer from " + peer + " within the requestTimeout of "
                                         + requestTimeout.toSeconds() + "s", cause);
        }
        if (cause instanceof ConnectException) {
            return new SeedanceException("Could not connect to " + peer + ": connection refused", cause);
        }
        if (cause instanceof IOException) {
            return new SeedanceException("The connection to " + peer + " failed: " + redact(String.valueOf(cause.getMessage())),
                    cause);
        }
        return new SeedanceException("The call to " + peer + " failed: " + redact(String.valueOf(cause)), cause);
    }

    private String redact(String text) {
        if (text == null || apiKey == null || apiKey.isEmpty()) {
            return text;
        }
        return text.replace(apiKey, "[redacted]");
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the download already failed; closing only releases the connection
        }
    }
}
