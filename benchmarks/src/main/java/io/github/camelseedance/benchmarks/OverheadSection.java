package io.github.camelseedance.benchmarks;

import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.row;
import static io.github.camelseedance.benchmarks.Markdown.verdict;

/** Section 1 of the report: the route's cost per call over the floors, and the verdict on the 1.25x target. */
final class OverheadSection {

    static final double TARGET = 1.25;

    private OverheadSection() {
    }

    static String write(OverheadScenario.Result o) {
        Settings s = o.settings();
        StringBuilder md = new StringBuilder();
        md.append("## 1. Overhead: ").append(code("direct -> seedance:generate")).append(" vs the same work by hand\n\n")
                .append("A fresh JVM (").append(code(OverheadScenario.MAX_HEAP)).append(") per run, ").append(s.runs())
                .append(" runs; in it an emulator answering at once and every contender, sent the same request bytes;")
                .append(" one caller thread, one call at a time: start a generation, wait for its URL. ")
                .append(s.overheadWarmUp()).append(" warm-up calls per contender, then ").append(s.overheadRounds())
                .append(" rounds of ").append(s.overheadCallsPerRound()).append(" calls per contender, the contenders")
                .append(" alternating so that drift falls on all. Floor (a) is the least a caller could write on the")
                .append(" component's own library: httpclient5's ").append(code("CloseableHttpAsyncClient"))
                .append(" (connection pool sized for the load, automatic retries off), the answer parsed with Jackson on")
                .append(" its I/O thread and the completion handed to a fixed pool of ").append(SameLibraryClient.POOL_THREADS)
                .append(" threads before the caller sees it, as the component continues routes off the I/O thread. Floor")
                .append(" (b) is the JDK's ").append(code("HttpClient.sendAsync")).append(" (HTTP/1.1) + Jackson, for reference. The")
                .append(" route is started with ").append(code("ProducerTemplate.asyncSend")).append(" (threadedAsyncMode")
                .append(" off). Each figure is the median of the runs and, in brackets, the lowest and highest; ratios")
                .append(" are taken within a run, then summarised: latency as the route's over the floor's, throughput as")
                .append(" the floor's over the route's, so for both a figure above 1 means the route is slower.\n\n")
                .append("| | Median latency (µs) | Throughput (calls/s) | Route / this, latency | This / route, throughput |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Contender contender : Contender.values()) {
            boolean route = contender == Contender.ROUTE;
            md.append(row(contender.label, o.medianMicros(contender).format(1), o.perSecond(contender).format(0),
                    route ? "" : o.latencyRatio(contender).format(2, "x"),
                    route ? "" : o.throughputRatio(contender).format(2, "x")));
        }
        Spread ratio = o.latencyRatio(Contender.SAME_LIBRARY);
        double routeMicros = o.medianMicros(Contender.ROUTE).median();
        double floorMicros = o.medianMicros(Contender.SAME_LIBRARY).median();
        md.append('\n')
                .append(verdict("route median latency at most " + TARGET + "x floor (a)", ratio.median() <= TARGET,
                        ratio.format(2, "x") + "; route " + f(routeMicros, 1) + " µs, floor (a) " + f(floorMicros, 1) + " µs",
                        "Why: the route spends " + f(routeMicros - floorMicros, 0) + " µs per call more than floor (a),"
                        + " which does the same I/O on the same library, the same Jackson parse and the same hop to a"
                        + " pool of " + SameLibraryClient.POOL_THREADS + ". What is left is Camel and the component"
                        + " proper: creating the Exchange, the direct endpoint, resolving and validating the request"
                        + " against the API contract, serialising it, the result headers, and whatever the component's"
                        + " own request producer and answer consumer add over the library's simple ones. What would"
                        + " close it: profile the route's side of a run (JFR or async-profiler on " + code("OverheadRun")
                        + ") and take the largest of those off the per-call path; " + f(routeMicros - TARGET * floorMicros, 0)
                        + " µs per call would have to go."))
                .append('\n');
        return md.toString();
    }
}
