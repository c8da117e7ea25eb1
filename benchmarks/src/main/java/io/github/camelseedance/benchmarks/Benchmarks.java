package io.github.camelseedance.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs every scenario, one after another (they would compete for the cores otherwise), and writes the report, by
 * default BENCHMARKS.md. Nothing here fails a build on a number: a missed target is written down with its size and
 * cause.
 */
public final class Benchmarks {

    private Benchmarks() {}

    /** args: the report's path. */
    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md").toAbsolutePath();
        Settings settings = Settings.fromSystemProperties();
        Path work = Files.createTempDirectory("seedance-benchmarks");
        String loadBefore = loadAverage();
        ZonedDateTime started = ZonedDateTime.now();
        String body = ComponentRequest.body();

        System.out.println("[1/5] overhead: route vs hand-written clients");
        OverheadScenario.Result overhead = OverheadScenario.run(settings, body);

        System.out.println("[2/5] " + settings.bursts() + " generations at once, "
                + settings.latency().toMillis() + " ms latency");
        List<ThousandsScenario.Section> thousands = ThousandsScenario.run(settings, body);

        System.out.println("[3/5] " + Markdown.bytes(settings.videoBytes()) + " download, " + DownloadScenario.MAX_HEAP
                + ", vs curl");
        DownloadScenario.Result download = DownloadScenario.run(settings, work);

        System.out.println("[4/5] file-drop start-up");
        StartupScenario.Result startup = StartupScenario.run(settings, work);

        System.out.println("[5/5] the emulator rendering its largest video");
        RenderScenario.Result render = RenderScenario.run(settings);

        Report.Machine machine =
                new Report.Machine(started, Duration.between(started, ZonedDateTime.now()), loadBefore, loadAverage());
        String markdown = Report.write(machine, settings, overhead, thousands, download, startup, render);
        Files.writeString(report, markdown);
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
        System.out.println(markdown);
        System.out.println("Written to " + report);
        System.exit(0);
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
