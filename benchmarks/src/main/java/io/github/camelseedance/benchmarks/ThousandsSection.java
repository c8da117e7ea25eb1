package io.github.camelseedance.benchmarks;

import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.count;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.row;
import static io.github.camelseedance.benchmarks.Markdown.seconds;

/**
 * A report section per count of the thousands scenario: how it was measured, the figures of every contender, the
 * verdicts ({@link ThousandsVerdicts}), and what the threads at the peak and the first failures were.
 */
final class ThousandsSection {

    private ThousandsSection() {}

    /** firstSection: the number of the first of these sections, which gives the method and is judged on latency. */
    static String write(int number, ThousandsScenario.Section t, Settings s, int firstSection) {
        boolean latencyBound = number == firstSection;
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(number)
                .append(". ")
                .append(count(t.count()))
                .append(" generations started at once, emulator latency ")
                .append(seconds(s.latency()))
                .append("\n\n")
                .append(latencyBound ? method(s) : "Method as in section " + firstSection + ". ")
                .append(
                        latencyBound
                                ? "This count is judged against the emulator's latency.\n\n"
                                : "This count is judged against floor (a) doing the same " + count(t.count())
                                        + ", run by run: the route's wall time over the floor's.\n\n")
                .append(table(t))
                .append("\nRoute / floor (a), wall time, run by run: first burst ")
                .append(t.ratioToSameLibrary("first").format(2, "x"))
                .append(", second burst ")
                .append(t.ratioToSameLibrary("second").format(2, "x"))
                .append(".\n\n")
                .append(
                        latencyBound
                                ? ThousandsVerdicts.againstLatency(t, s.latency())
                                : ThousandsVerdicts.againstFloor(t))
                .append(ThousandsVerdicts.failuresAndThreads(t))
                .append("\nThreads alive at the peak, in the run with the most:\n\n");
        for (Contender c : Contender.values()) {
            ThousandsScenario.Run most = t.mostThreads(c);
            md.append("- ")
                    .append(code(c.id))
                    .append(" (")
                    .append(f(most.number("peakThreads"), 0))
                    .append("): ")
                    .append(most.figures().text("threadsAtPeak"))
                    .append('\n');
        }
        for (Contender c : Contender.values()) {
            t.firstFailure(c)
                    .ifPresent(failure -> md.append("\nFirst failure in the order sent, ")
                            .append(code(c.id))
                            .append(", ")
                            .append(failure)
                            .append('\n'));
        }
        return md.append('\n').toString();
    }

    private static String table(ThousandsScenario.Section t) {
        StringBuilder md = new StringBuilder()
                .append("| Client | First burst (s) | Second burst (s) | Failed (all runs) | Live threads before |")
                .append(
                        " Peak live threads | Heap per generation in flight (KiB) | Emulator: most in flight at once |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Contender c : Contender.values()) {
            md.append(row(
                    c.label,
                    t.spread(c, "first.seconds").format(2),
                    t.spread(c, "second.seconds").format(2),
                    Integer.toString(t.failed(c)),
                    t.spread(c, "threadsBefore").format(0),
                    t.spread(c, "peakThreads").format(0),
                    t.spread(c, run -> run.number("heapPerGeneration") / 1024).format(1),
                    t.spread(c, ThousandsScenario.Run::mostInFlight).format(0)));
        }
        return md.toString();
    }

    private static String method(Settings s) {
        return "The emulator runs in its own JVM (" + code(EmulatorProcess.MAX_HEAP) + "), one per count; every"
                + " contender runs in a fresh JVM (" + code(ThousandsScenario.MAX_HEAP) + ") per run, so its thread"
                + " figures are its own; " + s.runs() + " runs, the contenders interleaved within each. In each JVM an"
                + " unmeasured burst of " + BurstRun.WARM_UP + " (class loading, the first connections), then the count"
                + " twice: the first burst runs mostly uncompiled code and opens its connections, the second shows the"
                + " client as a service that has been running for a while. Every generation of a burst is started from"
                + " one caller thread in a loop: the route's with " + code("ProducerTemplate.asyncSend") + " with"
                + " threadedAsyncMode off (the caller's thread runs the route up to the asynchronous producer and is"
                + " free again, so the template adds no thread and no queue that could refuse), the floors' by calling"
                + " their clients. The floors are those of section 1; floor (a)'s connection pool is sized for the"
                + " count. Wall time runs until the last answer of the burst is in. Peak live threads is the most of "
                + code("ThreadMXBean.getThreadCount()") + " sampled every 1 ms and " + code("getPeakThreadCount()")
                + " after " + code("resetPeakThreadCount()") + " at the start of the first burst, over both bursts,"
                + " minus the sampler's own thread. Heap per generation in flight comes from a third burst, not timed:"
                + " live heap after a collection " + HeapInFlight.SETTLE.toMillis() + " ms after the last start, less"
                + " live heap before the burst, over the generations still waiting for their answer. A failure is an exchange or request that ended in an exception or"
                + " a status other than 200, or had no answer " + Burst.GRACE.toSeconds() + " s after the latency."
                + " The emulator's column is the most generations it had in flight at once during a contender's run:"
                + " the count itself means all of a burst were in flight together. Times and ratios are judged on the"
                + " median of the runs, threads on the worst run, failures on all runs. camel-http is no longer"
                + " measured here: at its defaults, behind the template's pool, it had about 10 requests in flight at a"
                + " time and took 200 s for a thousand in earlier runs. ";
    }
}
