package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The answers received for a set of sent request messages, by request id. */
final class AnswerTally {

    private final List<SampleRequest> sent;
    private final Set<String> ids = new LinkedHashSet<>();
    // sorted by request id, for the summary
    private final Map<String, List<ResultMessage>> results = new TreeMap<>();
    private final Map<String, List<QueueClient.DeadLetter>> deadLetters = new TreeMap<>();

    AnswerTally(List<SampleRequest> sent) {
        this.sent = List.copyOf(sent);
        sent.forEach(sample -> ids.add(sample.requestId()));
    }

    void addResults(List<ResultMessage> received) {
        received.forEach(result -> results.computeIfAbsent(result.requestId(), id -> new ArrayList<>())
                .add(result));
    }

    void addDeadLetters(List<QueueClient.DeadLetter> received) {
        received.forEach(entry -> deadLetters
                .computeIfAbsent(entry.requestId(), id -> new ArrayList<>())
                .add(entry));
    }

    int messagesSent() {
        return sent.size();
    }

    int distinctIds() {
        return ids.size();
    }

    /** Request ids sent that have no answer yet. */
    List<String> unanswered() {
        return ids.stream().filter(id -> answers(id) == 0).toList();
    }

    boolean allAnswered() {
        return unanswered().isEmpty();
    }

    /** The running count the demo prints while it waits: results, dead-lettered, still in flight, elapsed. */
    String progress(Duration elapsed) {
        int withResult = (int) ids.stream().filter(results::containsKey).count();
        int dead = (int) ids.stream().filter(deadLetters::containsKey).count();
        return "Running for " + elapsed.toSeconds() + " s: " + withResult + " of " + ids.size() + " request ids done, "
                + dead + " failed (dead-lettered), " + unanswered().size() + " in flight";
    }

    /**
     * True when every request id was answered exactly once, in the way its sample meant (a result, or a dead-letter
     * entry for an {@code invalid-} sample), and every other message with the same id was dropped as a duplicate.
     */
    boolean succeeded(int duplicatesDropped) {
        return duplicatesDropped == sent.size() - ids.size() && answeredOnceAsMeant();
    }

    /** Every request id answered exactly once, with a result or (for an {@code invalid-} sample) a dead-letter entry. */
    boolean answeredOnceAsMeant() {
        if (ids.isEmpty()) {
            return false;
        }
        for (SampleRequest sample : sent) {
            String id = sample.requestId();
            if (answers(id) != 1) {
                return false;
            }
            boolean failed = deadLetters.containsKey(id);
            if (failed != sample.meantToFail()) {
                return false;
            }
        }
        // answers for ids nobody here sent (left over on the queues) do not count against the run
        return true;
    }

    /** The request ids sent, in the order of the summary. */
    List<String> requestIds() {
        return ids.stream().sorted().toList();
    }

    /** The request message sent under this id (the first, when it was sent more than once). */
    Optional<SampleRequest> sample(String id) {
        return sent.stream().filter(sample -> sample.requestId().equals(id)).findFirst();
    }

    /** The first result for this id (a second one, after a crash, is the same message). */
    Optional<ResultMessage> result(String id) {
        return results.getOrDefault(id, List.of()).stream().findFirst();
    }

    Optional<QueueClient.DeadLetter> deadLetter(String id) {
        return deadLetters.getOrDefault(id, List.of()).stream().findFirst();
    }

    private int answers(String id) {
        return results.getOrDefault(id, List.of()).size()
                + deadLetters.getOrDefault(id, List.of()).size();
    }

    /**
     * The lines printed at the end of the demo.
     *
     * @param video how a result's video is shown: its URL, or the file it was downloaded to
     */
    List<String> summary(QueueNames queues, int duplicatesDropped, Function<ResultMessage, String> video) {
        List<String> lines = summary(queues, video);
        lines.add(lines.size() - (unanswered().isEmpty() ? 0 : 1), "Duplicates dropped: " + duplicatesDropped);
        return lines;
    }

    /** The lines printed by a sender, which cannot see what the workers dropped. */
    List<String> summary(QueueNames queues) {
        return summary(queues, ResultMessage::videoUrl);
    }

    private List<String> summary(QueueNames queues, Function<ResultMessage, String> video) {
        int answeredWithResult = (int) ids.stream().filter(results::containsKey).count();
        int answeredDead = (int) ids.stream().filter(deadLetters::containsKey).count();
        List<String> lines = new ArrayList<>();
        lines.add("Seedance JMS queue: " + sent.size() + " request messages, " + ids.size()
                + " distinct request ids: " + answeredWithResult + " results, " + answeredDead + " dead-lettered, "
                + unanswered().size() + " unanswered");
        lines.add("Results (" + queues.results() + "):");
        results.forEach((id, answers) -> answers.forEach(result -> lines.add(
                "  " + id + " -> " + video.apply(result) + " (" + result.model() + ", by " + result.instance() + ")")));
        lines.add("Dead-letter queue (" + queues.deadLetter() + "):");
        deadLetters.forEach((id, answers) -> answers.forEach(entry -> lines.add("  " + id + ": " + entry.reason())));
        List<String> unanswered = unanswered();
        if (!unanswered.isEmpty()) {
            lines.add("Unanswered: " + unanswered);
        }
        return lines;
    }
}
