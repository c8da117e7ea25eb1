package io.github.camelseedance.emulator;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;

/**
 * The Vert.x instances the emulator and the forward proxy run on, and the blocking waits on them that their start and
 * close need. Those are called from test threads, never from an event loop, so blocking there is fine.
 */
final class EmulatorVertx {

    private static final long WAIT_SECONDS = 30;

    private EmulatorVertx() {}

    static Vertx create() {
        // daemon threads, so a JVM whose application failed before close() still exits rather than being held alive
        // by a test server; no file caching and no classpath resolution: nothing here reads files through Vert.x, so
        // it leaves none behind
        return Vertx.vertx(new VertxOptions()
                .setUseDaemonThread(true)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Vert.x", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Vert.x did not answer within " + WAIT_SECONDS + " s", e);
        }
    }
}
