package io.github.camelseedance.examples.jmsqueue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A worker in its own JVM, started as an operator would ({@code java -cp ... QueueApplication worker} with the
 * environment set), its output written to a file under target/ for debugging.
 */
final class WorkerProcess implements AutoCloseable {

    static final Path LOG_DIRECTORY = Path.of("target", "worker-logs");

    private final String instance;
    private final Process process;
    private final Path log;

    private WorkerProcess(String instance, Process process, Path log) {
        this.instance = instance;
        this.process = process;
        this.log = log;
    }

    static WorkerProcess start(String testName, String instance, Map<String, String> environment) throws IOException {
        Files.createDirectories(LOG_DIRECTORY);
        Path log = LOG_DIRECTORY.resolve(testName + "-" + instance + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // a small, quickly started JVM: two of them share two cores with the test
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(QueueApplication.class.getName());
        command.add("worker");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // only what the test sets: no key or broker of the machine running the build
        builder.environment().keySet().removeIf(name -> name.startsWith("SEEDANCE_"));
        builder.environment().putAll(environment);
        return new WorkerProcess(instance, builder.start(), log);
    }

    String instance() {
        return instance;
    }

    Path log() {
        return log;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM at once, as a crash or {@code kill -9} would: nothing is rolled back or released by it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the worker as Ctrl+C would, and kills it if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
