package io.github.camelseedance.springboot;

import java.time.Duration;
import java.util.concurrent.ExecutorService;

import io.github.camelseedance.SeedanceConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.DnsResolver;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The seedance component's options as Spring Boot properties, {@code camel.component.seedance.*}: one field per
 * component option of the catalog, with its description and default. Durations take Spring Boot's forms (10m, PT10M).
 */
@ConfigurationProperties(prefix = "camel.component.seedance")
public class SeedanceComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the seedance component. This is enabled by default.
     */
    private Boolean enabled;

    /**
     * The aspect ratio of the video.
     */
    private String aspectRatio;

    /**
     * The API base URL; the request goes to {baseUrl}/v1/videos/generations. Change it for a proxy or an emulator.
     */
    private String baseUrl = "https://llm.siraya.ai";

    /**
     * The default configuration of every seedance endpoint; endpoint options override it.
     */
    private SeedanceConfiguration configuration;

    /**
     * When true the message body becomes the video itself, as a stream read from the CDN without credentials (write it
     * with a file or S3 endpoint); when false the body is the video URL.
     */
    private Boolean download = false;

    /**
     * How many attempts a video download gets. A download that breaks (connection reset, body cut short, a stall past
     * the requestTimeout or the downloadTimeout, HTTP 5xx from the video host) is taken up again after retryDelay,
     * doubling up to maxRetryDelay: from the first missing byte where the host answers ranges (206), from the start
     * where it does not and the route has read nothing yet. A 4xx from the video host (the URL expired) is not retried.
     * Downloads are free, unlike generations: a video that still fails keeps its URL in the CamelSeedanceVideoUrl
     * header and in SeedanceDownloadException. From 1, which turns recovery off, to 20.
     */
    private Integer downloadAttempts = 5;

    /**
     * The image that pins the first frame: an absolute http(s) URL, sent as a first_frame item of frame_images. Cannot
     * be combined with inputReferences.
     */
    private String firstFrameUrl;

    /**
     * Whether to generate an audio track for the video: true or false. When not set, the field is not sent and the
     * provider's default applies.
     */
    private String generateAudio;

    /**
     * Input image for image-to-video: an absolute http(s) URL the provider can reach. It pins the first frame, so it
     * cannot be combined with firstFrameUrl, lastFrameUrl or inputReferences.
     */
    private String imageUrl;

    /**
     * Reference materials for SIRAYA-Seedance-2.0 and SIRAYA-Seedance-2.0-fast, sent as input_references. Compact form:
     * comma separated type:url items, where type is image, video or audio and the role follows from the type, e.g.
     * image:https://cdn.example/a.jpg,audio:https://cdn.example/b.mp3 (encode a comma inside a URL as %2C; in an
     * endpoint URI wrap the value in RAW(...)). Cannot be combined with frame images or imageUrl.
     */
    private String inputReferences;

    /**
     * The image that pins the last frame: an absolute http(s) URL, sent as a last_frame item of frame_images. Needs a
     * first frame.
     */
    private String lastFrameUrl;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * The most generations in flight at once on this endpoint, from 1 to 10000; further exchanges wait their turn in
     * arrival order, holding no thread. When not set there is no limit.
     */
    private Integer maxConcurrentRequests;

    /**
     * The longest prompt, and negative prompt, in characters (Unicode code points); longer text is refused before
     * anything is sent. The provider documents no limit, so the default is generous. From 1 to 50000.
     */
    private Integer maxPromptLength = 10000;

    /**
     * How many times a failed generation is sent again when the provider cannot have started it: HTTP 408, 429, 502 and
     * 503, or no connection could be made. From 0, which turns retrying off, to 10.
     */
    private Integer maxRetries = 3;

    /**
     * The model id. Known ids: ByteDance-Seedance-1.0-pro, ByteDance-Seedance-1.0-pro-fast, ByteDance-Seedance-1.5-pro,
     * SIRAYA-Seedance-2.0, SIRAYA-Seedance-2.0-fast. Other ids are sent unchanged, with a warning in the log.
     */
    private String model = "ByteDance-Seedance-1.5-pro";

    /**
     * What the video should not contain. A blank value counts as not set.
     */
    private String negativePrompt;

    /**
     * The text description of the video, used when neither the CamelSeedancePrompt header nor a String body gives one.
     */
    private String prompt;

    /**
     * How long to wait for the API's whole answer, head and body, and the longest a video download may stall.
     * Generation is synchronous on the provider's side and takes minutes, so this is long; no thread is held while
     * waiting. From 1 ms to 6h.
     */
    private Duration requestTimeout = Duration.ofMinutes(10);

    /**
     * The video resolution.
     */
    private String resolution;

    /**
     * The duration of the video in seconds.
     */
    private Long seconds;

    /**
     * The random seed, a whole number; the same seed produces the same video. It is read exactly as written: text that
     * is not a whole number stops the route.
     */
    private String seed;

    /**
     * How long to wait for a connection to the API or to the video's host; from 1 ms to 10m.
     */
    private Duration connectTimeout = Duration.ofSeconds(30);

    /**
     * The longest one attempt of a video download may take, from its request to its last byte, redirects included; past
     * it the attempt breaks off and, as any other break, is taken up again while downloadAttempts allow. When not set
     * there is none: an attempt ends only when its host stalls for the requestTimeout or the video grows past
     * maxVideoSize. From 1 ms to 24h.
     */
    private Duration downloadTimeout;

    /**
     * The longest wait between two attempts. A Retry-After from the provider is honoured up to this; a longer one fails
     * the exchange at once, with the wait asked for in the message. From 1 ms to 1h.
     */
    private Duration maxRetryDelay = Duration.ofMinutes(1);

    /**
     * The largest video a download accepts, in bytes (4 GiB by default, far above what the models make). A video host
     * that announces more is refused before anything is read; one that sends more without announcing it fails the
     * stream there. From 1 to 1099511627776 (1 TiB).
     */
    private Long maxVideoSize = 4294967296L;

    /**
     * Also retry failures after which the provider may already be generating, and billing, the video: no answer within
     * requestTimeout, a connection lost after the request was sent, HTTP 500 and 504. A retry can then pay twice for
     * one video.
     */
    private Boolean retryAmbiguousFailures = false;

    /**
     * The wait before the first retry; each further retry waits twice as long, with jitter, up to maxRetryDelay. The
     * wait is scheduled: no thread is held. From 1 ms to 1h.
     */
    private Duration retryDelay = Duration.ofSeconds(2);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * The DNS resolver (an org.apache.hc.client5.http.DnsResolver bean) that looks up every host the component connects
     * to: the API, video hosts, the proxy. Downloads are judged on the addresses it returns, which are the addresses
     * connected to. When not set, the JVM's resolver.
     */
    private DnsResolver dnsResolver;

    /**
     * A thread pool of your own on which routes continue once an answer or a video has arrived, instead of the
     * component's. The component does not shut it down. Should it refuse a task, that route goes on in the JVM's common
     * pool.
     */
    private ExecutorService responseExecutorService;

    /**
     * How many threads the component's pool has on which routes continue once an answer or a video has arrived; as many
     * as Camel's default pool. From 1 to 1000. Not used when responseExecutorService is set.
     */
    private Integer responsePoolSize = 10;

    /**
     * Hosts reached directly rather than through the proxy, written as the JVM's http.nonProxyHosts: names or addresses
     * separated by a vertical bar or a comma, each of which may begin or end with an asterisk as a wildcard.
     */
    private String nonProxyHosts;

    /**
     * The host of an HTTP proxy that API calls and video downloads go through (https through a CONNECT tunnel). Needs
     * proxyPort.
     */
    private String proxyHost;

    /**
     * The port of the HTTP proxy set by proxyHost, from 1 to 65535.
     */
    private Integer proxyPort;

    /**
     * Let downloads connect to private network addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10,
     * fc00::/7). Loopback, link-local (169.254.0.0/16, fe80::/10, where cloud metadata services answer), multicast and
     * unspecified addresses stay refused; name such a host in videoHostsAllowed instead.
     */
    private Boolean allowPrivateVideoAddresses = false;

    /**
     * The Seedance API key, sent as a Bearer token to the API host only.
     */
    private String apiKey;

    /**
     * The password for the proxy's Basic authentication.
     */
    private String proxyAuthPassword;

    /**
     * The user name for the proxy's Basic authentication, sent with each request to the proxy.
     */
    private String proxyAuthUsername;

    /**
     * TLS settings for the API and the video hosts (trust store, key store, protocols), as Camel's
     * SSLContextParameters. When not set, the JVM's defaults apply, including its javax.net.ssl system properties.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Use the SSLContextParameters set globally on the Camel context for endpoints that set none of their own.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * Video hosts a download may reach whatever addresses they resolve to, loopback and private ones included. By
     * default a download, and each redirect it follows, connects only to public addresses and to the API's own host and
     * port (baseUrl). Written as the JVM's http.nonProxyHosts: names or addresses separated by a vertical bar or a
     * comma, each of which may begin or end with an asterisk as a wildcard; no scheme, port or path.
     */
    private String videoHostsAllowed;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * How long the readiness check of a generate endpoint keeps its last answer. The check asks the provider's free
     * model list, GET {baseUrl}/v1/models with the key (never a billed call), at most once per interval however often
     * it is probed, and waits at most 10 seconds for it (less when requestTimeout is shorter). It is one of Camel's
     * producer health checks: on with camel.health.producers-enabled=true, off for this component with
     * healthCheckProducerEnabled=false. From 1 ms to 1h.
     */
    private Duration healthCheckInterval = Duration.ofSeconds(30);

    /**
     * While generations have been in flight longer than this, the endpoint logs one INFO line per interval saying how
     * many are in flight and the oldest's age; one line for all of them, and none while every generation is younger.
     * From 1 ms to 24h. To silence it, set the logger io.github.camelseedance.GenerationProgress to WARN.
     */
    private Duration progressInterval = Duration.ofMinutes(1);

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public SeedanceConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SeedanceConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getDownload() {
        return download;
    }

    public void setDownload(Boolean download) {
        this.download = download;
    }

    public Integer getDownloadAttempts() {
        return downloadAttempts;
    }

    public void setDownloadAttempts(Integer downloadAttempts) {
        this.downloadAttempts = downloadAttempts;
    }

    public String getFirstFrameUrl() {
        return firstFrameUrl;
    }

    public void setFirstFrameUrl(String firstFrameUrl) {
        this.firstFrameUrl = firstFrameUrl;
    }

    public String getGenerateAudio() {
        return generateAudio;
    }

    public void setGenerateAudio(String generateAudio) {
        this.generateAudio = generateAudio;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public String getInputReferences() {
        return inputReferences;
    }

    public void setInputReferences(String inputReferences) {
        this.inputReferences = inputReferences;
    }

    public String getLastFrameUrl() {
        return lastFrameUrl;
    }

    public void setLastFrameUrl(String lastFrameUrl) {
        this.lastFrameUrl = lastFrameUrl;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public Integer getMaxPromptLength() {
        return maxPromptLength;
    }

    public void setMaxPromptLength(Integer maxPromptLength) {
        this.maxPromptLength = maxPromptLength;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public Long getSeconds() {
        return seconds;
    }

    public void setSeconds(Long seconds) {
        this.seconds = seconds;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getDownloadTimeout() {
        return downloadTimeout;
    }

    public void setDownloadTimeout(Duration downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Long getMaxVideoSize() {
        return maxVideoSize;
    }

    public void setMaxVideoSize(Long maxVideoSize) {
        this.maxVideoSize = maxVideoSize;
    }

    public Boolean getRetryAmbiguousFailures() {
        return retryAmbiguousFailures;
    }

    public void setRetryAmbiguousFailures(Boolean retryAmbiguousFailures) {
        this.retryAmbiguousFailures = retryAmbiguousFailures;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public DnsResolver getDnsResolver() {
        return dnsResolver;
    }

    public void setDnsResolver(DnsResolver dnsResolver) {
        this.dnsResolver = dnsResolver;
    }

    public ExecutorService getResponseExecutorService() {
        return responseExecutorService;
    }

    public void setResponseExecutorService(ExecutorService responseExecutorService) {
        this.responseExecutorService = responseExecutorService;
    }

    public Integer getResponsePoolSize() {
        return responsePoolSize;
    }

    public void setResponsePoolSize(Integer responsePoolSize) {
        this.responsePoolSize = responsePoolSize;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public Boolean getAllowPrivateVideoAddresses() {
        return allowPrivateVideoAddresses;
    }

    public void setAllowPrivateVideoAddresses(Boolean allowPrivateVideoAddresses) {
        this.allowPrivateVideoAddresses = allowPrivateVideoAddresses;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getVideoHostsAllowed() {
        return videoHostsAllowed;
    }

    public void setVideoHostsAllowed(String videoHostsAllowed) {
        this.videoHostsAllowed = videoHostsAllowed;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }
}
