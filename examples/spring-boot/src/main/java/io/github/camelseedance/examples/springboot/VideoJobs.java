package io.github.camelseedance.examples.springboot;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelseedance.InvalidVideoRequestException;
import io.github.camelseedance.SeedanceApiException;
import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.SeedanceEndpoint;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts generations and keeps their outcome by id. A request is validated as the producer validates it before it is
 * accepted, so a bad one is refused with the field named and nothing sent. Outcomes are kept in memory: a restart
 * forgets them (a generation in flight at a stop fails with the reason, and may still be billed).
 */
@Service
public class VideoJobs {

    private static final Logger LOG = LoggerFactory.getLogger(VideoJobs.class);

    private final CamelContext camelContext;
    private final ProducerTemplate producerTemplate;
    private final Map<String, Submission> jobs = new ConcurrentHashMap<>();
    private final AtomicLong submitted = new AtomicLong();

    public VideoJobs(CamelContext camelContext, ProducerTemplate producerTemplate) {
        this.camelContext = camelContext;
        this.producerTemplate = producerTemplate;
    }

    /**
     * Accepts a request in the API's JSON shape and starts its generation; throws InvalidVideoRequestException, before
     * anything is sent, when the request breaks the contract.
     */
    public VideoJob submit(String json) {
        if (!camelContext.isStarted()) {
            throw new NotStartedException();
        }
        VideoGenerationRequest request = VideoRequests.parse(json);
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.getMessage().setBody(request);
        VideoGenerationRequest resolved;
        try {
            // resolves the request as the producer will (options, then body) and fails as it would, naming the field
            resolved = camelContext
                    .getEndpoint(VideoRoutes.GENERATE_URI, SeedanceEndpoint.class)
                    .request(exchange.getMessage());
        } catch (InvalidVideoRequestException e) {
            // the component names the option (aspectRatio); the client wrote the JSON field (aspect_ratio)
            throw new InvalidVideoRequestException(VideoRequests.jsonField(e.getField()), e.getMessage());
        }

        VideoJob job = VideoJob.pending(UUID.randomUUID().toString());
        jobs.put(job.id(), new Submission(submitted.incrementAndGet(), resolved, job));
        // asynchronous to the end: the returned future completes when the provider has answered
        producerTemplate.asyncSend(VideoRoutes.ROUTE_URI, exchange).whenComplete((done, failure) -> {
            VideoJob outcome = outcome(job.id(), done, failure);
            jobs.computeIfPresent(job.id(), (id, submission) -> submission.with(outcome));
            if (outcome.status().equals(VideoJob.DONE)) {
                LOG.info("Video {} done: {}", job.id(), outcome.videoUrl());
            } else {
                LOG.warn("Video {} failed: {}", job.id(), outcome.error());
            }
        });
        return job;
    }

    /** The job, or null when no job has that id. */
    public VideoJob find(String id) {
        Submission submission = jobs.get(id);
        return submission == null ? null : submission.job();
    }

    /** The job with the request it sends, or null when no job has that id. */
    public Submission submission(String id) {
        return jobs.get(id);
    }

    /** Every job so far, the latest first. */
    public List<Submission> submissions() {
        return jobs.values().stream()
                .sorted(Comparator.comparingLong(Submission::sequence).reversed())
                .toList();
    }

    private static VideoJob outcome(String id, Exchange exchange, Throwable failure) {
        Throwable error = failure != null ? failure : exchange.getException();
        if (error != null) {
            Integer status = error instanceof SeedanceApiException api ? api.getStatusCode() : null;
            return VideoJob.failed(id, oneLine(error), status);
        }
        Message result = exchange.getMessage();
        return VideoJob.done(
                id,
                result.getHeader(SeedanceConstants.VIDEO_URL, String.class),
                result.getHeader(SeedanceConstants.REVISED_PROMPT, String.class),
                result.getHeader(SeedanceConstants.CREATED, Long.class),
                result.getHeader(SeedanceConstants.REQUESTED_MODEL, String.class));
    }

    private static String oneLine(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank()
                ? error.getClass().getSimpleName()
                : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * A job with the request as the route sends it (defaults filled in), for showing what was asked.
     *
     * @param sequence the order of submission, from 1
     */
    public record Submission(long sequence, VideoGenerationRequest request, VideoJob job) {

        Submission with(VideoJob outcome) {
            return new Submission(sequence, request, outcome);
        }
    }

    /** A request that came before Camel had started its routes (the web server starts first). */
    static final class NotStartedException extends RuntimeException {
        NotStartedException() {
            super("The video service is starting: try again in a moment");
        }
    }
}
