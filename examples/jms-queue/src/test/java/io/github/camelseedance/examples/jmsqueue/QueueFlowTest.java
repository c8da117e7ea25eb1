package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.examples.jmsqueue.QueueClient.DeadLetter;
import io.github.camelseedance.model.VideoGenerationRequest;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One worker in this JVM on a real broker over TCP: request messages in, result and dead-letter messages out. */
class QueueFlowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private QueueInfrastructure infra;
    private Main worker;
    private QueueClient client;
    private Answers answers;

    @BeforeEach
    void start() throws Exception {
        infra = QueueInfrastructure.start(dir, Duration.ZERO, Duration.ofMillis(300));
        worker = QueueApplication.createMain(
                infra.workerProperties("flow-worker", 2, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        worker.start();
        client = infra.client();
        answers = new Answers(client);
        await().atMost(TIMEOUT).until(() -> infra.requestConsumers() >= 2);
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (worker != null) {
            worker.stop();
        }
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aRequestIsAnsweredOnTheResultQueueInTheDocumentedShape() throws Exception {
        client.send("""
                {"requestId": "order-42",
                 "request": {"model": "SIRAYA-Seedance-2.0", "prompt": "A paper boat on a river", "resolution": "480p",
                             "aspect_ratio": "9:16", "seconds": 10}}
                """);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(answers.poll().results()).containsKey("order-42"));

        ResultMessage result = answers.results().get("order-42").get(0);
        assertThat(result.videoUrl()).startsWith(infra.emulator.baseUrl()).endsWith(".mp4");
        assertThat(result.model()).isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(result.instance()).isEqualTo("flow-worker");
        assertThat(result.created()).isPositive();
        assertThat(result.revisedPrompt()).isNotNull();

        assertThat(infra.emulator.violations()).isEmpty();
        assertThat(infra.emulator.generationRequests()).hasSize(1);
        JsonNode sent = infra.emulator.generationRequests().get(0).json();
        assertThat(sent.get("prompt").asText()).isEqualTo("A paper boat on a river");
        assertThat(sent.get("resolution").asText()).isEqualTo("480p");
        assertThat(sent.get("aspect_ratio").asText()).isEqualTo("9:16");
        assertThat(sent.get("seconds").asInt()).isEqualTo(10);
        await().atMost(TIMEOUT).until(() -> infra.pendingRequests() == 0);
    }

    @Test
    void theResultCarriesTheRequestAsSentWithTheWorkersDefaultsFilledIn() throws Exception {
        client.send("""
                {"requestId": "order-44", "request": {"prompt": "A lantern <on> a 'quiet' pier & a gull"}}
                """);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(answers.poll().results()).containsKey("order-44"));

        VideoGenerationRequest request =
                answers.results().get("order-44").get(0).request();
        assertThat(request).isNotNull();
        assertThat(request.prompt()).isEqualTo("A lantern <on> a 'quiet' pier & a gull");
        // application.properties' defaults, which the message left out
        assertThat(request.model()).isEqualTo("ByteDance-Seedance-1.5-pro");
        assertThat(request.resolution()).isEqualTo("720p");
        assertThat(request.seconds()).isEqualTo(5);
        assertThat(request.aspectRatio()).isEqualTo("16:9");
        assertThat(infra.emulator.generationRequests()).hasSize(1);
        assertThat((JsonNode) JSON.valueToTree(request))
                .as("the request the API received")
                .isEqualTo(infra.emulator.generationRequests().get(0).json());
    }

    @Test
    void theResultMessageCarriesTheRequestIdAsHeaderAndCorrelationId() throws Exception {
        // this test reads the result queue itself, with the JMS headers: the shared client must not compete for it
        client.close();
        client = null;
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(infra.broker.tcpUrl());
                var connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer results = session.createConsumer(session.createQueue(QueueInfrastructure.QUEUES.results()));
            connection.start();
            session.createProducer(session.createQueue(QueueInfrastructure.QUEUES.requests()))
                    .send(session.createTextMessage(RequestEnvelope.toJson(
                            "order-43",
                            VideoGenerationRequest.builder()
                                    .prompt("A kite over a beach")
                                    .build())));

            Message message = results.receive(TIMEOUT.toMillis());

            assertThat(message).isNotNull();
            assertThat(message.getJMSCorrelationID()).isEqualTo("order-43");
            assertThat(message.getStringProperty(GenerationWorkerRoutes.REQUEST_ID))
                    .isEqualTo("order-43");
            assertThat(message.getStringProperty(GenerationWorkerRoutes.INSTANCE))
                    .isEqualTo("flow-worker");
            JsonNode body = JSON.readTree(message.getBody(String.class));
            assertThat(body.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "requestId", "videoUrl", "revisedPrompt", "model", "created", "instance", "request");
        }
    }

    @Test
    void failedRequestsGoToTheDeadLetterQueueWithTheirReason() throws Exception {
        // the API refuses the first valid generation it gets
        infra.emulator.enqueue(EmulatorResponse.error(
                402, "Insufficient account balance", "billing_error", null, "insufficient_balance"));
        client.send("""
                {"requestId": "order-402", "request": {"prompt": "A harbour at night"}}
                """);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(answers.poll().deadLetters()).containsKey("order-402"));

        client.send("""
                {"requestId": "order-seven", "request": {"prompt": "A clock ticking", "seconds": 7}}
                """);
        client.send("""
                {"requestId": "order-typo", "request": {"prompt": "A clock ticking", "resolutoin": "720p"}}
                """);
        client.send("""
                {"requestId": "order-empty"}
                """);
        client.send("{\"requestId\": ");
        client.send("""
                {"request": {"prompt": "Nobody will know whose this was"}}
                """);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(answers.poll().deadLetters())
                        .containsKeys("order-402", "order-seven", "order-typo", "order-empty", "null")
                        .satisfies(entries -> assertThat(entries.get("null")).hasSize(2)));
        await().atMost(TIMEOUT).until(() -> infra.pendingRequests() == 0);

        // a failed request is answered: the same id again is dropped, not tried again
        client.send("""
                {"requestId": "order-seven", "request": {"prompt": "A clock ticking", "seconds": 5}}
                """);
        await().atMost(TIMEOUT).until(() -> infra.pendingRequests() == 0);
        answers.poll();

        assertThat(reason("order-402")).contains("402").contains("Insufficient account balance");
        assertThat(reason("order-seven")).contains("seconds").contains("7");
        assertThat(reason("order-typo")).contains("resolutoin");
        assertThat(reason("order-empty")).contains("no request");
        assertThat(answers.deadLetters().get("null"))
                .extracting(DeadLetter::reason)
                .anySatisfy(reason -> assertThat(reason).startsWith("The message is not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("no requestId"));
        assertThat(answers.deadLetters().values())
                .allSatisfy(entries -> assertThat(entries).allSatisfy(entry -> {
                    assertThat(entry.reason()).doesNotContain("\n").doesNotContain(infra.emulator.apiKey());
                    assertThat(entry.instance()).isEqualTo("flow-worker");
                }));
        // the original text is kept, so the request can be fixed and sent again
        assertThat(answers.deadLetters().get("order-seven").get(0).body()).contains("\"seconds\": 7");
        assertThat(answers.results()).isEmpty();

        // only the request the API refused was sent; everything else was stopped before any call
        assertThat(infra.emulator.generationRequests())
                .extracting(RecordedRequest::json)
                .extracting(json -> json.get("prompt").asText())
                .containsExactly("A harbour at night");
    }

    @Test
    void aKeyTheApiEchoesInJsonEscapesNeverReachesTheDeadLetterEntry() throws Exception {
        String escaped = unicodeEscaped(infra.emulator.apiKey());
        infra.emulator.enqueue(EmulatorResponse.json(
                401,
                "{\"error\": {\"message\": \"Incorrect API key provided: " + escaped
                        + "\", \"type\": \"authentication_error\", \"param\": \"" + escaped
                        + "\", \"code\": \"invalid_api_key\"}}"));
        client.send("""
                {"requestId": "order-echo", "request": {"prompt": "A lighthouse in fog"}}
                """);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(answers.poll().deadLetters()).containsKey("order-echo"));

        // a 401 is not retried: one POST, one entry, the key redacted from both fields it was echoed in
        assertThat(infra.emulator.generationRequests()).hasSize(1);
        assertThat(reason("order-echo"))
                .contains("HTTP 401", "Incorrect API key provided: [redacted]", "param=[redacted]")
                .doesNotContain(infra.emulator.apiKey())
                .doesNotContain(escaped);
    }

    /** Every character as a JSON unicode escape, as a provider's serializer may write it. */
    private static String unicodeEscaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(String.format("\\u%04x", (int) c));
        }
        return escaped.toString();
    }

    private String reason(String requestId) {
        List<DeadLetter> entries = answers.deadLetters().get(requestId);
        assertThat(entries).as("dead-letter entries of " + requestId).hasSize(1);
        return entries.get(0).reason();
    }
}
