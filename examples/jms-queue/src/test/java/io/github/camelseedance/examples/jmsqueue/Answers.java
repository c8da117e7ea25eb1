package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelseedance.examples.jmsqueue.QueueClient.DeadLetter;

/** Every answer a test has read from the result and dead-letter queues, by request id. */
final class Answers {

    private final QueueClient client;
    private final Map<String, List<ResultMessage>> results = new ConcurrentHashMap<>();
    private final Map<String, List<DeadLetter>> deadLetters = new ConcurrentHashMap<>();

    Answers(QueueClient client) {
        this.client = client;
    }

    /** Reads what has arrived since the last call. */
    Answers poll() throws Exception {
        for (ResultMessage result : client.receiveResults(Duration.ofMillis(100))) {
            results.computeIfAbsent(result.requestId(), id -> new CopyOnWriteArrayList<>())
                    .add(result);
        }
        for (DeadLetter entry : client.receiveDeadLetters(Duration.ZERO)) {
            deadLetters
                    .computeIfAbsent(String.valueOf(entry.requestId()), id -> new CopyOnWriteArrayList<>())
                    .add(entry);
        }
        return this;
    }

    Map<String, List<ResultMessage>> results() {
        return results;
    }

    Map<String, List<DeadLetter>> deadLetters() {
        return deadLetters;
    }

    List<ResultMessage> allResults() {
        List<ResultMessage> all = new ArrayList<>();
        results.values().forEach(all::addAll);
        return all;
    }
}
