package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send mode: sends the request messages in a folder to a running broker, as a client application would, and prints
 * the answers the workers send back.
 */
final class SendRun {

    private static final Logger LOG = LoggerFactory.getLogger(SendRun.class);

    private SendRun() {}

    /** Returns the process exit code: 0 when every request id was answered once, as its sample meant. */
    static int run(String brokerUrl, Path samples, Duration timeout) throws Exception {
        QueueNames queues = QueueNames.DEFAULT;
        List<SampleRequest> sent = SampleRequest.load(samples);
        AnswerTally tally = new AnswerTally(sent);
        try (QueueClient client = new QueueClient(brokerUrl, queues)) {
            for (SampleRequest sample : sent) {
                client.send(sample.json());
            }
            LOG.info(
                    "Sent {} request messages from {} to {} at {}",
                    sent.size(),
                    samples.toAbsolutePath(),
                    queues.requests(),
                    Texts.withoutSecrets(brokerUrl));
            DemoRun.awaitAnswers(client, tally, () -> true, timeout);
        }
        System.out.println();
        tally.summary(queues).forEach(System.out::println);
        return tally.answeredOnceAsMeant() ? 0 : 1;
    }
}
