package io.github.camelseedance;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

import io.github.camelseedance.client.ClientSettings;
import io.github.camelseedance.client.SeedanceHttpClients;
import io.github.camelseedance.client.Texts;
import io.github.camelseedance.model.SeedanceModel;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.concurrent.SizedScheduledExecutorService;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code seedance:} component. Holds the default configuration every endpoint copies, one HTTP client for each
 * distinct TLS, proxy and download-address setting, the thread pool on which answers are handled and the timer of the
 * retry waits (the waiting itself holds no thread).
 */
@Component("seedance")
public class SeedanceComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final Logger LOG = LoggerFactory.getLogger(SeedanceComponent.class);

    @Metadata(description = "The default configuration of every seedance endpoint; endpoint options override it.")
    private SeedanceConfiguration configuration = new SeedanceConfiguration();

    @Metadata(
            label = "security",
            defaultValue = "false",
            description = "Use the SSLContextParameters set globally on the Camel context for endpoints that set none"
                    + " of their own.")
    private boolean useGlobalSslContextParameters;

    @Metadata(
            label = "advanced",
            defaultValue = "10",
            description = "How many threads the component's pool has on which routes continue once an answer or a"
                    + " video has arrived; as many as Camel's default pool. From 1 to "
                    + OptionBounds.MAX_RESPONSE_POOL_SIZE + ". Not used when responseExecutorService is set.")
    private int responsePoolSize = 10;

    @Metadata(
            label = "advanced",
            description = "A thread pool of your own on which routes continue once an answer or a video has arrived,"
                    + " instead of the component's. The component does not shut it down. Should it refuse a task,"
                    + " that route goes on in the JVM's common pool.")
    private ExecutorService responseExecutorService;

    /** Model ids come from message headers, so the set of those already warned about is bounded. */
    private static final int MAX_WARNED_MODELS = 100;

    private final Set<String> warnedModels = ConcurrentHashMap.newKeySet();
    /** The component's own pool, created at first use when no responseExecutorService is set. */
    private ExecutorService responseExecutor;

    private ScheduledExecutorService timer;
    /** One client for each TLS, proxy and download-address setting in use; other options and timeouts share it. */
    private final Map<ClientSettings, CloseableHttpAsyncClient> httpClients = new HashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SeedanceOperation operation = SeedanceOperation.fromValue(remaining);
        UriSecretPolicy.check(getCamelContext(), StringHelper.before(uri, ":"), parameters);
        SeedanceEndpoint endpoint = new SeedanceEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        if (endpoint.getConfiguration().getSslContextParameters() == null) {
            endpoint.getConfiguration().setSslContextParameters(retrieveGlobalSslContextParameters());
        }
        return endpoint;
    }

    public SeedanceConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(SeedanceConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getResponsePoolSize() {
        return responsePoolSize;
    }

    public void setResponsePoolSize(int responsePoolSize) {
        this.responsePoolSize = responsePoolSize;
    }

    public ExecutorService getResponseExecutorService() {
        return responseExecutorService;
    }

    public void setResponseExecutorService(ExecutorService responseExecutorService) {
        this.responseExecutorService = responseExecutorService;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** Logs once per model id that is not in the provider's documented list; such ids are still sent. */
    void warnIfUnknownModel(String model) {
        if (model != null
                && SeedanceModel.fromId(model).isEmpty()
                && warnedModels.size() < MAX_WARNED_MODELS
                && warnedModels.add(model)) {
            LOG.warn(
                    "Model '{}' is not one of the documented Seedance models {}; sending it unchanged",
                    Texts.oneLine(model),
                    SeedanceModel.ids());
        }
    }

    /**
     * Where routes continue after an answer. Not the I/O thread: a slow step there would hold back every other answer
     * of its endpoint, and a step reading a downloaded video from it would wait for itself. The user's pool, or a fixed
     * one of responsePoolSize threads with a queue that never refuses: an answer that has arrived is never dropped.
     */
    synchronized ExecutorService responseExecutor() {
        if (responseExecutorService != null) {
            return responseExecutorService;
        }
        if (responseExecutor == null) {
            OptionBounds.wholeNumber("responsePoolSize", responsePoolSize, 1, OptionBounds.MAX_RESPONSE_POOL_SIZE);
            ThreadPoolProfile profile = new ThreadPoolProfile("SeedanceResponse");
            profile.setPoolSize(responsePoolSize);
            profile.setMaxPoolSize(responsePoolSize);
            // Camel makes a queue of size 0 or less a hand-off that refuses when all threads are busy, and a refused
            // task would run on the I/O thread; this queue is as good as unbounded and never refuses
            profile.setMaxQueueSize(Integer.MAX_VALUE);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            profile.setKeepAliveTime(60L);
            profile.setTimeUnit(TimeUnit.SECONDS);
            profile.setAllowCoreThreadTimeOut(true);
            responseExecutor =
                    getCamelContext().getExecutorServiceManager().newThreadPool(this, "SeedanceResponse", profile);
        }
        return responseExecutor;
    }

    /**
     * One timer thread for every endpoint's retry waits and call deadlines: a wait is a scheduled task, not a parked
     * thread. Its queue has no bound (Camel's default scheduled profile refuses past 1,000), so a burst of answers to
     * retry is never refused; it refuses only once shut down, when the component stops.
     */
    synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile("SeedanceTimer");
            profile.setPoolSize(1);
            profile.setMaxQueueSize(-1);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            timer = getCamelContext()
                    .getExecutorServiceManager()
                    .newScheduledThreadPool(this, "SeedanceTimer", profile);
            // every call schedules its deadline here and cancels it when it ends: a cancelled task leaves the queue
            // at once rather than at its time, minutes later, with what it refers to
            ScheduledThreadPoolExecutor pool = timer instanceof SizedScheduledExecutorService sized
                    ? sized.getScheduledThreadPoolExecutor()
                    : timer instanceof ScheduledThreadPoolExecutor plain ? plain : null;
            if (pool != null) {
                pool.setRemoveOnCancelPolicy(true);
            }
        }
        return timer;
    }

    /** The HTTP client for these settings, started at first use and closed when the component stops. */
    synchronized CloseableHttpAsyncClient httpClient(ClientSettings settings) {
        return httpClients.computeIfAbsent(
                settings, key -> SeedanceHttpClients.start(sslContext(key), key.proxy(), key.downloads()));
    }

    private SSLContext sslContext(ClientSettings settings) {
        if (settings.sslContextParameters() == null) {
            return null;
        }
        try {
            return settings.sslContextParameters().createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid sslContextParameters: " + e.getMessage(), e);
        }
    }

    /** Closes every client at once: calls still in flight fail, and open video streams with them. */
    @Override
    protected synchronized void doStop() throws Exception {
        for (CloseableHttpAsyncClient client : httpClients.values()) {
            client.close(CloseMode.IMMEDIATE);
        }
        httpClients.clear();
        if (timer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(timer);
            timer = null;
        }
        if (responseExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(responseExecutor);
            responseExecutor = null;
        }
        super.doStop();
    }
}
