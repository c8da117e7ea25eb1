package io.github.camelseedance.benchmarks;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;

/**
 * Floor (a): the least a caller could write on httpclient5's async client: the component's bytes, Jackson on the I/O
 * thread, a hand-off to a pool of 10 threads as the component does. Its pool is sized for the load (the library's
 * defaults, 5 per route and 25 in all, would queue the rest); automatic retries are off.
 */
final class SameLibraryClient implements GenerationClient {

    static final int POOL_THREADS = 10;
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpAsyncClient http;
    private final ExecutorService pool = Executors.newFixedThreadPool(POOL_THREADS);
    private final URI uri;
    private final byte[] body;

    SameLibraryClient(String baseUrl, byte[] body, int connections) {
        this.uri = URI.create(baseUrl + "/v1/videos/generations");
        this.body = body;
        http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(connections)
                        .setMaxConnTotal(connections)
                        .build())
                .disableAutomaticRetries()
                .build();
        http.start();
    }

    @Override
    public CompletableFuture<String> generate() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        SimpleHttpRequest post = SimpleRequestBuilder.post(uri)
                .addHeader("Authorization", "Bearer " + EmulatorProcess.API_KEY)
                .setBody(body, JSON)
                .build();
        http.execute(post, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                String url;
                try {
                    url = VideoAnswer.url(response.getCode(), response.getBodyBytes());
                } catch (RuntimeException e) {
                    failed(e);
                    return;
                }
                pool.execute(() -> answer.complete(url));
            }

            @Override
            public void failed(Exception e) {
                pool.execute(() -> answer.completeExceptionally(e));
            }

            @Override
            public void cancelled() {
                pool.execute(() -> answer.cancel(false));
            }
        });
        return answer;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
        pool.shutdown();
    }
}
