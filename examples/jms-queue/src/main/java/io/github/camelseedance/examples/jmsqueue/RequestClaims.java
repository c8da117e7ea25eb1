package io.github.camelseedance.examples.jmsqueue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decides whether this worker may generate a request (claim its id, then check it was not answered) and settles the
 * idempotent store once the JMS transaction ended. The README (How "once" is kept) says why in this order, and why
 * Camel's {@code idempotentConsumer} does not fit.
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
