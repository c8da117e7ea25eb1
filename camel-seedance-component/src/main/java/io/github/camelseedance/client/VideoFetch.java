package io.github.camelseedance.client;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelseedance.SeedanceDownloadException;
import io.github.camelseedance.client.video.VideoConsumer;
import io.github.camelseedance.client.video.VideoContent;
import io.github.camelseedance.client.video.VideoDownload;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One video download, attempt after attempt. Each attempt follows the redirects hop by hop (so a redirect's body is
 * never read), each within the downloadTimeout; one that breaks is taken up again after a backoff, from the first
 * missing byte (DESIGN.md, "Downloads recover"). An abort (a stop) reaches whichever hop or wait is under way.
 */
final class VideoFetch {

    private static final Logger LOG = LoggerFactory.getLogger(VideoFetch.class);

    private final HttpSeedanceClient client;
    private final VideoDownload download;
    private final URI origin;
    /** The video's host and path, for messages: a CDN's query may be signed. */
    private final String where;

    private final DownloadLimits limits;
    private final RequestConfig config;
    private static final Duration STALL_MARGIN = Duration.ofSeconds(5);

    /** The longest a reader waits for bytes while an attempt delivers. */
    private final Duration stall;

    private final Executor workers;
    private final ScheduledExecutorService timer;
    private volatile Attempt current;

    VideoFetch(
            HttpSeedanceClient client,
            VideoDownload download,
            URI origin,
            String where,
            DownloadLimits limits,
            RequestConfig config,
            Duration stall,
            Executor workers,
            ScheduledExecutorService timer) {
        this.client = client;
        this.download = download;
        this.origin = origin;
        this.where = where;
        this.limits = limits;
        this.config = config;
        // a safety net behind the connection's own inactivity timeout, which must fire first: its failure is a break
        // that another attempt takes up, while the reader's stall fails the stream for good. The margin covers the
        // I/O reactor, which checks timeouts once a second, and timers running late on a loaded machine, so that a
        // short requestTimeout does not let the net win the race
        this.stall = stall.multipliedBy(2).plus(STALL_MARGIN);
        this.workers = workers;
        this.timer = timer;
    }

    /** One attempt, across its hops: its deadline, and whether that has passed. */
    private static final class Attempt {

        final int number;
        volatile boolean expired;
        volatile ScheduledFuture<?> deadline;
        volatile ExchangeAbort hop;

        Attempt(int number) {
            this.number = number;
        }

        void end() {
            ScheduledFuture<?> task = deadline;
            if (task != null) {
                task.cancel(false);
            }
        }
    }

    void start() {
        begin(1);
    }

    private void begin(int number) {
        Attempt attempt = new Attempt(number);
        current = attempt;
        Duration timeout = limits.downloadTimeout();
        if (timeout != null) {
            try {
                attempt.deadline = timer.schedule(() -> expire(attempt), timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                download.failed(stopped(stopped));
                return;
            }
        }
        send(attempt, origin, 0);
    }

    private void send(Attempt attempt, URI uri, int redirects) {
        try {
            workers.execute(() -> exchange(attempt, uri, redirects));
        } catch (RejectedExecutionException stopped) {
            attempt.end();
            download.failed(stopped(stopped));
        }
    }

    private void exchange(Attempt attempt, URI uri, int redirects) {
        if (download.isOver()) {
            attempt.end();
            download.finished(); // aborted, or given up by its reader, before this hop: nothing more is sent
            return;
        }
        long offset = download.received();
        VideoConsumer video = new VideoConsumer(
                download,
                uri,
                HttpSeedanceClient.REDIRECTS,
                SeedanceHttpClients.INITIAL_WINDOW,
                2 * SeedanceHttpClients.CONNECTION_BUFFER,
                stall,
                limits.maxVideoSize(),
                offset,
                this::over);
        BasicHttpRequest get = new BasicHttpRequest(Method.GET, uri);
        if (offset > 0) {
            get.addHeader(HttpHeaders.RANGE, "bytes=" + offset + "-");
        }
        // completes at the end of the video's body, or at the head of any other answer
        CompletableFuture<VideoContent> call = new CompletableFuture<>();
        call.whenComplete((content, failure) -> {
            if (failure == null) {
                attempt.end();
                download.finished();
            } else if (failure instanceof VideoConsumer.Redirect redirect) {
                follow(attempt, uri, redirect, redirects);
            } else {
                broke(attempt, failure, uri);
            }
        });
        ExchangeAbort hop = client.start(new BasicRequestProducer(get, null), video, config, call);
        attempt.hop = hop;
        // an abort ends this hop from now on, and at once if it came while the hop was starting; so does the deadline
        download.running(hop);
        if (attempt.expired) {
            hop.cancel();
        }
    }

    private void follow(Attempt attempt, URI from, VideoConsumer.Redirect redirect, int redirects) {
        URI to = redirect.location();
        if (redirects >= HttpSeedanceClient.MAX_REDIRECTS) {
            attempt.end();
            download.failed(failure(
                    "Downloading " + where + " failed: it was redirected more than " + HttpSeedanceClient.MAX_REDIRECTS
                            + " times",
                    null,
                    0,
                    true));
        } else if (!HttpSeedanceClient.isHttp(to)
                || !HttpSeedanceClient.REDIRECTS.isRedirectAllowed(
                        HttpHost.create(from),
                        HttpHost.create(to),
                        new BasicHttpRequest(Method.GET, to),
                        HttpClientContext.create())) {
            attempt.end();
            download.failed(failure(
                    "Downloading " + where + " failed with HTTP " + redirect.getStatusCode()
                            + " (redirect not followed)",
                    null,
                    redirect.getStatusCode(),
                    true));
        } else {
            send(attempt, to, redirects + 1);
        }
    }

    /**
     * The attempt ended without the whole video. A break that may pass is taken up again while attempts remain; an
     * abort, a stream its reader gave up, and a failure that would recur (a 4xx, a refused address, a video too large)
     * end the download.
     */
    private void broke(Attempt attempt, Throwable cause, URI uri) {
        attempt.end();
        if (download.isOver()) {
            download.finished();
            return;
        }
        SeedanceDownloadException failure = attempt.expired
                ? failure(
                        "Downloading " + where + " took longer than the downloadTimeout of "
                                + HttpSeedanceClient.describe(limits.downloadTimeout()),
                        null,
                        0,
                        false)
                : client.downloadFailure(cause, where, uri, download.url());
        int number = attempt.number;
        if (failure.isPermanent() || number >= limits.attempts()) {
            download.failed(
                    number == 1
                            ? failure
                            : failure.afterAttempts(
                                    number,
                                    (failure.isPermanent() ? "after " : "gave up after ") + number + " attempts"));
            return;
        }
        download.broke();
        Duration wait = limits.backoff(number);
        LOG.info(
                "Downloading {} broke off after {} bytes ({}); attempt {} of {} in {} ms",
                where,
                download.received(),
                failure.getMessage(),
                number + 1,
                limits.attempts(),
                wait.toMillis());
        ScheduledFuture<?> next;
        try {
            next = timer.schedule(() -> begin(number + 1), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            download.failed(stopped(stopped));
            return;
        }
        // a stop during the wait ends the download there
        download.running(() -> {
            boolean cancelled = next.cancel(false);
            if (cancelled) {
                download.finished();
            }
            return cancelled;
        });
    }

    /** The attempt's downloadTimeout has passed: its hop is dropped, and the attempt counts as broken off. */
    private void expire(Attempt attempt) {
        attempt.expired = true;
        ExchangeAbort hop = attempt.hop;
        if (hop != null) {
            hop.cancel();
        }
    }

    /** The video's body is over (ended, failed for good, aborted, or closed by its reader): no deadline is needed. */
    private void over() {
        Attempt attempt = current;
        if (attempt != null) {
            attempt.end();
        }
    }

    private SeedanceDownloadException failure(String message, Throwable cause, int status, boolean permanent) {
        return new SeedanceDownloadException(message, cause, download.url(), status, permanent);
    }

    private SeedanceDownloadException stopped(RejectedExecutionException stopped) {
        return failure("The seedance component stopped before " + where + " could be downloaded", stopped, 0, false);
    }
}
