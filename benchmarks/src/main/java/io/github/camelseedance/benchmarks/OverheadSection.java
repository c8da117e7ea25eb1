package io.github.camelseedance.benchmarks;

import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.row;
import static io.github.camelseedance.benchmarks.Markdown.verdict;

/** Section 1 of the report: the route's cost per call over the floors, and the verdict on the 1.25x target. */
final class OverheadSection {

    static final double TARGET = 1.25;

    private OverheadSection() {}

    static String write(OverheadScenario.Result o) {
        Settings s = o.settings();
        StringBuilder md = new StringBuilder();
        md.append("## 1. Overhead: ")
                .append(code("direct -> seedance:generate"))
                .append(" vs the same work by hand\n\n")
                .append("A fresh JVM (")
                .append(code(OverheadScenario.MAX_HEAP))
                .append(") per run, ")
                .append(s.runs())
                .append(" runs; in it an emulator answering at once and every contender, sent the same request bytes;")
                .append(" one caller thread, one call at a time: start a generation, wait for its URL. ")
                .append(s.overheadWarmUp())
                .append(" warm-up calls per contender, then ")
                .append(s.overheadRounds())
                .append(" rounds of ")
                .append(s.overheadCallsPerRound())
                .append(" calls per contender, the contenders")
                .append(" alternating, the order turning each round and each contender's turn starting after a")
                .append(
                        " collection, so that drift and garbage fall on all. Floor (a) is the least a caller could write on the")
                .append(" component's own library: httpclient5's ")
                .append(code("CloseableHttpAsyncClient"))
                .append(
                        " (connection pool sized for the load, automatic retries off), the answer parsed with Jackson on")
                .append(" its I/O thread and the completion handed to a fixed pool of ")
                .append(SameLibraryClient.POOL_THREADS)
                .append(
                        " threads before the caller sees it, as the component continues routes off the I/O thread. Floor")
                .append(" (b) is the JDK's ")
                .append(code("HttpClient.sendAsync"))
                .append(" (HTTP/1.1) + Jackson, for reference. Floor")
                .append(
                        " (c) is floor (a) called from an asynchronous processor in a Camel route started the same way as")
                .append(" the route: what it adds over floor (a) is Camel's own cost per exchange, which any component")
                .append(" pays; what the route adds over it is the component's. The")
                .append(" route is started with ")
                .append(code("ProducerTemplate.asyncSend"))
                .append(" (threadedAsyncMode")
                .append(" off). Each figure is the median of the runs and, in brackets, the lowest and highest; ratios")
                .append(
                        " are taken within a run, then summarised: latency as the route's over the floor's, throughput as")
                .append(" the floor's over the route's, so for both a figure above 1 means the route is slower.\n\n")
                .append(
                        "| | Median latency (µs) | Throughput (calls/s) | Route / this, latency | This / route, throughput |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Contender contender : Contender.values()) {
            boolean route = contender == Contender.ROUTE;
            md.append(row(
                    contender.label,
                    o.medianMicros(contender).format(1),
                    o.perSecond(contender).format(0),
                    route ? "" : o.latencyRatio(contender).format(2, "x"),
                    route ? "" : o.throughputRatio(contender).format(2, "x")));
        }
        Spread ratio = o.latencyRatio(Contender.SAME_LIBRARY);
        double routeMicros = o.medianMicros(Contender.ROUTE).median();
        double floorMicros = o.medianMicros(Contender.SAME_LIBRARY).median();
        md.append('\n')
                .append(verdict(
                        "route median latency at most " + TARGET + "x floor (a)",
                        ratio.median() <= TARGET,
                        ratio.format(2, "x") + "; route " + f(routeMicros, 1) + " µs, floor (a) " + f(floorMicros, 1)
                                + " µs",
                        "Why: floor (c), the same client called from a Camel route, is already "
                                + o.latencyRatio(Contender.CAMEL_FLOOR, Contender.SAME_LIBRARY)
                                        .format(2, "x") + " floor (a) run"
                                + " by run: that is Camel's own cost per exchange (the exchange, the direct endpoint, the unit of"
                                + " work, the asynchronous hand-over), which any component pays. The route is "
                                + o.latencyRatio(Contender.CAMEL_FLOOR).format(2, "x") + " floor (c) run by run, the"
                                + " component's share: resolving and validating the request against the API contract,"
                                + " serialising it to JSON (floor (a) posts ready bytes), the result headers, the retry and"
                                + " permit bookkeeping, and the send step of a " + code("to()")
                                + ". What would close it: no"
                                + " route meets the target while Camel's own share is above it; the component's share is what"
                                + " it can work on, by profiling " + code("OverheadRun")
                                + " (JFR) and taking the largest of those"
                                + " off the per-call path."))
                .append('\n');
        return md.toString();
    }
}
