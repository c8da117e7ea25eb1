package io.github.camelseedance.benchmarks;

import java.lang.management.MemoryMXBean;

/** Heap in use every 10 ms; the most seen is the figure, garbage not yet collected included. */
final class HeapSampler extends Thread {

    private final MemoryMXBean memory;
    private volatile boolean running = true;
    private long max;

    HeapSampler(MemoryMXBean memory) {
        super("heap-sampler");
        this.memory = memory;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (running) {
            max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns the most heap in use, in bytes. */
    long stopAndGetMax() throws InterruptedException {
        running = false;
        join();
        return max;
    }
}
