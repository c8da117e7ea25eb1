package io.github.camelseedance.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;

/**
 * {@link SeedanceClient} over {@link HttpTransport}. The answer is parsed on the I/O thread as it completes (it takes
 * microseconds), so a generation costs no thread hand-off inside the client. API calls never follow redirects, so the
 * key cannot follow one to another host; video downloads carry no credentials and follow up to
 * {@value #MAX_REDIRECTS} redirects, never from https to http.
 */
public final class HttpSeedanceClient implements SeedanceClient {

    static final String GENERATIONS_PATH = "/v1/videos/generations";
    /** Far above any answer the API gives (a URL and a prompt), far below what would strain the heap. */
    static final long MAX_ANSWER_BYTES = 1024 * 1024;
    static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** As the provider documents it: the charset is JSON's own, UTF-8, and not repeated in the header. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final HttpTransports transports;
    private final Duration connectTimeout;
    private final URI generationsUri;
    private final String apiKey;
    private final Duration requestTimeout;
    private final SeedanceJson json = new SeedanceJson();

    public HttpSeedanceClient(String baseUrl, String apiKey, Duration connectTimeout, HttpTransports transports) {
        this.generationsUri = URI.create(stripTrailingSlash(baseUrl) + GENERATIONS_PATH);
        this.apiKey = apiKey;
        this.requestTimeout = transports.requestTimeout();
        this.connectTimeout = connectTimeout;
        this.transports = transports;
    }

    @Override
    public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request) {
        HttpRequest post = new BasicHttpRequest(Method.POST, generationsUri);
        post.addHeader("Accept", "application/json");
        post.addHeader("Authorization", "Bearer " + apiKey);
        AnswerCall call = new AnswerCall(generationsUri, post, AsyncEntityProducers.create(json.write(request), JSON),
                MAX_ANSWER_BYTES);
        return transports.api().send(call, connectTimeout).handle((answer, failure) -> {
            if (failure != null) {
                throw transportFailure(failure, "the Seedance API at " + hostOf(generationsUri));
            }
            return toVideo(answer, request.getModel());
        });
    }

    private GeneratedVideo toVideo(AnswerCall.Answer answer, String model) {
        // whatever the provider echoes, nothing read from the body can carry the key further
        String body = redact(new String(answer.body(), StandardCharsets.UTF_8));
        int status = answer.status();
        if (status < 200 || status > 299) {
            throw apiError(status, body, RetryAfter.parse(answer.retryAfter()));
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
        try {
            uri = URI.create(videoUrl);
            requireHttp(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new SeedanceException(
                    "The Seedance API returned a video URL that cannot be downloaded: " + e.getMessage(), e));
        }
        return fetch(uri, 0);
    }

    private CompletableFuture<VideoContent> fetch(URI uri, int redirects) {
        HttpTransport videos = transports.videoHosts();
        if (videos == null) {
            return stoppedBeforeDownload();
        }
        CompletableFuture<VideoCall.Reply> sent;
        try {
            // called from an I/O thread (the API's answer, a redirect); the video host's name lookup blocks, so elsewhere
            sent = CompletableFuture.supplyAsync(
                    () -> videos.send(new VideoCall(uri, videos.buffers(), requestTimeout), connectTimeout),
                    transports.workers()).thenCompose(reply -> reply);
        } catch (RejectedExecutionException stopping) {
            return stoppedBeforeDownload();
        }
        return sent.handle((reply, failure) -> {
            if (failure != null) {
                throw transportFailure(failure, "the video host " + hostOf(uri));
            }
            return reply;
        }).thenCompose(reply -> {
            if (reply.video() != null) {
                return CompletableFuture.completedFuture(reply.video());
            }
            if (REDIRECTS.contains(reply.status()) && reply.location() != null && redirects < MAX_REDIRECTS) {
                URI next = redirectTarget(uri, reply.location());
                if (next != null) {
                    return fetch(next, redirects + 1);
                }
            }
            throw new SeedanceException("Downloading the video from " + hostOf(uri) + uri.getRawPath()
                                        + " failed with HTTP " + reply.status()
                                        + (REDIRECTS.contains(reply.status()) ? " (redirect not followed)" : ""));
        });
    }

    private static CompletableFuture<VideoContent> stoppedBeforeDownload() {
        return CompletableFuture.failedFuture(new SeedanceException("The seedance component stopped before the video"
                                                                    + " could be downloaded"));
    }

    /** The redirect's target, or null when it leaves http(s) or goes from https down to http. */
    private static URI redirectTarget(URI from, String location) {
        try {
            URI next = from.resolve(location);
            requireHttp(next);
            if ("https".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                return null;
            }
            return next;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireHttp(URI uri) {
        if (uri.getHost() == null
            || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not an absolute http or https URL");
        }
    }

    /** Says which step failed and why, without the URL's query (a CDN's may be signed) and without the key. */
    private RuntimeException transportFailure(Throwable failure, String peer) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SeedanceException seedance) {
            return seedance;
        }
        if (cause instanceof SocketTimeoutException) {
            return new SeedanceException("No answer from " + peer + " within the requestTimeout of "
                                         + requestTimeout.toSeconds() + "s", cause);
        }
        if (cause instanceof ConnectException) {
            return new SeedanceException("Could not connect to " + peer + ": " + redact(String.valueOf(cause.getMessage())),
                    cause);
        }
        return new SeedanceException("The connection to " + peer + " failed: " + redact(String.valueOf(cause.getMessage())),
                cause);
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
}
