package io.github.camelseedance;

import java.time.Duration;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Every option of the component, documented once. The component holds one default; each endpoint works on a copy
 * with its URI options applied.
 */
@UriParams
public class SeedanceConfiguration implements Cloneable {

    @UriParam(
            label = "producer",
            defaultValue = "ByteDance-Seedance-1.5-pro",
            description = "The model id. Known ids: ByteDance-Seedance-1.0-pro, ByteDance-Seedance-1.0-pro-fast,"
                    + " ByteDance-Seedance-1.5-pro, SIRAYA-Seedance-2.0, SIRAYA-Seedance-2.0-fast. Other ids"
                    + " are sent unchanged, with a warning in the log.")
    private String model = "ByteDance-Seedance-1.5-pro";

    @UriParam(
            label = "producer",
            description = "The text description of the video, used when neither the CamelSeedancePrompt header nor"
                    + " a String body gives one.")
    private String prompt;

    @UriParam(label = "producer", enums = "5,10", description = "The duration of the video in seconds.")
    private Long seconds;

    @UriParam(label = "producer", enums = "480p,720p,1080p", description = "The video resolution.")
    private String resolution;

    @UriParam(label = "producer", enums = "16:9,9:16,1:1", description = "The aspect ratio of the video.")
    private String aspectRatio;

    @UriParam(
            label = "producer",
            description = "Input image for image-to-video: an absolute http(s) URL the provider can reach. It pins"
                    + " the first frame, so it cannot be combined with firstFrameUrl, lastFrameUrl or"
                    + " inputReferences.")
    private String imageUrl;

    @UriParam(label = "producer", description = "What the video should not contain. A blank value counts as not set.")
    private String negativePrompt;

    @UriParam(
            label = "producer",
            defaultValue = "10000",
            description = "The longest prompt, and negative prompt, in characters (Unicode code points); longer text"
                    + " is refused before anything is sent. The provider documents no limit, so the default is"
                    + " generous. From 1 to " + OptionBounds.MAX_PROMPT_LENGTH + ".")
    private int maxPromptLength = 10_000;

    @UriParam(
            label = "producer",
            description = "The random seed, a whole number; the same seed produces the same video. It is read exactly"
                    + " as written: text that is not a whole number stops the route.")
    private String seed;

    @UriParam(
            label = "producer",
            enums = "true,false",
            description = "Whether to generate an audio track for the video: true or false. When not set, the field"
                    + " is not sent and the provider's default applies.")
    private String generateAudio;

    @UriParam(
            label = "producer",
            description = "The image that pins the first frame: an absolute http(s) URL, sent as a first_frame item"
                    + " of frame_images. Cannot be combined with inputReferences.")
    private String firstFrameUrl;

    @UriParam(
            label = "producer",
            description = "The image that pins the last frame: an absolute http(s) URL, sent as a last_frame item"
                    + " of frame_images. Needs a first frame.")
    private String lastFrameUrl;

    @UriParam(
            label = "producer",
            description = "Reference materials for SIRAYA-Seedance-2.0 and SIRAYA-Seedance-2.0-fast, sent as"
                    + " input_references. Compact form: comma separated type:url items, where type is image,"
                    + " video or audio and the role follows from the type, e.g."
                    + " image:https://cdn.example/a.jpg,audio:https://cdn.example/b.mp3 (encode a comma inside"
                    + " a URL as %2C; in an endpoint URI wrap the value in RAW(...)). Cannot be combined with"
                    + " frame images or imageUrl.")
    private String inputReferences;

    @UriParam(
            label = "security",
            secret = true,
            description = "The Seedance API key, sent as a Bearer token to the API host only.")
    private String apiKey;

    @UriParam(
            label = "producer",
            defaultValue = "https://llm.siraya.ai",
            description = "The API base URL; the request goes to {baseUrl}/v1/videos/generations. Change it for a"
                    + " proxy or an emulator.")
    private String baseUrl = "https://llm.siraya.ai";

    @UriParam(
            label = "health",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description =
                    "How long the readiness check of a generate endpoint keeps its last answer. The check asks the"
                            + " provider's free model list, GET {baseUrl}/v1/models with the key (never a billed call), at"
                            + " most once per interval however often it is probed, and waits at most 10 seconds for it (less"
                            + " when requestTimeout is shorter). It is one of Camel's producer health checks: on with"
                            + " camel.health.producers-enabled=true, off for this component with healthCheckProducerEnabled=false."
                            + " From 1 ms to " + OptionBounds.MAX_HEALTH_CHECK_INTERVAL + ".")
    private long healthCheckInterval = 30_000;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "30s",
            javaType = "java.time.Duration",
            description = "How long to wait for a connection to the API or to the video's host; from 1 ms to "
                    + OptionBounds.MAX_CONNECT_TIMEOUT + ".")
    private long connectTimeout = 30_000;

    @UriParam(
            label = "producer",
            defaultValue = "10m",
            javaType = "java.time.Duration",
            description = "How long to wait for the API's whole answer, head and body, and the longest a video"
                    + " download may stall. Generation is synchronous on the provider's side and takes minutes, so"
                    + " this is long; no thread is held while waiting. From 1 ms to "
                    + OptionBounds.MAX_REQUEST_TIMEOUT + ".")
    private long requestTimeout = 600_000;

    @UriParam(
            label = "producer",
            defaultValue = "1m",
            javaType = "java.time.Duration",
            description = "While generations have been in flight longer than this, the endpoint logs one INFO line"
                    + " per interval saying how many are in flight and the oldest's age; one line for all of them,"
                    + " and none while every generation is younger. From 1 ms to "
                    + OptionBounds.MAX_PROGRESS_INTERVAL + ". To silence it, set the logger"
                    + " io.github.camelseedance.GenerationProgress to WARN.")
    private long progressInterval = 60_000;

    @UriParam(
            label = "producer",
            defaultValue = "3",
            description = "How many times a failed generation is sent again when the provider cannot have started"
                    + " it: HTTP 408, 429, 502 and 503, or no connection could be made. From 0, which turns retrying"
                    + " off, to " + OptionBounds.MAX_RETRIES + ".")
    private int maxRetries = 3;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "2s",
            javaType = "java.time.Duration",
            description = "The wait before the first retry; each further retry waits twice as long, with jitter, up"
                    + " to maxRetryDelay. The wait is scheduled: no thread is held. From 1 ms to "
                    + OptionBounds.MAX_RETRY_DELAY + ".")
    private long retryDelay = 2_000;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "1m",
            javaType = "java.time.Duration",
            description = "The longest wait between two attempts. A Retry-After from the provider is honoured up to"
                    + " this; a longer one fails the exchange at once, with the wait asked for in the message. From"
                    + " 1 ms to " + OptionBounds.MAX_RETRY_DELAY + ".")
    private long maxRetryDelay = 60_000;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "false",
            description = "Also retry failures after which the provider may already be generating, and billing, the"
                    + " video: no answer within requestTimeout, a connection lost after the request was sent,"
                    + " HTTP 500 and 504. A retry can then pay twice for one video.")
    private boolean retryAmbiguousFailures;

    @UriParam(
            label = "producer",
            description = "The most generations in flight at once on this endpoint, from 1 to "
                    + OptionBounds.MAX_CONCURRENT_REQUESTS + "; further exchanges wait their turn in arrival order,"
                    + " holding no thread. When not set there is no limit.")
    private Integer maxConcurrentRequests;

    @UriParam(
            label = "producer",
            defaultValue = "false",
            description = "When true the message body becomes the video itself, as a stream read from the CDN"
                    + " without credentials (write it with a file or S3 endpoint); when false the body is the"
                    + " video URL.")
    private boolean download;

    @UriParam(
            label = "producer,security",
            description = "Video hosts a download may reach whatever addresses they resolve to, loopback and private"
                    + " ones included. By default a download, and each redirect it follows, connects only to public"
                    + " addresses and to the API's own host and port (baseUrl). Written as the JVM's"
                    + " http.nonProxyHosts: names or addresses separated by a vertical bar or a comma, each of which"
                    + " may begin or end with an asterisk as a wildcard; no scheme, port or path.")
    private String videoHostsAllowed;

    @UriParam(
            label = "producer,security",
            defaultValue = "false",
            description = "Let downloads connect to private network addresses (10.0.0.0/8, 172.16.0.0/12,"
                    + " 192.168.0.0/16, 100.64.0.0/10, fc00::/7). Loopback, link-local (169.254.0.0/16, fe80::/10,"
                    + " where cloud metadata services answer), multicast and unspecified addresses stay refused;"
                    + " name such a host in videoHostsAllowed instead.")
    private boolean allowPrivateVideoAddresses;

    @UriParam(
            label = "advanced",
            javaType = "org.apache.hc.client5.http.DnsResolver",
            description = "The DNS resolver (an org.apache.hc.client5.http.DnsResolver bean) that looks up every host"
                    + " the component connects to: the API, video hosts, the proxy. Downloads are judged on the"
                    + " addresses it returns, which are the addresses connected to. When not set, the JVM's resolver.")
    private DnsResolver dnsResolver;

    @UriParam(
            label = "producer,advanced",
            defaultValue = "4294967296",
            description = "The largest video a download accepts, in bytes (4 GiB by default, far above what the"
                    + " models make). A video host that announces more is refused before anything is read; one that"
                    + " sends more without announcing it fails the stream there. From 1 to "
                    + OptionBounds.MAX_VIDEO_SIZE + " (1 TiB).")
    private long maxVideoSize = OptionBounds.DEFAULT_MAX_VIDEO_SIZE;

    @UriParam(
            label = "producer,advanced",
            javaType = "java.time.Duration",
            description = "The longest one attempt of a video download may take, from its request to its last"
                    + " byte, redirects included; past it the attempt breaks off and, as any other break, is taken up"
                    + " again while downloadAttempts allow. When not set there is none: an attempt ends only when its"
                    + " host stalls for the requestTimeout or the video grows past maxVideoSize. From 1 ms to "
                    + OptionBounds.MAX_DOWNLOAD_TIMEOUT + ".")
    private Duration downloadTimeout;

    @UriParam(
            label = "producer",
            defaultValue = "5",
            description = "How many attempts a video download gets. A download that breaks (connection reset, body"
                    + " cut short, a stall past the requestTimeout or the downloadTimeout, HTTP 5xx from the video"
                    + " host) is taken up again after retryDelay, doubling up to maxRetryDelay: from the first missing"
                    + " byte where the host answers ranges (206), from the start where it does not and the route has"
                    + " read nothing yet. A 4xx from the video host (the URL expired) is not retried. Downloads are"
                    + " free, unlike generations: a video that still fails keeps its URL in the"
                    + " CamelSeedanceVideoUrl header and in SeedanceDownloadException. From 1, which turns recovery"
                    + " off, to " + OptionBounds.MAX_DOWNLOAD_ATTEMPTS + ".")
    private int downloadAttempts = OptionBounds.DEFAULT_DOWNLOAD_ATTEMPTS;

    @UriParam(
            label = "security",
            description = "TLS settings for the API and the video hosts (trust store, key store, protocols), as Camel's"
                    + " SSLContextParameters. When not set, the JVM's defaults apply, including its"
                    + " javax.net.ssl system properties.")
    private SSLContextParameters sslContextParameters;

    @UriParam(
            label = "proxy",
            description = "The host of an HTTP proxy that API calls and video downloads go through (https through"
                    + " a CONNECT tunnel). Needs proxyPort.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The port of the HTTP proxy set by proxyHost, from 1 to 65535.")
    private Integer proxyPort;

    @UriParam(
            label = "proxy,security",
            secret = true,
            description = "The user name for the proxy's Basic authentication, sent with each request to the proxy.")
    private String proxyAuthUsername;

    @UriParam(
            label = "proxy,security",
            secret = true,
            description = "The password for the proxy's Basic authentication.")
    private String proxyAuthPassword;

    @UriParam(
            label = "proxy",
            description = "Hosts reached directly rather than through the proxy, written as the JVM's"
                    + " http.nonProxyHosts: names or addresses separated by a vertical bar or a comma, each of"
                    + " which may begin or end with an asterisk as a wildcard.")
    private String nonProxyHosts;

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public Long getSeconds() {
        return seconds;
    }

    public void setSeconds(Long seconds) {
        this.seconds = seconds;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public int getMaxPromptLength() {
        return maxPromptLength;
    }

    public void setMaxPromptLength(int maxPromptLength) {
        this.maxPromptLength = maxPromptLength;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getGenerateAudio() {
        return generateAudio;
    }

    public void setGenerateAudio(String generateAudio) {
        this.generateAudio = generateAudio;
    }

    public String getFirstFrameUrl() {
        return firstFrameUrl;
    }

    public void setFirstFrameUrl(String firstFrameUrl) {
        this.firstFrameUrl = firstFrameUrl;
    }

    public String getLastFrameUrl() {
        return lastFrameUrl;
    }

    public void setLastFrameUrl(String lastFrameUrl) {
        this.lastFrameUrl = lastFrameUrl;
    }

    public String getInputReferences() {
        return inputReferences;
    }

    public void setInputReferences(String inputReferences) {
        this.inputReferences = inputReferences;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public long getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(long healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public long getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(long progressInterval) {
        this.progressInterval = progressInterval;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isRetryAmbiguousFailures() {
        return retryAmbiguousFailures;
    }

    public void setRetryAmbiguousFailures(boolean retryAmbiguousFailures) {
        this.retryAmbiguousFailures = retryAmbiguousFailures;
    }

    public Integer getMaxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    public void setMaxConcurrentRequests(Integer maxConcurrentRequests) {
        this.maxConcurrentRequests = maxConcurrentRequests;
    }

    public boolean isDownload() {
        return download;
    }

    public void setDownload(boolean download) {
        this.download = download;
    }

    public String getVideoHostsAllowed() {
        return videoHostsAllowed;
    }

    public void setVideoHostsAllowed(String videoHostsAllowed) {
        this.videoHostsAllowed = videoHostsAllowed;
    }

    public boolean isAllowPrivateVideoAddresses() {
        return allowPrivateVideoAddresses;
    }

    public void setAllowPrivateVideoAddresses(boolean allowPrivateVideoAddresses) {
        this.allowPrivateVideoAddresses = allowPrivateVideoAddresses;
    }

    public DnsResolver getDnsResolver() {
        return dnsResolver;
    }

    public void setDnsResolver(DnsResolver dnsResolver) {
        this.dnsResolver = dnsResolver;
    }

    public long getMaxVideoSize() {
        return maxVideoSize;
    }

    public void setMaxVideoSize(long maxVideoSize) {
        this.maxVideoSize = maxVideoSize;
    }

    public Duration getDownloadTimeout() {
        return downloadTimeout;
    }

    public void setDownloadTimeout(Duration downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public int getDownloadAttempts() {
        return downloadAttempts;
    }

    public void setDownloadAttempts(int downloadAttempts) {
        this.downloadAttempts = downloadAttempts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
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

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public SeedanceConfiguration copy() {
        try {
            return (SeedanceConfiguration) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** Lists the main options without the credentials, which show only as set or not. */
    @Override
    public String toString() {
        return "SeedanceConfiguration{model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null || apiKey.isEmpty() ? "<not set>" : "<set>")
                + ", download=" + download + ", connectTimeout=" + connectTimeout + "ms, requestTimeout="
                + requestTimeout + "ms, proxy=" + (proxyHost == null ? "<none>" : proxyHost + ":" + proxyPort)
                + ", proxyAuth=" + (proxyAuthUsername == null ? "<not set>" : "<set>") + "}";
    }
}
