package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.List;

import io.github.camelseedance.examples.jmsqueue.QueueClient.DeadLetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTallyTest {

    private static final List<SampleRequest> SENT = List.of(
            new SampleRequest("invalid-order-3.json", "{}", "order-3"),
            new SampleRequest("order-1.json", "{}", "order-1"),
            new SampleRequest("order-2-resent.json", "{}", "order-2"),
            new SampleRequest("order-2.json", "{}", "order-2"));

    @Test
    void succeedsWhenEveryIdIsAnsweredOnceAsItsSampleMeant() {
        AnswerTally tally = answered();

        assertThat(tally.allAnswered()).isTrue();
        assertThat(tally.succeeded(1)).isTrue();
        assertThat(tally.succeeded(0))
                .as("a duplicate neither dropped nor answered")
                .isFalse();
    }

    @Test
    void failsOnAMissingAWrongOrASecondAnswer() {
        AnswerTally missing = new AnswerTally(SENT);
        missing.addResults(List.of(result("order-1")));
        assertThat(missing.allAnswered()).isFalse();
        assertThat(missing.unanswered()).containsExactly("order-3", "order-2");
        assertThat(missing.succeeded(1)).isFalse();

        AnswerTally twice = answered();
        twice.addResults(List.of(result("order-2")));
        assertThat(twice.succeeded(1)).isFalse();

        AnswerTally wrong = new AnswerTally(SENT);
        wrong.addResults(List.of(result("order-1"), result("order-2"), result("order-3")));
        assertThat(wrong.succeeded(1))
                .as("an invalid sample must not become a video")
                .isFalse();

        assertThat(new AnswerTally(List.of()).succeeded(0)).as("nothing sent").isFalse();
    }

    @Test
    void summaryListsResultsDeadLettersAndDuplicates() {
        List<String> lines = answered().summary(QueueNames.DEFAULT, 1, ResultMessage::videoUrl);

        assertThat(lines.get(0))
                .isEqualTo("Seedance JMS queue: 4 request messages, 3 distinct request ids: "
                        + "2 results, 1 dead-lettered, 0 unanswered");
        assertThat(lines)
                .contains(
                        "Results (seedance.results):",
                        "  order-1 -> https://cdn.example/order-1.mp4 (ByteDance-Seedance-1.5-pro, by demo-worker)",
                        "Dead-letter queue (seedance.dead-letter):",
                        "  order-3: Invalid seconds '7'",
                        "Duplicates dropped: 1");
        assertThat(lines).noneMatch(line -> line.startsWith("Unanswered"));
    }

    private static AnswerTally answered() {
        AnswerTally tally = new AnswerTally(SENT);
        tally.addResults(List.of(result("order-2"), result("order-1")));
        tally.addDeadLetters(List.of(new DeadLetter("order-3", "Invalid seconds '7'", "demo-worker", "{}")));
        return tally;
    }

    private static ResultMessage result(String id) {
        return new ResultMessage(
                id, "https://cdn.example/" + id + ".mp4", "", "ByteDance-Seedance-1.5-pro", 1L, "demo-worker", null);
    }

    @Test
    void theRunningCountSaysWhatIsDoneFailedAndInFlight() {
        AnswerTally tally = new AnswerTally(SENT);
        tally.addResults(List.of(result("order-1")));

        assertThat(tally.progress(Duration.ofSeconds(7)))
                .isEqualTo("Running for 7 s: 1 of 3 request ids done, 0 failed (dead-lettered), 2 in flight");

        tally.addDeadLetters(List.of(new DeadLetter("order-3", "Invalid seconds '7'", "demo-worker", "{}")));
        assertThat(tally.progress(Duration.ofSeconds(9)))
                .isEqualTo("Running for 9 s: 1 of 3 request ids done, 1 failed (dead-lettered), 1 in flight");
    }
}
