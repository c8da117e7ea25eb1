package io.github.camelseedance.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Thousands of generations started at once against an emulator (in its own JVM) that takes the latency to answer
 * each: for every count, every contender runs {@link BurstRun} in a fresh JVM per run, the contenders interleaved
 * within a run so that drift falls on all of them, one emulator per count.
 */
final class ThousandsScenario {

    /** Heap of each client JVM: ample for ten thousand exchanges and connections, the same for every contender. */
    static final String MAX_HEAP = "-Xmx2g";

    private ThousandsScenario() {}

    /** One contender's run; mostInFlight: the most generations the emulator had in flight at once meanwhile. */
    record Run(Contender contender, Jvm.Figures figures, int mostInFlight) {
        double number(String name) {
            return figures.number(name);
        }

        int failed() {
            return (int) (number("first.failed") + number("second.failed"));
        }

        Optional<String> firstFailure() {
            return Optional.ofNullable(figures.values().get("first.firstFailure"))
                    .or(() -> Optional.ofNullable(figures.values().get("second.firstFailure")));
        }
    }

    record Section(int count, List<List<Run>> runs) {

        Spread spread(Contender contender, ToDoubleFunction<Run> figure) {
            return Spread.of(of(contender).stream().map(figure::applyAsDouble).toList());
        }

        Spread spread(Contender contender, String figure) {
            return spread(contender, run -> run.number(figure));
        }

        /** The route's time over the same-library floor's for one burst ("first" or "second"), run by run. */
        Spread ratioToSameLibrary(String burst) {
            return Spread.of(runs.stream()
                    .map(run -> find(run, Contender.ROUTE).number(burst + ".seconds")
                            / find(run, Contender.SAME_LIBRARY).number(burst + ".seconds"))
                    .toList());
        }

        int failed(Contender contender) {
            return of(contender).stream().mapToInt(Run::failed).sum();
        }

        /** The run with the most live threads, whose thread names at the peak explain the figure. */
        Run mostThreads(Contender contender) {
            return of(contender).stream()
                    .max((a, b) -> Double.compare(a.number("peakThreads"), b.number("peakThreads")))
                    .orElseThrow();
        }

        /** "run N: message" of the first run with a failure. */
        Optional<String> firstFailure(Contender contender) {
            List<Run> runs = of(contender);
            for (int i = 0; i < runs.size(); i++) {
                Optional<String> failure = runs.get(i).firstFailure();
                if (failure.isPresent()) {
                    return Optional.of("run " + (i + 1) + ": " + failure.get());
                }
            }
            return Optional.empty();
        }

        List<Run> of(Contender contender) {
            return runs.stream().map(run -> find(run, contender)).toList();
        }

        private static Run find(List<Run> run, Contender contender) {
            return run.stream()
                    .filter(r -> r.contender() == contender)
                    .findFirst()
                    .orElseThrow();
        }
    }

    static List<Section> run(Settings settings, String body) throws Exception {
        List<Section> sections = new ArrayList<>();
        for (int count : settings.bursts()) {
            List<List<Run>> runs = new ArrayList<>();
            try (EmulatorProcess emulator = new EmulatorProcess(settings.latency(), 0)) {
                for (int run = 1; run <= settings.runs(); run++) {
                    List<Run> contenders = new ArrayList<>();
                    for (Contender contender : Contender.values()) {
                        System.out.println(
                                "  " + count + " at once, run " + run + "/" + settings.runs() + ": " + contender.id);
                        Jvm.Figures figures = Jvm.run(
                                List.of(MAX_HEAP),
                                BurstRun.class,
                                contender.id,
                                emulator.baseUrl,
                                body,
                                Integer.toString(count),
                                Long.toString(settings.latency().toMillis()));
                        Run result = new Run(contender, figures, emulator.mostInFlight());
                        result.firstFailure()
                                .ifPresent(failure -> System.out.println(
                                        "    " + result.failed() + " failed, the first in the order sent: " + failure));
                        contenders.add(result);
                    }
                    runs.add(contenders);
                }
            }
            sections.add(new Section(count, runs));
        }
        return sections;
    }
}
