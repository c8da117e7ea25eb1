package io.github.camelseedance.client;

import java.nio.channels.ClosedSelectorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.DefaultAuthenticationStrategy;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.async.AsyncConnectExec;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.http.protocol.RequestUserAgent;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the component's HTTP client, HttpClient 5's async client, set up so that no credential reaches a log;
 * DESIGN.md's "HTTP" and "No credential in any log" give the reason for each setting.
 */
public final class SeedanceHttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(SeedanceHttpClients.class);

    static final String USER_AGENT = "camel-seedance";
    /** The I/O threads of one client: every connection waits on them, none holds a thread of its own. */
    static final int IO_THREADS = 2;
    /**
     * Each connection's input and output buffer. Small, because a generation holds its connection for minutes and ten
     * thousand may be in flight; a download still reads that much per socket read.
     */
    static final int CONNECTION_BUFFER = 16 * 1024;
    /** What a response body may send before its consumer is asked for room. */
    static final int INITIAL_WINDOW = 64 * 1024;

    private SeedanceHttpClients() {}

    /**
     * A started client.
     *
     * @param sslContext how servers are trusted, or null for the JVM's defaults (its {@code javax.net.ssl} properties)
     * @param proxy      the proxy, or null
     * @param downloads  where connections other than to the API and the proxy may go
     */
    public static CloseableHttpAsyncClient start(SSLContext sslContext, ProxySettings proxy, DownloadRules downloads) {
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        if (sslContext == null) {
            tls.useSystemProperties();
        } else {
            tls.setSslContext(sslContext);
        }
        GuardedDnsResolver resolver = new GuardedDnsResolver(downloads, proxy);
        PoolingAsyncClientConnectionManager pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setTlsStrategy(tls.buildAsync())
                // every connection the client opens is to an address this resolver returned, and checked
                .setDnsResolver(resolver)
                // HTTP/2 would put every generation on a few shared connections and write its header fields with
                // the library's own header objects, which show their values in the log
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .build())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnPerRoute(Integer.MAX_VALUE)
                .setMaxConnTotal(Integer.MAX_VALUE)
                .build();
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool)
                .setIOReactorConfig(
                        IOReactorConfig.custom().setIoThreadCount(IO_THREADS).build())
                .setHttp1Config(Http1Config.custom()
                        .setBufferSize(CONNECTION_BUFFER)
                        .setInitialWindowSize(INITIAL_WINDOW)
                        .build())
                .setThreadFactory(new DefaultThreadFactory("SeedanceHttp", true))
                // the default decorator writes every byte sent, the Authorization header included, to the wire log
                .setIoSessionDecorator(session -> session)
                .setIoReactorExceptionCallback(SeedanceHttpClients::reactorFailed)
                .setUserAgent(USER_AGENT)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setExpectContinueEnabled(false)
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching();
        // hands each exchange's abort the connection it runs on, so that a deadline or a stop can close it mid-answer
        // (ExchangeAbort says why)
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "seedance-abort", ExchangeAbort.BINDER);
        if (proxy != null) {
            builder.setRoutePlanner(new ProxyRoutePlanner(proxy, resolver));
            if (proxy.username() != null) {
                authenticateToProxy(builder, proxy);
            }
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return client;
    }

    /**
     * httpcore5 5.4 closes the selector twice when a client closes at once, and the second close throws; that one is
     * part of stopping. Anything else is worth a warning, never the ERROR with a stack trace the default would log.
     */
    private static void reactorFailed(Exception failure) {
        if (!(failure instanceof ClosedSelectorException)) {
            LOG.warn("The HTTP client's I/O reactor failed: {}", failure.toString(), failure);
        }
    }

    /**
     * Basic credentials on every request the proxy sees: on a CONNECT that opens a tunnel to an https host (through
     * the client's tunnel step, rebuilt with one more interceptor) and on a plain http request sent to the proxy.
     */
    private static void authenticateToProxy(HttpAsyncClientBuilder builder, ProxySettings proxy) {
        String token = Base64.getEncoder()
                .encodeToString((proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password()))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequestInterceptor onConnect = (request, entity, context) ->
                request.setHeader(new SecretHeader(HttpHeaders.PROXY_AUTHORIZATION, "Basic " + token));
        builder.replaceExecInterceptor(
                ChainElement.CONNECT.name(),
                new AsyncConnectExec(
                        new DefaultHttpProcessor(new RequestTargetHost(), new RequestUserAgent(USER_AGENT), onConnect),
                        DefaultAuthenticationStrategy.INSTANCE,
                        DefaultSchemePortResolver.INSTANCE,
                        true));
        AsyncExecChainHandler onPlainRequest = (request, entity, scope, chain, callback) -> {
            if (scope.route.getProxyHost() != null && !scope.route.isTunnelled()) {
                request.setHeader(new SecretHeader(HttpHeaders.PROXY_AUTHORIZATION, "Basic " + token));
            }
            chain.proceed(request, entity, scope, callback);
        };
        builder.addExecInterceptorAfter(ChainElement.PROTOCOL.name(), "seedance-proxy-authorization", onPlainRequest);
    }
}
