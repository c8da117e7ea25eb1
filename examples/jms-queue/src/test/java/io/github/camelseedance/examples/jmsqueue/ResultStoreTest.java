package io.github.camelseedance.examples.jmsqueue;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The saved videos in PostgreSQL, on a new, empty database. */
class ResultStoreTest {

    private ResultStore results;

    @BeforeEach
    void start() throws Exception {
        results = new ResultStore(
                new DriverManagerDataSource(SharedPostgres.newDatabase(), EmbeddedPostgresStore.USER, ""));
        results.start();
    }

    @AfterEach
    void stop() {
        results.stop();
    }

    @Test
    void aSavedResultIsFoundUntilDeleted() {
        ResultMessage saved = result("order-1", "http://127.0.0.1/videos/a.mp4", "A lighthouse at dusk");
        results.save(saved);

        assertThat(results.find("order-1")).contains(saved);
        assertThat(results.find("order-2")).isEmpty();
        results.delete("order-1");
        assertThat(results.find("order-1")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheEarlierAttempt() {
        results.save(result("order-1", "http://127.0.0.1/videos/first.mp4", ""));
        ResultMessage again = result("order-1", "http://127.0.0.1/videos/second.mp4", "");
        results.save(again);

        assertThat(results.find("order-1")).contains(again);
    }

    @Test
    void aLongRevisedPromptIsKeptWhole() {
        // the provider may return a revised prompt far longer than the prompt sent
        ResultMessage saved = result("order-1", "http://127.0.0.1/videos/a.mp4", "a boat on a river, ".repeat(600));
        results.save(saved);

        assertThat(results.find("order-1")).contains(saved);
    }

    private static ResultMessage result(String requestId, String videoUrl, String revisedPrompt) {
        return new ResultMessage(
                requestId,
                videoUrl,
                revisedPrompt,
                "ByteDance-Seedance-1.5-pro",
                1760347750L,
                "worker-a",
                VideoGenerationRequest.builder()
                        .model("ByteDance-Seedance-1.5-pro")
                        .prompt("A boat")
                        .build());
    }
}
