package io.github.camelseedance.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;

import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceDownloadException;
import io.github.camelseedance.SeedanceException;
import io.github.camelseedance.client.video.VideoConsumer;
import io.github.camelseedance.client.video.VideoDownload;
import io.github.camelseedance.model.GeneratedVideo;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpResponseException;
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
    static final String MODELS_PATH = "/v1/models";
    /**
     * The longest a model list request may take, connection included: the list is small and free, so an API that takes
     * longer to give it is not ready, whatever a generation may take.
     */
    public static final Duration MODELS_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The largest successful answer read. An answer is a URL and the revised prompt, which the provider may make longer
     * than the prompt and JSON may escape to six bytes a character: far above that, far below what strains the heap.
     */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    /** The largest error body read: the provider's error object, or a proxy's error page, is a few KiB. */
    static final int MAX_ERROR_BYTES = 64 * 1024;

    static final int MAX_REDIRECTS = 5;
    static final DownloadRedirects REDIRECTS = new DownloadRedirects();
    /** As the provider documents it: the charset is JSON's own, UTF-8, and not repeated in the header. */
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient http;
    private final Executor workers;
    private final ScheduledExecutorService timer;
    private final URI generationsUri;
    private final URI modelsUri;
    private final String apiKey;
    private final Redactor redactor;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final DownloadLimits downloadLimits;
    private final RequestConfig apiCall;
    private final RequestConfig videoDownload;
    private final SeedanceJson json;

    /**
     * @param downloads what bounds a video download besides the requestTimeout
     * @param http      the component's client for this endpoint's TLS and proxy settings; shared, not closed here
     * @param workers   where a download is started: opening a connection may look the host up, which blocks, and the
     *                  API's answer completes on an I/O thread
     * @param timer     the component's timer, on which each call's deadline is a scheduled task
     */
    public HttpSeedanceClient(
            String baseUrl,
            String apiKey,
            Duration connectTimeout,
            Duration requestTimeout,
            DownloadLimits downloads,
            CloseableHttpAsyncClient http,
            Executor workers,
            ScheduledExecutorService timer) {
        this.generationsUri = URI.create(stripTrailingSlash(baseUrl) + GENERATIONS_PATH);
        this.modelsUri = URI.create(stripTrailingSlash(baseUrl) + MODELS_PATH);
        this.apiKey = apiKey;
        this.redactor = new Redactor(apiKey);
        this.json = new SeedanceJson(redactor);
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.downloadLimits = downloads;
        this.http = http;
        this.workers = workers;
        this.timer = timer;
        this.apiCall = timeouts().setRedirectsEnabled(false).build();
        // each redirect of a download is its own exchange (VideoFetch), so that a redirect's body is never read.
        // A short video may complete its future before the client registers the exchange's cancel with that future;
        // a done future runs the cancel at once and would drop a connection that could be kept alive, so downloads
        // have none and are ended through ExchangeAbort instead
        this.videoDownload = timeouts()
                .setRedirectsEnabled(false)
                .setHardCancellationEnabled(false)
                .build();
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout: one client serves endpoints with different ones
    private RequestConfig.Builder timeouts() {
        return RequestConfig.custom()
                .setExpectContinueEnabled(false)
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setResponseTimeout(Timeout.of(requestTimeout));
    }

    /**
     * The requestTimeout ends the whole wait for the answer, head and body: the connection's inactivity timeout alone
     * would let a server that sends a byte now and then hold the call for ever.
     */
    @Override
    public CompletableFuture<GeneratedVideo> generate(VideoGenerationRequest request, SendGate gate) {
        BasicHttpRequest post = new BasicHttpRequest(Method.POST, generationsUri);
        post.addHeader(HttpHeaders.ACCEPT, "application/json");
        post.addHeader(new SecretHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey));
        TrackedBody body = new TrackedBody(AsyncEntityProducers.create(json.write(request), JSON), gate);
        String peer = "the Seedance API at " + hostOf(generationsUri);
        AnswerConsumer consumer = new AnswerConsumer(MAX_ANSWER_BYTES, MAX_ERROR_BYTES);
        CompletableFuture<AnswerConsumer.Answer> answer = new CompletableFuture<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        try {
            deadline(answer, requestTimeout, timedOut);
        } catch (RejectedExecutionException stopped) {
            return CompletableFuture.failedFuture(SeedanceException.notSent(
                    "The seedance component stopped before the request could be sent", stopped));
        }
        start(new BasicRequestProducer(post, body), consumer, apiCall, answer);
        CompletableFuture<GeneratedVideo> video = answer.handle((done, failure) -> {
            if (failure != null) {
                throw generationFailure(failure, timedOut.get(), consumer.status(), body.started(), peer);
            }
            return toVideo(done, request.model());
        });
        // a future derived from another does not pass a cancel back: cancelling the video ends the exchange itself
        video.whenComplete((done, failure) -> {
            if (video.isCancelled()) {
                answer.cancel(false);
            }
        });
        return video;
    }

    /**
     * Cancels {@code call} once {@code bound} has passed, setting {@code timedOut} first: one task on the component's
     * timer, removed when the call ends. Throws RejectedExecutionException once the timer has stopped.
     */
    private void deadline(CompletableFuture<?> call, Duration bound, AtomicBoolean timedOut) {
        ScheduledFuture<?> task = timer.schedule(
                () -> {
                    timedOut.set(true);
                    call.cancel(false);
                },
                bound.toMillis(),
                TimeUnit.MILLISECONDS);
        call.whenComplete((done, failure) -> task.cancel(false));
    }

    /**
     * A call that ended without a whole answer. Once a success's head has come, the video was generated and billed, so
     * the failure is final whatever broke; once an error's head has come, its status decides as usual.
     */
    private SeedanceException generationFailure(
            Throwable failure, boolean timedOut, int status, boolean bodyStarted, String peer) {
        Exception cause = timedOut && failure instanceof CancellationException
                ? new TimeoutException("the requestTimeout ended the call")
                : failure instanceof Exception e ? e : new IllegalStateException(failure);
        SeedanceException transport = transportFailure(cause, bodyStarted, peer);
        if (status >= 200 && status < 300) {
            return SeedanceException.unusableAnswer(
                    status,
                    "The Seedance API answered HTTP " + status + ", but its answer was not read: "
                            + transport.getMessage(),
                    cause);
        }
        if (status != 0) {
            return new SeedanceApiException(
                    status, "the error's body was not read: " + transport.getMessage(), null, null, null, null);
        }
        return transport;
    }

    /** A success is delivered as the provider sent it; only the texts of a failure are redacted. */
    private GeneratedVideo toVideo(AnswerConsumer.Answer answer, String model) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        int status = answer.status();
        if (status < 200 || status > 299) {
            throw errorAnswer(answer, body);
        }
        if (answer.cut()) {
            throw SeedanceException.unusableAnswer(
                    status,
                    "The Seedance API answered HTTP " + status + " with an answer larger than "
                            + MAX_ANSWER_BYTES / 1024 + " KiB, which was not read");
        }
        return json.readVideo(status, body, model);
    }

    /** An answer with an error status, as the exception that tells it. */
    private SeedanceApiException errorAnswer(AnswerConsumer.Answer answer, String body) {
        int status = answer.status();
        Duration retryAfter = RetryAfter.parse(answer.retryAfter());
        return answer.cut()
                ? new SeedanceApiException(
                        status,
                        "an error response larger than " + MAX_ERROR_BYTES / 1024 + " KiB, read no further: "
                                + json.excerpt(body),
                        null,
                        null,
                        null,
                        retryAfter)
                : apiError(status, body, retryAfter);
    }

    /**
     * The ids in the provider's model list, {@code GET {baseUrl}/v1/models} with the key: free, so a health check may
     * call it. Read leniently: a list without ids is an empty one. Fails as a generation does, with a
     * {@link SeedanceApiException} for an error status and a {@link SeedanceException} when no answer came, within
     * {@link #MODELS_TIMEOUT} (or the requestTimeout when shorter).
     */
    public CompletableFuture<List<String>> models() {
        BasicHttpRequest get = new BasicHttpRequest(Method.GET, modelsUri);
        get.addHeader(HttpHeaders.ACCEPT, "application/json");
        get.addHeader(new SecretHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey));
        String peer = "the Seedance API at " + hostOf(modelsUri);
        Duration bound = requestTimeout.compareTo(MODELS_TIMEOUT) < 0 ? requestTimeout : MODELS_TIMEOUT;
        AnswerConsumer consumer = new AnswerConsumer(MAX_ANSWER_BYTES, MAX_ERROR_BYTES);
        CompletableFuture<AnswerConsumer.Answer> answer = new CompletableFuture<>();
        AtomicBoolean timedOut = new AtomicBoolean();
        try {
            deadline(answer, bound, timedOut);
        } catch (RejectedExecutionException stopped) {
            return CompletableFuture.failedFuture(SeedanceException.notSent(
                    "The seedance component stopped before the model list could be asked for", stopped));
        }
        start(new BasicRequestProducer(get, null), consumer, apiCall, answer);
        return answer.handle((done, failure) -> {
            if (failure != null && timedOut.get()) {
                throw SeedanceException.notSent(
                        "No answer from " + peer + " to GET " + MODELS_PATH + " within " + describe(bound),
                        new TimeoutException("the model list's deadline ended the call"));
            }
            if (failure != null) {
                throw generationFailure(failure, false, consumer.status(), false, peer);
            }
            String body = new String(done.body(), StandardCharsets.UTF_8);
            if (done.status() < 200 || done.status() > 299) {
                throw errorAnswer(done, body);
            }
            return json.readModelIds(body);
        });
    }

    private SeedanceApiException apiError(int status, String body, Duration retryAfter) {
        SeedanceJson.ApiError error = json.readError(body);
        if (error == null) {
            String text = body.isEmpty() ? "empty response body" : "non-JSON response " + json.excerpt(body);
            return new SeedanceApiException(status, text, null, null, null, retryAfter);
        }
        return new SeedanceApiException(status, error.message(), error.type(), error.param(), error.code(), retryAfter);
    }

    @Override
    public VideoDownload download(String videoUrl) {
        VideoDownload download = new VideoDownload(videoUrl);
        URI uri;
        try {
            uri = URI.create(videoUrl);
            requireHttp(uri);
        } catch (IllegalArgumentException e) {
            // without the cause: its message repeats the URL as it came, unredacted
            download.failed(new SeedanceDownloadException(
                    "The Seedance API returned a video URL that cannot be downloaded: "
                            + redactor.redact(e.getMessage()),
                    null,
                    videoUrl,
                    0,
                    true));
            return download;
        }
        new VideoFetch(
                        this,
                        download,
                        uri,
                        redactor.redact("the video from " + hostOf(uri) + uri.getRawPath()),
                        downloadLimits,
                        videoDownload,
                        requestTimeout,
                        workers,
                        timer)
                .start();
        return download;
    }

    /**
     * What a failed download attempt means, with the video's URL for a later fetch. Whether it would recur decides
     * whether another attempt is made: a 5xx or a broken connection may pass, a 4xx, a refused address, a video too
     * large or a host that cannot resume it will not.
     */
    SeedanceDownloadException downloadFailure(Throwable failure, String where, URI uri, String videoUrl) {
        DownloadAddressRefusedException refused = refusal(failure);
        if (refused != null) {
            return new SeedanceDownloadException(
                    "Downloading " + where + " was refused: " + refused.getMessage() + ". Downloads, and the"
                            + " redirects they follow, connect only to public addresses and to the API's own host and"
                            + " port (baseUrl). If the video host is yours, name it in videoHostsAllowed; to reach"
                            + " private network addresses, set allowPrivateVideoAddresses=true",
                    failure,
                    videoUrl,
                    0,
                    true);
        }
        if (failure instanceof HttpResponseException status) {
            int code = status.getStatusCode();
            return new SeedanceDownloadException(
                    "Downloading " + where + " failed with HTTP " + code
                            + (code >= 400 && code < 500 ? " (the URL may have expired; it is not tried again)" : ""),
                    null,
                    videoUrl,
                    code,
                    code < 500);
        }
        if (failure instanceof ContentTooLongException tooLong) {
            return new SeedanceDownloadException(
                    "Downloading " + where + " failed: " + tooLong.getMessage(), tooLong, videoUrl, 0, true);
        }
        if (failure instanceof VideoConsumer.NotResumable notResumable) {
            return new SeedanceDownloadException(
                    "Downloading " + where + " broke off and could not be taken up again: " + notResumable.getMessage(),
                    notResumable,
                    videoUrl,
                    0,
                    true);
        }
        // whether the GET went out does not matter: a download is not billed
        SeedanceException transport = transportFailure(
                failure instanceof Exception e ? e : new IllegalStateException(failure),
                true,
                "the video host " + hostOf(uri));
        return new SeedanceDownloadException(
                transport.getMessage(), transport.getCause(), videoUrl, 0, transport.isPermanent());
    }

    /**
     * Starts one exchange that completes {@code result}, which fails with the client's own exception for the caller to
     * describe. Cancelling {@code result} ends the exchange and drops its connection; so does the returned abort, also
     * once {@code result} has completed with the head of a response whose body is still coming.
     */
    <T> ExchangeAbort start(
            AsyncRequestProducer request,
            AsyncResponseConsumer<T> consumer,
            RequestConfig config,
            CompletableFuture<T> result) {
        ExchangeAbort abort = new ExchangeAbort();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        context.setAttribute(ExchangeAbort.ATTRIBUTE, abort);
        try {
            abort.exchange(http.execute(request, consumer, null, context, new FutureCallback<>() {
                @Override
                public void completed(T value) {
                    result.complete(value);
                }

                @Override
                public void failed(Exception cause) {
                    result.completeExceptionally(cause);
                }

                @Override
                public void cancelled() {
                    result.completeExceptionally(new CancellationException("the HTTP client cancelled the exchange"));
                }
            }));
            result.whenComplete((value, failure) -> {
                if (result.isCancelled()) {
                    abort.cancel();
                }
            });
        } catch (RuntimeException refused) {
            // the client refuses new exchanges once it is closed, which the component does when it stops
            String why = http.getStatus() == IOReactorStatus.ACTIVE
                    ? "The HTTP client refused the request"
                    : "The seedance component stopped before the request could be sent";
            result.completeExceptionally(SeedanceException.notSent(why + ": " + refused.getMessage(), refused));
        }
        return abort;
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
        String reason = redactor.redact(String.valueOf(failure.getMessage()));
        if (causedBy(failure, SSLException.class)) {
            return SeedanceException.refusedBeforeSending(
                    "The TLS handshake with " + peer + " failed: " + reason
                            + ". Nothing was sent. If the server's certificate is not trusted by the JVM's default trust store,"
                            + " trust it with the sslContextParameters option (or useGlobalSslContextParameters)",
                    failure);
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
        if (failure instanceof SocketTimeoutException || failure instanceof TimeoutException) {
            String message =
                    "No complete answer from " + peer + " within the requestTimeout of " + describe(requestTimeout);
            return sent ? SeedanceException.maybeSent(message, failure) : SeedanceException.notSent(message, failure);
        }
        String what = failure.getClass().getSimpleName() + (reason.equals("null") ? "" : ": " + reason);
        return sent
                ? SeedanceException.maybeSent("The connection to " + peer + " failed: " + what, failure)
                : SeedanceException.notSent(
                        "The connection to " + peer + " failed before the request was sent: " + what, failure);
    }

    /** The download rules' refusal, thrown by the resolver or, behind a proxy, wrapped by the route planner. */
    private static DownloadAddressRefusedException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DownloadAddressRefusedException refused) {
                return refused;
            }
        }
        return null;
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
        if (!isHttp(uri)) {
            throw new IllegalArgumentException("not an absolute http or https URL");
        }
    }

    static boolean isHttp(URI uri) {
        return uri.getHost() != null
                && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    }

    /** A duration as the options are usually written: whole seconds, or milliseconds below them. */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + " ms";
    }

    private static String hostOf(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
