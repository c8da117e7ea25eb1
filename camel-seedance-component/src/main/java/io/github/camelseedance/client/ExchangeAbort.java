package io.github.camelseedance.client;

import java.io.IOException;
import java.util.concurrent.Future;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * Ends one exchange from outside the client, in any phase: cancels it, and closes its connection once it has one.
 * HttpClient 5.6's cancel alone misses an exchange on a pooled connection (the lease's handle replaces the exchange's)
 * and one whose response has begun, so the exchange's own runtime, handed over by {@link #BINDER}, closes it.
 */
final class ExchangeAbort implements Cancellable {

    static final String ATTRIBUTE = ExchangeAbort.class.getName();

    /**
     * The step just before an exchange runs on its connection: hands the connection's runtime to the exchange's abort,
     * or, when the abort came first, closes the connection and fails the exchange before anything is sent.
     */
    static final AsyncExecChainHandler BINDER = ExchangeAbort::bind;

    // guarded by this
    private Future<?> exchange;
    private AsyncExecRuntime runtime;
    private boolean aborted;

    private static void bind(
            HttpRequest request,
            AsyncEntityProducer entity,
            AsyncExecChain.Scope scope,
            AsyncExecChain chain,
            AsyncExecCallback callback)
            throws HttpException, IOException {
        if (scope.clientContext.getAttribute(ATTRIBUTE) instanceof ExchangeAbort abort
                && !abort.runtime(scope.execRuntime)) {
            scope.execRuntime.discardEndpoint();
            callback.failed(new RequestNotExecutedException("the exchange was ended before it was sent"));
            return;
        }
        chain.proceed(request, entity, scope, callback);
    }

    /** The client's future of the exchange; cancelled at once if the exchange was already aborted. */
    void exchange(Future<?> started) {
        boolean late;
        synchronized (this) {
            exchange = started;
            late = aborted;
        }
        if (late) {
            started.cancel(true);
        }
    }

    /** False when the exchange was aborted first, and must not run on the connection. */
    private synchronized boolean runtime(AsyncExecRuntime execRuntime) {
        if (aborted) {
            return false;
        }
        runtime = execRuntime;
        return true;
    }

    /** Cancels the exchange and closes its connection; once the exchange is over, its connection is not touched. */
    @Override
    public boolean cancel() {
        Future<?> started;
        AsyncExecRuntime execRuntime;
        synchronized (this) {
            if (aborted) {
                return false;
            }
            aborted = true;
            started = exchange;
            execRuntime = runtime;
        }
        if (started != null) {
            started.cancel(true);
        }
        if (execRuntime != null) {
            execRuntime.discardEndpoint();
        }
        return true;
    }
}
