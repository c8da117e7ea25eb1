package io.github.camelseedance.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The emulator's render of its largest video (1080p, 10 s, with audio): {@link RenderRun} in a fresh JVM per run, so
 * every run has one cold render, then {@link #WARM_RENDERS} warm ones.
 */
final class RenderScenario {

    static final int WARM_RENDERS = 4;

    private RenderScenario() {}

    record Result(List<Jvm.Figures> runs) {

        Spread coldSeconds() {
            return over(run -> run.number("coldMillis") / 1000);
        }

        Spread warmSeconds() {
            return over(run -> run.number("warmMillis") / 1000);
        }

        Spread megabytes() {
            return over(run -> run.number("bytes") / 1e6);
        }

        private Spread over(ToDoubleFunction<Jvm.Figures> figure) {
            return Spread.of(runs.stream().map(figure::applyAsDouble).toList());
        }
    }

    static Result run(Settings settings) throws Exception {
        List<Jvm.Figures> runs = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            System.out.println("  run " + run + "/" + settings.runs());
            runs.add(Jvm.run(List.of(), RenderRun.class, Integer.toString(WARM_RENDERS)));
        }
        return new Result(runs);
    }

    /** This scenario alone, its section printed: for a figure without the whole harness's run. */
    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Settings settings = Settings.fromSystemProperties();
        System.out.println(RenderSection.write(6, run(settings)));
        System.exit(0);
    }
}
