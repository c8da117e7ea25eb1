package io.github.camelseedance.benchmarks;

import java.time.Duration;

import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.count;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.seconds;
import static io.github.camelseedance.benchmarks.Markdown.verdict;

/**
 * The targets of a thousands section, met or missed, and for a missed one why and what would close it, reasoned from
 * the floors measured in the same runs.
 */
final class ThousandsVerdicts {

    static final double LATENCY_TARGET = 1.3;
    static final double FLOOR_TARGET = 1.2;
    static final int THREADS_TARGET = 32;
    private static final String[] BURSTS = {"first", "second"};

    private ThousandsVerdicts() {}

    static String againstLatency(ThousandsScenario.Section t, Duration latency) {
        double latencySeconds = latency.toMillis() / 1000.0;
        double limit = LATENCY_TARGET * latencySeconds;
        StringBuilder md = new StringBuilder();
        for (String burst : BURSTS) {
            Spread route = t.spread(Contender.ROUTE, burst + ".seconds");
            md.append(verdict(
                    burst + " burst within " + LATENCY_TARGET + "x of the latency (<= " + f(limit, 2) + " s)",
                    route.median() <= limit,
                    route.format(2, " s") + ", " + f(route.median() / latencySeconds, 2) + "x of " + seconds(latency),
                    slowerThanLatency(t, burst, route.median(), limit)));
        }
        return md.toString();
    }

    static String againstFloor(ThousandsScenario.Section t) {
        StringBuilder md = new StringBuilder();
        for (String burst : BURSTS) {
            Spread ratio = t.ratioToSameLibrary(burst);
            md.append(verdict(
                    burst + " burst within " + FLOOR_TARGET + "x of floor (a)",
                    ratio.median() <= FLOOR_TARGET,
                    ratio.format(2, "x") + "; route "
                            + t.spread(Contender.ROUTE, burst + ".seconds").format(2, " s") + ", floor (a) "
                            + t.spread(Contender.SAME_LIBRARY, burst + ".seconds")
                                    .format(2, " s"),
                    slowerThanFloor(t, burst)));
        }
        return md.toString();
    }

    static String failuresAndThreads(ThousandsScenario.Section t) {
        int failed = t.failed(Contender.ROUTE);
        int runs = t.runs().size();
        int peak = (int) t.mostThreads(Contender.ROUTE).number("peakThreads");
        return verdict(
                        "no failures in either burst",
                        failed == 0,
                        failed + " failed over " + runs + (runs == 1 ? " run" : " runs") + " of 2 x "
                                + count(t.count()),
                        failures(t))
                + verdict(
                        "at most " + THREADS_TARGET + " live threads",
                        peak <= THREADS_TARGET,
                        peak + " at most, over all runs",
                        tooManyThreads(t, peak));
    }

    private static String slowerThanLatency(ThousandsScenario.Section t, String burst, double took, double limit) {
        double floor = t.spread(Contender.SAME_LIBRARY, burst + ".seconds").median();
        if (floor > limit) {
            return "Why: floor (a), the same library by hand, takes " + f(floor, 2) + " s for the same burst too, so"
                    + " the time over the latency is the machine's rather than the component's: client and emulator"
                    + " share " + Runtime.getRuntime().availableProcessors() + " cores for setting up "
                    + count(t.count()) + " connections and for every request and answer at once. What would close it:"
                    + " more cores, or the emulator on another machine; on this machine, first making floor (a) meet it.";
        }
        return "Why: floor (a), the same library by hand, takes " + f(floor, 2) + " s for the same burst, so about "
                + f(took - floor, 2) + " s of it is Camel's and the component's own work" + camelShare(t, burst)
                + ": " + componentWork() + ". What would close it: " + profile() + "; " + f(took - limit, 2)
                + " s per burst would have to go.";
    }

    private static String slowerThanFloor(ThousandsScenario.Section t, String burst) {
        double route = t.spread(Contender.ROUTE, burst + ".seconds").median();
        double floor = t.spread(Contender.SAME_LIBRARY, burst + ".seconds").median();
        return "Why: the route takes " + f(route - floor, 2) + " s more than floor (a) for the same burst on the same"
                + " library" + camelShare(t, burst) + ": Camel's and the component's own work (" + componentWork()
                + ") times " + count(t.count())
                + ", and any limit of its own that makes requests wait (connection pool, permits). What would close"
                + " it: " + profile() + "; " + f(route - FLOOR_TARGET * floor, 2) + " s per burst would have to go.";
    }

    /** What floor (c), floor (a) inside a Camel route, took beside floor (a): how much of it is Camel's own. */
    private static String camelShare(ThousandsScenario.Section t, String burst) {
        double floor = t.spread(Contender.SAME_LIBRARY, burst + ".seconds").median();
        double camel = t.spread(Contender.CAMEL_FLOOR, burst + ".seconds").median();
        return " (floor (c), the same client inside a Camel route, took " + f(camel, 2) + " s against floor (a)'s "
                + f(floor, 2) + " s)";
    }

    private static String componentWork() {
        return "per exchange, the route up to the producer on the caller's thread, building and serialising the"
                + " request, the component's request producer and answer consumer, and the hop to and the end of the"
                + " route on its response threads";
    }

    private static String profile() {
        return "profile the route's run of " + code("BurstRun")
                + " (JFR or async-profiler) and take the largest of those" + " off the path";
    }

    private static String failures(ThousandsScenario.Section t) {
        int floorFailed = t.failed(Contender.SAME_LIBRARY);
        String why = "Why: the first failure in the order sent (below the table) names the cause. Floor (a), sized"
                + " for " + count(t.count()) + " in flight on the same library, had " + floorFailed
                + " failures in the same runs";
        if (floorFailed == 0) {
            return why + ", so the library, the emulator and the machine carry " + count(t.count()) + " at once; what"
                    + " refuses is the component's own configuration for it (its connection pool's size, a timeout, a"
                    + " queue, a file-descriptor or thread limit). What would close it: sizing that for the load as"
                    + " floor (a) does.";
        }
        return why + ", so the limit is not the component's alone. What would close it: removing the limit the"
                + " first failures name (file descriptors, the emulator's heap, the listen backlog) from the harness or"
                + " the machine.";
    }

    private static String tooManyThreads(ThousandsScenario.Section t, int peak) {
        int floor = (int) t.mostThreads(Contender.SAME_LIBRARY).number("peakThreads");
        return "Why: " + (peak - THREADS_TARGET) + " over; the threads alive at the peak are listed below the table."
                + " Floor (a), the same library with its pool of " + SameLibraryClient.POOL_THREADS + ", peaked at "
                + floor + ". What would close it: the groups the route has and floor (a) has not, or has fewer of.";
    }
}
