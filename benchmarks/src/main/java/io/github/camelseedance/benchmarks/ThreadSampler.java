package io.github.camelseedance.benchmarks;

import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The most live threads of this JVM while it runs: {@code getThreadCount()} sampled every millisecond, and the JVM's own
 * peak since the reset (which also catches a thread that lived between two samples), minus the sampler's own thread.
 * At each new sampled high it notes which threads were alive, by name, so a report can say what they were.
 */
final class ThreadSampler implements Runnable {

    private final ThreadMXBean threads;
    private final Thread thread = new Thread(this, "thread-sampler");
    private final int before;
    private volatile boolean running = true;
    private int sampledMax;
    private String namesAtMax = "";

    private ThreadSampler(ThreadMXBean threads) {
        this.threads = threads;
        this.before = threads.getThreadCount();
        threads.resetPeakThreadCount();
    }

    static ThreadSampler start(ThreadMXBean threads) {
        ThreadSampler sampler = new ThreadSampler(threads);
        sampler.thread.setDaemon(true);
        sampler.thread.start();
        return sampler;
    }

    @Override
    public void run() {
        while (running) {
            int now = threads.getThreadCount();
            if (now > sampledMax) {
                sampledMax = now;
                namesAtMax = names();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    /** Live threads when the sampler started, itself not counted. */
    int before() {
        return before;
    }

    int peak() {
        return Math.max(sampledMax, threads.getPeakThreadCount()) - 1;
    }

    /** "Camel (camel-N) thread #N - SeedanceResponse x10, main x1, ...": digits folded to N, the most common first. */
    String namesAtPeak() {
        return namesAtMax;
    }

    private String names() {
        Map<String, Long> counts = Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(Objects::nonNull)
                .map(ThreadInfo::getThreadName)
                .filter(name -> !name.equals(thread.getName()))
                .collect(Collectors.groupingBy(
                        name -> name.replaceAll("[0-9]+", "N"), TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
