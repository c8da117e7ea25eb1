package io.github.camelseedance.client;

import java.io.IOException;
import java.util.concurrent.Future;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * Ends one exchange from outside the client, in any phase: cancels it, and closes its connection once it has one.
 * HttpClient 5.6's cancel alone misses an exchange on a pooled connection (the lease's handle replaces the exchange's)
 * and one whose response has begun, so the exchange's own runtime, handed over by {@link #BINDER}, closes it.
 */
final class ExchangeAbort {

    static final String ATTRIBUTE = ExchangeAbort.class.getName();

    /** The first step of every exchange's chain: hands the exchange's runtime to its abort, when it has one. */
    static final AsyncExecChainHandler BINDER = ExchangeAbort::bind;

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
        if (scope.clientContext.getAttribute(ATTRIBUTE) instanceof ExchangeAbort abort) {
            abort.runtime(scope.execRuntime);
        }
        chain.proceed(request, entity, scope, callback);
    }

    synchronized void exchange(Future<?> started) {
        exchange = started;
        if (aborted) {
            started.cancel(true);
        }
    }

    private void runtime(AsyncExecRuntime execRuntime) {
        boolean late;
        synchronized (this) {
            runtime = execRuntime;
            late = aborted;
        }
        if (late) {
            execRuntime.discardEndpoint();
        }
    }

    /** Cancels the exchange and closes its connection; once the exchange is over, its connection is not touched. */
    void abort() {
        Future<?> started;
        AsyncExecRuntime execRuntime;
        synchronized (this) {
            if (aborted) {
                return;
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
    }
}
