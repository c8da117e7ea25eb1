package io.github.camelseedance;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.camelseedance.client.ClientSettings;
import io.github.camelseedance.client.DownloadLimits;
import io.github.camelseedance.client.DownloadRules;
import io.github.camelseedance.client.HttpSeedanceClient;
import io.github.camelseedance.client.ProxySettings;
import io.github.camelseedance.client.RequestFingerprint;
import io.github.camelseedance.client.RetryPolicy;
import io.github.camelseedance.client.RetryingSeedanceClient;
import io.github.camelseedance.model.VideoGenerationRequest;
import io.github.camelseedance.request.RequestResolver;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Generate videos with ByteDance Seedance (text-to-video and image-to-video).
 */
@UriEndpoint(
        firstVersion = "1.0.0",
        scheme = "seedance",
        title = "Seedance",
        syntax = "seedance:operation",
        producerOnly = true,
        category = {Category.AI},
        headersClass = SeedanceConstants.class)
@ManagedResource(description = "Seedance endpoint: generations in flight and outcomes")
public class SeedanceEndpoint extends DefaultEndpoint implements AsyncEndpoint {

    @UriPath(
            enums = "generate,download",
            description = "The operation to perform: generate a video, or download one already generated, whose URL is"
                    + " in the CamelSeedanceVideoUrl header or the body, without generating it again.")
    @Metadata(required = true)
    private SeedanceOperation operation;

    @UriParam
    private SeedanceConfiguration configuration;

    private RequestResolver requestResolver;
    private ClientSettings clientSettings;
    private RetryingSeedanceClient client;
    private GenerationPermits permits;
    private WritableHealthCheckRepository healthChecks;
    private SeedanceHealthCheck healthCheck;
    /** Kept across restarts of the endpoint, as the permits are. */
    private final SeedanceStatistics statistics = new SeedanceStatistics();

    private GenerationProgress progress;

    public SeedanceEndpoint(
            String uri, SeedanceComponent component, SeedanceOperation operation, SeedanceConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public SeedanceComponent getComponent() {
        return (SeedanceComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new SeedanceProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The seedance component only sends: use it in to(), not from()");
    }

    /** Checks the options when the route starts, so a bad option stops the route instead of failing each message. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // reading a video from its CDN is free and sends no credential: only generating needs the key
        if (operation != SeedanceOperation.download) {
            requireApiKey();
        }
        requireHttpUrl("baseUrl", configuration.getBaseUrl());
        OptionBounds.duration("connectTimeout", configuration.getConnectTimeout(), OptionBounds.MAX_CONNECT_TIMEOUT);
        OptionBounds.duration("requestTimeout", configuration.getRequestTimeout(), OptionBounds.MAX_REQUEST_TIMEOUT);
        OptionBounds.duration(
                "healthCheckInterval", configuration.getHealthCheckInterval(), OptionBounds.MAX_HEALTH_CHECK_INTERVAL);
        OptionBounds.duration(
                "progressInterval", configuration.getProgressInterval(), OptionBounds.MAX_PROGRESS_INTERVAL);
        OptionBounds.duration("retryDelay", configuration.getRetryDelay(), OptionBounds.MAX_RETRY_DELAY);
        OptionBounds.duration("maxRetryDelay", configuration.getMaxRetryDelay(), OptionBounds.MAX_RETRY_DELAY);
        OptionBounds.wholeNumber("maxRetries", configuration.getMaxRetries(), 0, OptionBounds.MAX_RETRIES);
        OptionBounds.wholeNumber("maxVideoSize", configuration.getMaxVideoSize(), 1, OptionBounds.MAX_VIDEO_SIZE);
        OptionBounds.wholeNumber(
                "downloadAttempts", configuration.getDownloadAttempts(), 1, OptionBounds.MAX_DOWNLOAD_ATTEMPTS);
        if (configuration.getDownloadTimeout() != null) {
            OptionBounds.duration(
                    "downloadTimeout",
                    configuration.getDownloadTimeout().toMillis(),
                    OptionBounds.MAX_DOWNLOAD_TIMEOUT);
        }
        if (configuration.getMaxConcurrentRequests() != null) {
            OptionBounds.wholeNumber(
                    "maxConcurrentRequests",
                    configuration.getMaxConcurrentRequests(),
                    1,
                    OptionBounds.MAX_CONCURRENT_REQUESTS);
        }
        Integer cap = configuration.getMaxConcurrentRequests();
        // made once: a generation cut loose by a stopped producer keeps its permit until its call ends
        permits = new GenerationPermits(cap == null ? GenerationPermits.UNLIMITED : cap);
        progress = new GenerationProgress(
                URISupport.sanitizeUri(getEndpointUri()),
                statistics,
                this::getGenerationsWaitingForPermit,
                configuration.getProgressInterval());
        clientSettings = new ClientSettings(configuration.getSslContextParameters(), proxySettings(), downloadRules());
        OptionBounds.wholeNumber(
                "maxPromptLength", configuration.getMaxPromptLength(), 1, OptionBounds.MAX_PROMPT_LENGTH);
        requestResolver = new RequestResolver(configuration, getCamelContext().getTypeConverter());
        getComponent().warnIfUnknownModel(requestResolver.optionModel());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (client == null) {
            HttpSeedanceClient http = new HttpSeedanceClient(
                    configuration.getBaseUrl(),
                    apiKey(),
                    Duration.ofMillis(configuration.getConnectTimeout()),
                    Duration.ofMillis(configuration.getRequestTimeout()),
                    new DownloadLimits(
                            configuration.getMaxVideoSize(),
                            configuration.getDownloadTimeout(),
                            configuration.getDownloadAttempts(),
                            Duration.ofMillis(configuration.getRetryDelay()),
                            Duration.ofMillis(configuration.getMaxRetryDelay())),
                    getComponent().httpClient(clientSettings),
                    getComponent().responseExecutor(),
                    getComponent().timer());
            RetryPolicy policy = new RetryPolicy(
                    configuration.getMaxRetries(),
                    Duration.ofMillis(configuration.getRetryDelay()),
                    Duration.ofMillis(configuration.getMaxRetryDelay()),
                    configuration.isRetryAmbiguousFailures());
            client = new RetryingSeedanceClient(
                    http, policy, getComponent().timer(), getComponent().responseExecutor(), statistics);
            addHealthCheck(http);
        }
        if (operation == SeedanceOperation.generate) {
            progress.start(getComponent().timer());
        }
    }

    /**
     * A generate endpoint's readiness check, among Camel's producer checks, so that camel.health.producers-enabled
     * switches it as it switches the others (DESIGN.md's "Health check"). Without camel-health there is none.
     */
    private void addHealthCheck(HttpSeedanceClient http) {
        if (operation != SeedanceOperation.generate || !getComponent().isHealthCheckProducerEnabled()) {
            return;
        }
        healthChecks = HealthCheckHelper.getHealthCheckRepository(
                getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthChecks != null) {
            healthCheck = new SeedanceHealthCheck(
                    getEndpointUri(),
                    configuration.getBaseUrl(),
                    Duration.ofMillis(configuration.getHealthCheckInterval()),
                    HttpSeedanceClient.MODELS_TIMEOUT,
                    http::models);
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        // producers stop first, so what this endpoint still had in flight has already been stopped; the HTTP client
        // is the component's, shared with other endpoints, and closed when the component stops
        client = null;
        if (healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        if (progress != null) {
            progress.stop();
        }
        super.doStop();
    }

    /** The proxy options, checked together; null when no proxy is set. */
    private ProxySettings proxySettings() {
        String host = configuration.getProxyHost();
        Integer port = configuration.getProxyPort();
        String user = configuration.getProxyAuthUsername();
        if (host == null || host.isBlank()) {
            if (port != null
                    || user != null
                    || configuration.getProxyAuthPassword() != null
                    || configuration.getNonProxyHosts() != null) {
                throw new IllegalArgumentException("Missing proxyHost: proxyPort, proxyAuthUsername, proxyAuthPassword"
                        + " and nonProxyHosts apply only with a proxyHost");
            }
            return null;
        }
        if (host.contains("/") || host.contains(":") && !host.startsWith("[")) {
            throw new IllegalArgumentException("Invalid proxyHost '" + host + "': expected a host name or address"
                    + " without scheme or port, such as proxy.internal (the port goes in"
                    + " proxyPort)");
        }
        if (port == null) {
            throw new IllegalArgumentException(
                    "Missing proxyPort: proxyHost " + host + " needs a port from 1 to 65535");
        }
        OptionBounds.wholeNumber("proxyPort", port, 1, 65535);
        if (user == null && configuration.getProxyAuthPassword() != null) {
            throw new IllegalArgumentException("Missing proxyAuthUsername: proxyAuthPassword is set without it");
        }
        return new ProxySettings(
                host.strip(), port, user, configuration.getProxyAuthPassword(), configuration.getNonProxyHosts());
    }

    /** Where downloads may connect; baseUrl has been checked to be an absolute http(s) URL. */
    private DownloadRules downloadRules() {
        String hosts = configuration.getVideoHostsAllowed();
        String invalid = DownloadRules.invalidHostPattern(hosts);
        if (invalid != null) {
            throw new IllegalArgumentException("Invalid videoHostsAllowed entry '" + invalid + "': expected a host name"
                    + " or address without scheme, port or path, such as cdn.example.com or *.example.com");
        }
        return DownloadRules.of(
                configuration.getBaseUrl(),
                hosts,
                configuration.isAllowPrivateVideoAddresses(),
                configuration.getDnsResolver());
    }

    private void requireApiKey() {
        String key = apiKey();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Missing apiKey: set the apiKey option (for example"
                    + " camel.component.seedance.api-key={{env:SEEDANCE_API_KEY}})");
        }
        // an invalid header value would otherwise fail inside the HTTP client, with the key in its message
        if (!key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("Invalid apiKey: it contains spaces, control or non-ASCII characters"
                    + " (the key is not shown); expected printable ASCII only");
        }
    }

    /** The key as sent: surrounding white space, such as the newline a secret file ends with, is not part of it. */
    private String apiKey() {
        return configuration.getApiKey() == null
                ? ""
                : configuration.getApiKey().strip();
    }

    private static void requireHttpUrl(String option, String value) {
        try {
            URI uri = value == null ? null : new URI(value);
            if (uri != null
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return;
            }
        } catch (Exception e) {
            // reported below with the allowed form
        }
        throw new IllegalArgumentException("Invalid " + option + " '" + value
                + "': expected an absolute http or https URL such as https://llm.siraya.ai");
    }

    /**
     * The fingerprint ({@link RequestFingerprint}) of the request this endpoint would send for {@code message}: its
     * options, body and headers resolved as the producer resolves them. A route keys what it keeps about a generation
     * by it, so that the same request can be found again and an edited one cannot. Invalid input fails as the producer
     * would fail it, naming the field.
     */
    public String requestFingerprint(Message message) {
        return RequestFingerprint.of(request(message));
    }

    /**
     * The request this endpoint would send for {@code message}, resolved as the producer resolves it, so a route can
     * show or record what was asked (a gallery, an audit line). Invalid input fails as the producer would fail it,
     * naming the field. Nothing is sent.
     */
    public VideoGenerationRequest request(Message message) {
        return requestResolver.resolve(message).toRequest();
    }

    /** Videos the provider made, and billed, whose answer came after their exchange had been failed by a stop. */
    @ManagedAttribute(
            description = "Videos made, and billed, after their exchange had been failed by a stop (each logged with"
                    + " its URL)")
    public long getLateBilledAnswers() {
        return statistics.lateBilledAnswers();
    }

    @ManagedAttribute(
            description = "Generations holding a permit: at the provider, waiting for a retry, or fetching the video's"
                    + " head")
    public int getGenerationsInFlight() {
        return statistics.inFlightCount();
    }

    @ManagedAttribute(description = "Exchanges waiting for a permit (maxConcurrentRequests)")
    public int getGenerationsWaitingForPermit() {
        GenerationPermits current = permits;
        return current == null ? 0 : current.waiting();
    }

    @ManagedAttribute(description = "Generations in flight waiting out the delay before their next attempt")
    public int getGenerationsWaitingForRetry() {
        return inFlight().waitingForRetry();
    }

    @ManagedAttribute(description = "How long the oldest generation in flight has been, in milliseconds; 0 when none")
    public long getOldestGenerationInFlightMillis() {
        return inFlight().oldestMillis();
    }

    @ManagedAttribute(description = "Attempts sent again after a wait, in all")
    public long getRetriesScheduled() {
        return statistics.retriesScheduled();
    }

    @ManagedAttribute(description = "Exchanges completed with a video (its URL or the video itself)")
    public long getVideos() {
        return statistics.videos();
    }

    @ManagedAttribute(description = "Exchanges failed before anything was sent: invalid input or options")
    public long getRefusedLocally() {
        return statistics.refusedLocally();
    }

    @ManagedAttribute(description = "Exchanges failed by an HTTP error from the API, all statuses")
    public long getApiErrors() {
        return statistics.apiErrors();
    }

    @ManagedAttribute(description = "Exchanges failed by an HTTP error from the API, by status")
    public Map<Integer, Long> getApiErrorsByStatus() {
        return statistics.apiErrorsByStatus();
    }

    @ManagedAttribute(
            description = "Exchanges failed with no answer from the API: no connection, TLS refused, timeout,"
                    + " connection lost")
    public long getTransportFailures() {
        return statistics.transportFailures();
    }

    @ManagedAttribute(description = "Exchanges whose video could not be downloaded (its URL is in the failure)")
    public long getDownloadFailures() {
        return statistics.downloadFailures();
    }

    @ManagedAttribute(description = "Generations failed because the endpoint stopped before their answer")
    public long getGenerationsStopped() {
        return statistics.stopped();
    }

    @ManagedAttribute(description = "Exchanges failed otherwise: an answer that could not be read, or the unexpected")
    public long getOtherFailures() {
        return statistics.otherFailures();
    }

    @ManagedAttribute(description = "Times a broken video download was taken up again, counted when it ends")
    public long getDownloadsResumed() {
        return statistics.downloadsResumed();
    }

    @ManagedAttribute(description = "The last failure of an exchange: its type and message (never the key)")
    public String getLastError() {
        SeedanceStatistics.LastError last = statistics.lastError();
        return last == null ? null : last.message();
    }

    @ManagedAttribute(description = "When the last failure happened (ISO-8601)")
    public String getLastErrorTime() {
        SeedanceStatistics.LastError last = statistics.lastError();
        return last == null ? null : last.time().toString();
    }

    private SeedanceStatistics.InFlightSummary inFlight() {
        return statistics.inFlight(System.nanoTime(), Long.MAX_VALUE);
    }

    SeedanceStatistics getStatistics() {
        return statistics;
    }

    GenerationProgress getProgress() {
        return progress;
    }

    RequestResolver getRequestResolver() {
        return requestResolver;
    }

    RetryingSeedanceClient getClient() {
        return client;
    }

    GenerationPermits getPermits() {
        return permits;
    }

    public SeedanceOperation getOperation() {
        return operation;
    }

    /**
     * The operation to perform.
     */
    public void setOperation(SeedanceOperation operation) {
        this.operation = operation;
    }

    public SeedanceConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's configuration.
     */
    public void setConfiguration(SeedanceConfiguration configuration) {
        this.configuration = configuration;
    }
}
