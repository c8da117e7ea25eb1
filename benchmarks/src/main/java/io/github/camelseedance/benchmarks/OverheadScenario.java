package io.github.camelseedance.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The cost of the component over the least a caller could write: {@link OverheadRun} in a fresh JVM per run, and the
 * figures of all runs summarised. Ratios are taken within a run, where the sides ran interleaved, then summarised.
 */
final class OverheadScenario {

    static final String MAX_HEAP = "-Xmx512m";

    private OverheadScenario() {}

    record Result(Settings settings, List<Jvm.Figures> runs) {

        Spread medianMicros(Contender contender) {
            return over(run -> run.number(contender.id + ".medianMicros"));
        }

        Spread perSecond(Contender contender) {
            return over(run -> run.number(contender.id + ".perSecond"));
        }

        /** The route's median latency over the floor's, run by run: above 1 means the route is slower. */
        Spread latencyRatio(Contender floor) {
            return latencyRatio(Contender.ROUTE, floor);
        }

        /** One contender's median latency over another's, run by run. */
        Spread latencyRatio(Contender over, Contender under) {
            return over(run -> run.number(over.id + ".medianMicros") / run.number(under.id + ".medianMicros"));
        }

        /** The floor's throughput over the route's, run by run: above 1 means the route is slower. */
        Spread throughputRatio(Contender floor) {
            return over(run -> run.number(floor.id + ".perSecond") / run.number(Contender.ROUTE.id + ".perSecond"));
        }

        private Spread over(ToDoubleFunction<Jvm.Figures> figure) {
            return Spread.of(runs.stream().map(figure::applyAsDouble).toList());
        }
    }

    static Result run(Settings settings, String body) throws Exception {
        List<Jvm.Figures> runs = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            System.out.println("  run " + run + "/" + settings.runs());
            runs.add(Jvm.run(
                    List.of(MAX_HEAP),
                    OverheadRun.class,
                    Integer.toString(settings.overheadWarmUp()),
                    Integer.toString(settings.overheadRounds()),
                    Integer.toString(settings.overheadCallsPerRound()),
                    body));
        }
        return new Result(settings, runs);
    }
}
