package io.github.camelseedance.examples.jmsqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The other side of the queues, as a client application would see them: sends request messages and reads result and
 * dead-letter messages. Plain JMS; one thread at a time.
 */
public final class QueueClient implements AutoCloseable {

    /** One dead-letter entry: the original message text and why it failed. */
    public record DeadLetter(String requestId, String reason, String instance, String body) {}

    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;
    private final MessageProducer requests;
    private final MessageConsumer results;
    private final MessageConsumer deadLetters;

    public QueueClient(String brokerUrl, QueueNames queues) throws JMSException {
        // the factory owns the connection's transport: it is closed with the connection, not before
        factory = new ActiveMQConnectionFactory(brokerUrl);
        try {
            connection = factory.createConnection();
        } catch (JMSException | RuntimeException e) {
            factory.close();
            throw e;
        }
        try {
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            requests = session.createProducer(session.createQueue(queues.requests()));
            results = session.createConsumer(session.createQueue(queues.results()));
            deadLetters = session.createConsumer(session.createQueue(queues.deadLetter()));
            connection.start();
        } catch (JMSException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Sends one request message (see {@link RequestEnvelope} for its shape). */
    public void send(String requestJson) throws JMSException {
        requests.send(session.createTextMessage(requestJson));
    }

    /** The result messages that have arrived, waiting up to {@code wait} for the first one. */
    public List<ResultMessage> receiveResults(Duration wait) throws JMSException {
        List<ResultMessage> received = new ArrayList<>();
        for (Message message : receive(results, wait)) {
            received.add(ResultMessage.fromJson(((TextMessage) message).getText()));
        }
        return received;
    }

    /** The dead-letter entries that have arrived, waiting up to {@code wait} for the first one. */
    public List<DeadLetter> receiveDeadLetters(Duration wait) throws JMSException {
        List<DeadLetter> received = new ArrayList<>();
        for (Message message : receive(deadLetters, wait)) {
            received.add(new DeadLetter(
                    message.getStringProperty(GenerationWorkerRoutes.REQUEST_ID),
                    message.getStringProperty(GenerationWorkerRoutes.FAILURE_REASON),
                    message.getStringProperty(GenerationWorkerRoutes.INSTANCE),
                    ((TextMessage) message).getText()));
        }
        return received;
    }

    private static List<Message> receive(MessageConsumer consumer, Duration wait) throws JMSException {
        List<Message> messages = new ArrayList<>();
        Message message = wait.isZero() ? consumer.receiveNoWait() : consumer.receive(Math.max(1, wait.toMillis()));
        while (message != null) {
            messages.add(message);
            message = consumer.receiveNoWait();
        }
        return messages;
    }

    @Override
    public void close() throws JMSException {
        try {
            connection.close();
        } finally {
            factory.close();
        }
    }
}
