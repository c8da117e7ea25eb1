package io.github.camelseedance.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javax.net.ssl.SSLException;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.client.video.VideoConsumer;
import io.github.camelseedance.client.video.VideoContent;
import io.github.camelseedance.client.video.VideoDownload;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpResponseException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentTooLongException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link SeedanceClient} over HttpClient 5's async client: sends the API call and the download, and makes the outcome a
 * video or a {@link SeedanceException}. API calls follow no redirect, so the key never reaches another host; downloads
 * carry no credential and follow up to {@value #MAX_REDIRECTS} redirects, never from https to http.
 */
public final class HttpSeedanceClient implements SeedanceClient {

    static final String GENERATIONS_PATH = "/v1/videos/generations";
    /** Far above any answer the API gives (a URL and a prompt), far below what would strain the heap. */
    static final long MAX_ANSWER_BYTES = 1024 * 1024;

    static final int MAX_REDIRECTS = 5;
    /** As the provider documents it: the charset is JSON's own, UTF-8, and not repeated in the header. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient http;
    private final Executor workers;
    private final URI generationsUri;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RequestConfig apiCall;
    private final RequestConfig videoDownload;
    private final SeedanceJson json = new SeedanceJson();

    /**
     * @param http    the component's client for this endpoint's TLS and proxy settings; shared, not closed here
     * @param workers where a download is started: opening a connection may look the host up, which blocks, and the
     *                API's answer completes on an I/O thread
     */
    public HttpSeedanceClient(
            String baseUrl,
            String apiKey,
            Duration connectTimeout,
            Duration requestTimeout,
            CloseableHttpAsyncClient http,
            Executor workers) {
        this.generationsUri = URI.create(stripTrailingSlash(baseUrl) + GENERATIONS_PATH);
        this.apiKey = apiKey;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.http = http;
        this.workers = workers;
        this.apiCall = timeouts().setRedirectsEnabled(false).build();
        // a loop is still bounded by the count; the client's loop check would stop a CDN that redirects to itself
        this.videoDownload = timeouts()
                .setRedirectsEnabled(true)
                .setMaxRedirects(MAX_REDIRECTS)
                .setCircularRedirectsAllowed(true)
                .build();
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout: one client serves endpoints with different ones
    private RequestConfig.Builder timeouts() {
        return RequestConfig.custom()
                .setExpectContinueEnabled(false)
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setResponseTimeout(Timeout.of(requestTimeout));
    }

    @Override
    public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
        BasicHttpRequest post = new BasicHttpRequest(Method.POST, generationsUri);
        post.addHeader(HttpHeaders.ACCEPT, "application/json");
        post.addHeader(new SecretHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey));
        TrackedBody body = new TrackedBody(AsyncEntityProducers.create(json.write(request), JSON), gate);
        String peer = "the Seedance API at " + hostOf(generationsUri);
        return execute(
                        new BasicRequestProducer(post, body),
                        new AnswerConsumer(MAX_ANSWER_BYTES),
                        apiCall,
                        failure -> transportFailure(failure, body.started(), peer))
                .thenApply(answer -> toVideo(answer, request.model()));
    }

    private GeneratedVideo toVideo(AnswerConsumer.Answer answer, String model) {
        // whatever the provider echoes, nothing read from the body can carry the key further
        String body = redact(new String(answer.body(), StandardCharsets.UTF_8));
        int status = answer.status();
        if (status < 200 || status > 299) {
            throw apiError(status, body, RetryAfter.parse(answer.retryAfter()));
        }
        return json.readVideo(status, body, model);
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
    public VideoDownload download(String videoUrl) {
        VideoDownload download = new VideoDownload();
        URI uri;
        try {
            uri = URI.create(videoUrl);
            requireHttp(uri);
        } catch (IllegalArgumentException e) {
            download.failed(new SeedanceException(
                    "The Seedance API returned a video URL that cannot be downloaded: " + e.getMessage(), e));
            return download;
        }
        String where = "the video from " + hostOf(uri) + uri.getRawPath();
        try {
            workers.execute(() -> startDownload(download, uri, where));
        } catch (RejectedExecutionException stopped) {
            download.failed(new SeedanceException(
                    "The seedance component stopped before " + where + " could be downloaded", stopped));
        }
        return download;
    }

    private void startDownload(VideoDownload download, URI uri, String where) {
        if (download.isAborted()) {
            download.finished();
            return;
        }
        VideoConsumer video = new VideoConsumer(
                download,
                SeedanceHttpClients.INITIAL_WINDOW,
                2 * SeedanceHttpClients.CONNECTION_BUFFER,
                requestTimeout);
        CompletableFuture<VideoContent> exchange = execute(
                new BasicRequestProducer(new BasicHttpRequest(Method.GET, uri), null),
                video,
                videoDownload,
                failure -> downloadFailure(failure, where, "the video host " + hostOf(uri)));
        // the exchange completes at the end of the body; cancelling it closes the connection until then
        download.running(() -> exchange.cancel(false));
        exchange.whenComplete((ended, failure) -> {
            if (failure == null) {
                download.finished();
            } else {
                download.failed(asSeedanceException(failure));
            }
        });
    }

    private static SeedanceException asSeedanceException(Throwable failure) {
        return failure instanceof SeedanceException seedance
                ? seedance
                : new SeedanceException("The video download ended: " + failure, failure);
    }

    private SeedanceException downloadFailure(Exception failure, String where, String host) {
        if (failure instanceof HttpResponseException status) {
            int code = status.getStatusCode();
            return new SeedanceException("Downloading " + where + " failed with HTTP " + code
                    + (code >= 300 && code < 400 ? " (redirect not followed)" : ""));
        }
        if (failure instanceof RedirectException) {
            return new SeedanceException(
                    "Downloading " + where + " failed: it was redirected more than " + MAX_REDIRECTS + " times",
                    failure);
        }
        // whether the GET went out does not matter: a download is not billed, and is never retried here
        return transportFailure(failure, true, host);
    }

    /**
     * Runs one exchange and completes with its result, or with the failure mapped to a SeedanceException. Cancelling the
     * returned future cancels the exchange, which closes its connection.
     */
    private <T> CompletableFuture<T> execute(
            AsyncRequestProducer request,
            AsyncResponseConsumer<T> consumer,
            RequestConfig config,
            Function<Exception, SeedanceException> failures) {
        CompletableFuture<T> result = new CompletableFuture<>();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        ExchangeHandle exchange = new ExchangeHandle();
        context.setAttribute(ExchangeHandle.ATTRIBUTE, exchange);
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                exchange.cancel();
            }
        });
        try {
            Future<T> running = http.execute(request, consumer, null, context, new FutureCallback<>() {
                @Override
                public void completed(T value) {
                    result.complete(value);
                }

                @Override
                public void failed(Exception cause) {
                    result.completeExceptionally(failures.apply(cause));
                }

                @Override
                public void cancelled() {
                    result.completeExceptionally(
                            failures.apply(new CancellationException("the HTTP client cancelled the exchange")));
                }
            });
            exchange.running(running);
        } catch (RuntimeException refused) {
            // the client refuses new exchanges once it is closed, which the component does when it stops
            String why = http.getStatus() == IOReactorStatus.ACTIVE
                    ? "The HTTP client refused the request"
                    : "The seedance component stopped before the request could be sent";
            result.completeExceptionally(SeedanceException.notSent(why + ": " + refused.getMessage(), refused));
        }
        return result;
    }

    /**
     * Says which step failed and why, without the URL's query (a CDN's may be signed) and without the key, and records
     * whether the request may have reached the provider: never before a connection exists, and otherwise only once its
     * body has started to go out.
     */
    private SeedanceException transportFailure(Exception failure, boolean bodyStarted, String peer) {
        if (failure instanceof SeedanceException seedance) {
            return seedance;
        }
        String reason = redact(String.valueOf(failure.getMessage()));
        if (causedBy(failure, SSLException.class)) {
            return SeedanceException.refusedBeforeSending(
                    "The TLS handshake with " + peer + " failed: " + reason
                            + ". Nothing was sent. If the server's certificate is not trusted by the JVM's default trust store,"
                            + " trust it with the sslContextParameters option (or useGlobalSslContextParameters)",
                    failure);
        }
        if (failure instanceof ContentTooLongException) {
            return new SeedanceException(reason, failure);
        }
        if (isTooManyOpenFiles(failure)) {
            return SeedanceException.notSent(
                    "Could not open a connection to " + peer + ": the operating system refused"
                            + " a socket (too many open files). Nothing was sent. Raise the process's file limit (ulimit -n)"
                            + " or cap the generations in flight with maxConcurrentRequests",
                    failure);
        }
        if (failure instanceof ConnectTimeoutException) {
            return SeedanceException.notSent(
                    "Could not connect to " + peer + " within the connectTimeout of " + connectTimeout.toMillis()
                            + " ms",
                    failure);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return SeedanceException.notSent("Could not connect to " + peer + ": " + reason, failure);
        }
        boolean sent = bodyStarted && !(failure instanceof RequestNotExecutedException);
        if (failure instanceof SocketTimeoutException) {
            String message =
                    "No answer from " + peer + " within the requestTimeout of " + requestTimeout.toSeconds() + "s";
            return sent ? SeedanceException.maybeSent(message, failure) : SeedanceException.notSent(message, failure);
        }
        String what = failure.getClass().getSimpleName() + (reason.equals("null") ? "" : ": " + reason);
        return sent
                ? SeedanceException.maybeSent("The connection to " + peer + " failed: " + what, failure)
                : SeedanceException.notSent(
                        "The connection to " + peer + " failed before the request was sent: " + what, failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTooManyOpenFiles(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Too many open files")) {
                return true;
            }
        }
        return false;
    }

    private static void requireHttp(URI uri) {
        if (uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("not an absolute http or https URL");
        }
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
