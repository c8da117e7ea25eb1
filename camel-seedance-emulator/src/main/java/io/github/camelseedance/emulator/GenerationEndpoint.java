package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/videos/generations}: records and judges each request, then answers 401, 400, the next scripted
 * answer, the fault for a first attempt, a random {@link Fault}, or (after the latency, on a timer) a generated video's
 * URL. Every request counts as in flight from its arrival until its answer goes out or its connection closes.
 */
final class GenerationEndpoint {

    static final String PATH = "/v1/videos/generations";

    private static final Logger LOG = LoggerFactory.getLogger(GenerationEndpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final ContractJudge judge;
    private final EmulatorRecords records;
    private final ConcurrencyGauge gauge;
    private final VideoLibrary videos;
    private final String expectedAuthorization;
    private final Supplier<Duration> latency;
    private final Supplier<String> baseUrl;
    private final FaultInjector faults;
    private final FirstAttemptFaults firstAttempts;

    GenerationEndpoint(
            Vertx vertx,
            ContractJudge judge,
            EmulatorRecords records,
            ConcurrencyGauge gauge,
            VideoLibrary videos,
            String apiKey,
            Supplier<Duration> latency,
            Supplier<String> baseUrl,
            FaultInjector faults,
            FirstAttemptFaults firstAttempts) {
        this.vertx = vertx;
        this.judge = judge;
        this.records = records;
        this.gauge = gauge;
        this.videos = videos;
        this.expectedAuthorization = "Bearer " + apiKey;
        this.latency = latency;
        this.baseUrl = baseUrl;
        this.faults = faults;
        this.firstAttempts = firstAttempts;
    }

    void handle(HttpServerRequest request) {
        // counted in as soon as the headers are here, and out when the client leaves early, whatever stage it left at
        Runnable leave = gauge.enter();
        request.response().closeHandler(closed -> leave.run());
        request.body()
                .onSuccess(body -> answer(request, body.getBytes(), leave))
                .onFailure(e -> LOG.debug("POST {}: the body never fully arrived: {}", PATH, e.toString()));
    }

    private void answer(HttpServerRequest request, byte[] bodyBytes, Runnable leave) {
        String body = new String(bodyBytes, StandardCharsets.UTF_8);
        Map<String, List<String>> headers = HeaderMaps.copyOf(request.headers());
        Verdict verdict = judge.judge(HeaderMaps.firstValues(headers), body);
        RecordedRequest recorded =
                new RecordedRequest(request.method().name(), request.path(), headers, body, verdict.messages());
        records.addGeneration(recorded);
        // counted out before the bytes leave, as the status is recorded: a client holding its answer sees both
        IntConsumer answered = status -> {
            leave.run();
            recorded.answered(status);
        };
        if (verdict.valid()) {
            LOG.debug("POST {}: follows the contract", PATH);
        } else {
            LOG.debug(
                    "POST {}: {} contract violation(s): {}",
                    PATH,
                    verdict.violations().size(),
                    verdict.messages());
        }

        if (!expectedAuthorization.equals(recorded.header("authorization"))) {
            Replies.sendError(
                    request,
                    401,
                    "Incorrect API key provided",
                    "authentication_error",
                    null,
                    "invalid_api_key",
                    answered);
        } else if (!verdict.valid()) {
            Replies.sendError(
                    request,
                    400,
                    verdict.firstMessage(),
                    "invalid_request_error",
                    verdict.firstField(),
                    "invalid_parameter",
                    answered);
        } else {
            EmulatorResponse scripted = records.nextQueued();
            if (scripted != null) {
                after(scripted.delay(), () -> Replies.sendScripted(request, scripted, answered));
            } else {
                answerOrFault(request, recorded, bodyBytes, answered);
            }
        }
    }

    // only valid requests without a scripted answer draw, so a test's own script and 400s keep the sequence intact; a
    // first attempt's fault uses no draw either, so the random sequence goes to the requests that were let through
    private void answerOrFault(HttpServerRequest request, RecordedRequest recorded, byte[] body, IntConsumer answered) {
        Fault firstAttempt = firstAttempts.take(body);
        Fault fault = firstAttempt != null ? firstAttempt : faults.draw();
        if (fault == null) {
            after(latency.get(), () -> answerGenerated(request, recorded.body(), answered, false));
            return;
        }
        // recorded before anything leaves, so a client that has its answer finds the fault in the records too
        recorded.injected(fault);
        LOG.debug("POST {}: injecting {}{}", PATH, fault, firstAttempt != null ? " into a first attempt" : "");
        EmulatorResponse response = fault.response();
        if (response == null) {
            after(latency.get(), () -> answerGenerated(request, recorded.body(), answered, true));
        } else {
            // the ambiguous faults come after the model "worked" on the request, the others before it started
            after(
                    fault.ambiguous() ? latency.get() : Duration.ZERO,
                    () -> Replies.sendScripted(request, response, answered));
        }
    }

    private void answerGenerated(HttpServerRequest request, String body, IntConsumer answered, boolean brokenDownload) {
        String url = baseUrl.get() + VideoEndpoint.PREFIX + videos.issue(body, brokenDownload) + VideoEndpoint.SUFFIX;
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("data").addObject().put("url", url).put("revised_prompt", "");
        root.put("created", Instant.now().getEpochSecond());
        Replies.sendJson(request, 200, root.toString(), answered);
    }

    // a Vert.x timer rather than a sleep: a thousand slow generations then hold no thread
    private void after(Duration delay, Runnable action) {
        long millis = delay.toMillis();
        if (millis <= 0) {
            action.run();
        } else {
            vertx.setTimer(millis, id -> action.run());
        }
    }
}
