package io.github.camelseedance.examples.jmsqueue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides, for each request message, whether this worker may generate it, and settles the idempotent store when the
 * JMS transaction ends.
 * <p>
 * Order matters, and is why this is not two {@code idempotentConsumer}s:
 * <ol>
 * <li>Claim the id. A live worker holding it means the video is being generated there: roll back, and the broker
 * redelivers later.</li>
 * <li>Only then ask whether the id was answered. A worker marks an id answered before it releases the claim, so a
 * check made while holding the claim cannot miss an answer that a check made before claiming could.</li>
 * <li>Record the answer and release the claim only after the JMS transaction committed, that is once the result (or
 * the dead-letter entry) is on the broker and the request is off it. Recorded earlier, a worker dying just before the
 * commit would leave a request marked answered whose result never went out, and its redelivery would be dropped.</li>
 * <li>On rollback, release the claim so the redelivery can be processed; a video already generated is in the
 * {@link ResultStore} and is not paid for again.</li>
 * </ol>
 * Camel's {@code idempotentConsumer} does not fit: with {@code skipDuplicate(false)} it still removes the key when the
 * exchange fails, so rolling back a request claimed elsewhere would delete the other worker's claim; and its
 * completion runs before the JMS commit.
 */
public final class RequestClaims {

    /** Exchange property: the request id was already answered, the message is a duplicate to drop. */
    public static final String ALREADY_ANSWERED = "SeedanceAlreadyAnswered";

    private static final Logger LOG = LoggerFactory.getLogger(RequestClaims.class);

    private final IdempotentStore store;
    private final ResultStore results;
    // claims this worker still holds because releasing them failed (the database was unreachable): the keep-alive
    // goes on refreshing them, so without this the next delivery of such a request would wait for ever
    private final Set<String> heldAfterFailedRelease = ConcurrentHashMap.newKeySet();

    public RequestClaims(IdempotentStore store, ResultStore results) {
        this.store = store;
        this.results = results;
    }

    /**
     * Claims the request id in header {@link GenerationWorkerRoutes#REQUEST_ID} for this worker, or throws
     * {@link RequestInProgressException}; sets {@link #ALREADY_ANSWERED} when the request needs no work.
     */
    public void claim(Exchange exchange) {
        String requestId = exchange.getMessage().getHeader(GenerationWorkerRoutes.REQUEST_ID, String.class);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Claims are settled when the JMS transaction ends: the route must be "
                    + "transacted with a Spring transaction manager");
        }
        boolean claimed = store.claim(requestId) || heldAfterFailedRelease.remove(requestId);
        if (!claimed) {
            // a worker whose release failed after answering still holds the claim; the answer settles it
            if (store.isAnswered(requestId)) {
                exchange.setProperty(ALREADY_ANSWERED, true);
                return;
            }
            throw new RequestInProgressException(requestId);
        }
        TransactionSynchronizationManager.registerSynchronization(new Settlement(requestId));
        if (store.isAnswered(requestId)) {
            exchange.setProperty(ALREADY_ANSWERED, true);
        }
    }

    /** Runs when the JMS transaction of one claimed request has ended. */
    private final class Settlement implements TransactionSynchronization {

        private final String requestId;

        Settlement(String requestId) {
            this.requestId = requestId;
        }

        @Override
        public void afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                // the commit sent a result or a dead-letter entry (or dropped a duplicate of an answered request)
                recordAnswered();
            }
            release();
        }

        private void recordAnswered() {
            try {
                store.markAnswered(requestId);
            } catch (RuntimeException e) {
                // the saved video stays: a resend of this id is then answered from it, not generated again
                LOG.error("{} was answered but could not be recorded as answered: {}", requestId, Texts.oneLine(e));
                return;
            }
            try {
                results.delete(requestId);
            } catch (RuntimeException e) {
                LOG.warn("The saved result of {} could not be deleted: {}", requestId, Texts.oneLine(e));
            }
        }

        private void release() {
            try {
                store.release(requestId);
            } catch (RuntimeException e) {
                heldAfterFailedRelease.add(requestId);
                LOG.warn("The claim on {} could not be released: {}", requestId, Texts.oneLine(e));
            }
        }
    }
}
