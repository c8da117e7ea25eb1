package io.github.camelseedance.benchmarks;

import static io.github.camelseedance.benchmarks.Markdown.bytes;
import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.row;
import static io.github.camelseedance.benchmarks.Markdown.verdict;

/** The download section of the report: the route against curl under a 64 MiB heap, and its two targets. */
final class DownloadSection {

    static final double CURL_TARGET = 0.85;
    /**
     * Heap the measured download may keep over what the unmeasured one left, after a collection both times: a few
     * caches filled on a second exchange fit in it, a buffer kept per download of a video this size would not.
     */
    static final double FLAT_MIB = 4;

    private DownloadSection() {}

    static String write(int number, DownloadScenario.Result d) {
        String size = bytes(d.videoBytes());
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(number)
                .append(". A ")
                .append(size)
                .append(" video downloaded to a file with ")
                .append(code("download=true"))
                .append(", heap capped at 64 MiB\n\n")
                .append("Route ")
                .append(code("direct -> seedance:generate?download=true -> file:"))
                .append(" in a fresh JVM per run started with ")
                .append(code(DownloadScenario.MAX_HEAP))
                .append("; the emulator (in its own JVM) serves a ")
                .append(d.videoBytes())
                .append("-byte video. In each")
                .append(
                        " JVM the route downloads twice: once unmeasured (class loading, the copy loops compiled, as in")
                .append(" a service that has been running), then once measured; its time includes the generation call.")
                .append(" Right after each JVM, ")
                .append(code("curl -s -o file URL"))
                .append(" fetches the same video from the same emulator. ")
                .append(d.runs().size())
                .append(
                        " runs; the ratio to curl is taken within each run, then summarised (median, and the lowest and")
                .append(" highest in brackets). Heap in use is read after a collection before the first download,")
                .append(" between the two and after the second, and sampled every 10 ms (")
                .append(code("MemoryMXBean"))
                .append(") throughout, the most reported; the samples include garbage not yet collected. What the")
                .append(
                        " second download leaves over the first is what a download keeps. Every file is checked to have")
                .append(" all ")
                .append(d.videoBytes())
                .append(" bytes.\n\n")
                .append(
                        "| Client | Time (s) | Throughput (MB/s) | vs curl | Heap before (MiB) | Most heap during (MiB) |")
                .append(" Heap after the 1st (MiB) | Heap after the 2nd (MiB) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n")
                .append(row(
                        "Camel route, " + code("download=true"),
                        d.route("seconds").format(2),
                        d.routeMBps().format(0),
                        d.vsCurl().format(2, "x"),
                        d.route("heapBeforeMiB").format(1),
                        d.route("maxHeapMiB").format(1),
                        d.route("heapBetweenMiB").format(1),
                        d.route("heapAfterMiB").format(1)))
                .append(row(
                        "curl", d.curlSeconds().format(2), d.curlMBps().format(0), "1.00x", "n/a", "n/a", "n/a", "n/a"))
                .append('\n');
        Spread kept = d.keptMiB();
        md.append(verdict(
                "heap flat within " + DownloadScenario.MAX_HEAP + " (in no run does a download keep more than "
                        + f(FLAT_MIB, 0) + " MiB)",
                kept.max() <= FLAT_MIB,
                "at most " + f(d.route("maxHeapMiB").max(), 1) + " MiB in use, garbage included, while moving 2 x "
                        + size + " per run; kept by a download: " + kept.format(1, " MiB"),
                "Why: something holds on to memory per download. What would close it: a heap dump after the downloads"
                        + " (" + code("jcmd <pid> GC.heap_dump") + " in " + code("DownloadRun")
                        + ") shows what, and releasing it"
                        + " when the download's stream is closed."));
        Spread vsCurl = d.vsCurl();
        md.append(verdict(
                "at least " + CURL_TARGET + "x curl's throughput",
                vsCurl.median() >= CURL_TARGET,
                vsCurl.format(2, "x") + "; route " + d.routeMBps().format(0, " MB/s") + ", curl "
                        + d.curlMBps().format(0, " MB/s"),
                "Why: curl copies each byte once, from the socket to its buffer to the file; in the JVM it passes"
                        + " through the HTTP client's buffers, the stream the route reads and Camel's file producer's buffer,"
                        + " and each buffer that fills hands over between the I/O thread and the route's thread. The range of"
                        + " the runs (" + f(vsCurl.min(), 2) + "x to " + f(vsCurl.max(), 2)
                        + "x) shows how much of the gap is the"
                        + " machine's noise. What would"
                        + " close it: fewer copies and hand-overs per MiB between the socket and the file, such as larger"
                        + " buffers between the I/O thread and the route, or writing the file from the I/O thread."));
        return md.append('\n').toString();
    }
}
