package io.github.camelseedance.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every scenario, one after another (they would compete for the cores otherwise), and writes BENCHMARKS.md.
 * Nothing here fails a build on a number: a missed target is written down with its size and cause.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md").toAbsolutePath();
        Path work = Files.createTempDirectory("seedance-benchmarks");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        ZonedDateTime started = ZonedDateTime.now();

        System.out.println("[1/4] overhead: route vs hand-written clients");
        OverheadScenario.Result overhead = OverheadScenario.run();

        System.out.println("[2/4] " + ThousandsScenario.GENERATIONS + " generations at once, 2 s latency");
        List<ThousandsScenario.Result> thousands = new ArrayList<>();
        try (EmulatorProcess emulator = new EmulatorProcess(Duration.ofSeconds(2), 0)) {
            thousands.add(ThousandsScenario.run("jdk-httpclient", emulator));
            thousands.add(ThousandsScenario.run("seedance", emulator));
            thousands.add(ThousandsScenario.run("camel-http", emulator));
        }

        System.out.println("[3/4] 1 GiB download, -Xmx64m, vs curl");
        DownloadScenario.Result download;
        try (EmulatorProcess emulator = new EmulatorProcess(Duration.ZERO, DownloadScenario.VIDEO_BYTES)) {
            download = DownloadScenario.run(emulator, work);
        }

        System.out.println("[4/4] file-drop start-up");
        StartupScenario.Result startup = StartupScenario.run(work);

        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        String markdown = Report.write(started, Duration.between(started, ZonedDateTime.now()), loadBefore, loadAfter,
                overhead, thousands, download, startup);
        Files.writeString(report, markdown);
        System.out.println(markdown);
        System.out.println("Written to " + report);
        System.exit(0);
    }

    static String now(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
