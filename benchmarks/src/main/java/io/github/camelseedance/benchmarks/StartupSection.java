package io.github.camelseedance.benchmarks;

import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.verdict;

/** The start-up section of the report: the file-drop demo's time to started and its peak memory. */
final class StartupSection {

    static final double TARGET_MILLIS = 1_200;

    private StartupSection() {}

    static String write(int number, StartupScenario.Result s, int launches) {
        double millis = s.millis().median();
        return "## " + number + ". Start-up of the file-drop demo\n\n"
                + "From launching " + code("java -cp ... FileDropApplication run") + " (empty input folder, an API key"
                + " and base URL set, so no embedded emulator) to Camel's " + code("Apache Camel ... started in")
                + " line on its output, and the process's peak resident memory (" + code("VmHWM") + " in "
                + code("/proc/<pid>/status") + ") at that moment. " + launches + " launches, one after another; the"
                + " median, and the lowest and highest in brackets. The classpath is the benchmark module's runtime"
                + " classpath, which contains the demo's.\n\n"
                + "| Time to started (ms) | Peak RSS (MiB) |\n|---:|---:|\n"
                + "| " + s.millis().format(0) + " | " + s.rssMiB().format(0) + " |\n\n"
                + verdict(
                        "at most " + f(TARGET_MILLIS / 1000, 1) + " s to started (median)",
                        millis <= TARGET_MILLIS,
                        f(millis, 0) + " ms",
                        "Why: " + f(millis - TARGET_MILLIS, 0) + " ms over; the time is the JVM's start, class"
                                + " loading, and Camel starting the demo's routes and the component; nothing is called. What"
                                + " would close it: a class-data-sharing archive for the demo (made once with "
                                + code("-XX:ArchiveClassesAtExit") + ", used with " + code("-XX:SharedArchiveFile")
                                + "), or loading fewer classes before Camel reports started (creating the HTTP client on first"
                                + " use rather than at start).")
                + "\n";
    }
}
