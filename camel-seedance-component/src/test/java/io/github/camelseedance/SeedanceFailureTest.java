package io.github.camelseedance;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelseedance.emulator.EmulatorResponse;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every failure path completes the exchange exactly once, with an exception that says what went wrong. */
class SeedanceFailureTest extends SeedanceTestSupport {

    /** Runs one exchange through a fresh producer and checks that the callback fired exactly once. */
    private Exchange run(String uri) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        AsyncProducer producer = endpoint.createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("A storm over the sea");
            AtomicInteger callbacks = new AtomicInteger();
            producer.process(exchange, doneSync -> callbacks.incrementAndGet());
            await().atMost(Duration.ofSeconds(60)).until(() -> callbacks.get() > 0);
            // and no second completion arrives late
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> callbacks.get() == 1);
            return exchange;
        } finally {
            producer.stop();
        }
    }

    private SeedanceApiException apiFailure(String uri) throws Exception {
        Exchange exchange = run(uri);
        assertThat(exchange.getException()).isInstanceOf(SeedanceApiException.class);
        return (SeedanceApiException) exchange.getException();
    }

    @Test
    void apiErrorCarriesStatusMessageTypeParamAndCode() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.error(
                400, "seconds must be 5 or 10", "invalid_request_error", "seconds", "invalid_parameter"));

        SeedanceApiException e = apiFailure("seedance:generate");
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(e.getHttpResponseCode()).isEqualTo(400);
        assertThat(e.getErrorMessage()).isEqualTo("seconds must be 5 or 10");
        assertThat(e.getErrorType()).isEqualTo("invalid_request_error");
        assertThat(e.getParam()).isEqualTo("seconds");
        assertThat(e.getCode()).isEqualTo("invalid_parameter");
        assertThat(e.getMessage()).contains("HTTP 400", "seconds must be 5 or 10", "param=seconds");
    }

    @Test
    void numericErrorCodeIsReadAsText() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.error(402, "Insufficient balance", "billing_error", null, 402));

        SeedanceApiException e = apiFailure("seedance:generate");
        assertThat(e.getCode()).isEqualTo("402");
        assertThat(e.getParam()).isNull();
        assertThat(e.getMessage()).contains("balance");
    }

    @Test
    void aWrongKeyIsA401ThatNamesTheApiKeyOption() throws Exception {
        SeedanceApiException e = apiFailure("seedance:generate?apiKey=sk-wrong-0123456789");

        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains("apiKey");
    }

    @Test
    void videoUrlThatIsNotHttpIsAClearFailure() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.json(200, "{\"data\":[{\"url\":\"/video/x.mp4\"}],\"created\":1}"));

        assertThat(run("seedance:generate?download=true").getException())
                .isExactlyInstanceOf(SeedanceDownloadException.class)
                .hasMessageContaining("cannot be downloaded");
    }

    @Test
    void anErrorPageThatIsNotJsonIsReadAsText() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.raw(
                403, "text/html", "<html><body><h1>403 Forbidden</h1><p>not from this network</p></body></html>"));

        SeedanceApiException e = apiFailure("seedance:generate");
        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getErrorType()).isNull();
        assertThat(e.getMessage()).contains("non-JSON", "403 Forbidden");
    }

    @Test
    void malformedJsonOnSuccessIsAClearFailure() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.raw(200, "application/json", "{\"data\": [{\"url\": "));

        Exchange exchange = run("seedance:generate");
        assertThat(exchange.getException())
                .isExactlyInstanceOf(SeedanceException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void emptyDataIsAClearFailure() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.json(200, "{\"data\": [], \"created\": 1760347750}"));

        assertThat(run("seedance:generate").getException())
                .isExactlyInstanceOf(SeedanceException.class)
                .hasMessageContaining("data is empty");
    }

    @Test
    void emptyBodyIsAClearFailure() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.raw(200, "application/json", ""));

        assertThat(run("seedance:generate").getException())
                .isExactlyInstanceOf(SeedanceException.class)
                .hasMessageContaining("empty body");
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefusedWithoutReadingItWhole() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.json(
                200,
                "{\"data\":[{\"url\":\"https://cdn.example/v.mp4\",\"revised_prompt\":\"" + "x".repeat(5 * 1024 * 1024)
                        + "\"}]}"));

        assertThat(run("seedance:generate").getException())
                .isExactlyInstanceOf(SeedanceException.class)
                .hasMessageContaining("larger than 4096 KiB");
    }

    @Test
    void aRefusedConnectionNamesTheHostAndTheCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Exchange exchange = run("seedance:generate?maxRetries=0&baseUrl=http://127.0.0.1:" + closedPort);
        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("Could not connect")
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThat(exchange.getException().getMessage()).containsIgnoringCase("connection refused");
    }

    @Test
    void answerSlowerThanRequestTimeoutIsAClearFailure() throws Exception {
        SEEDANCE.setLatency(Duration.ofSeconds(30));

        Exchange exchange = run("seedance:generate?requestTimeout=2s");
        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("within the requestTimeout");
    }

    @Test
    void aConnectionDroppedAfterTheRequestNamesTheSeedanceApi() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.dropConnection());

        Exchange exchange = run("seedance:generate");
        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("Seedance API");
    }

    @Test
    void videoThatCannotBeDownloadedIsAClearFailure() throws Exception {
        SEEDANCE.enqueue(EmulatorResponse.json(
                200,
                "{\"data\":[{\"url\":\"" + SEEDANCE.baseUrl() + "/videos/never-made.mp4\",\"revised_prompt\":\"\"}],"
                        + "\"created\":1760347750}"));

        Exchange exchange = run("seedance:generate?download=true");
        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("Downloading the video")
                .hasMessageContaining("HTTP 404");
    }
}
