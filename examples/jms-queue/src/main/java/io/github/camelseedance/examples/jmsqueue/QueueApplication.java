package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.emulator.EmulatorFallback;
import org.apache.camel.main.Main;

/**
 * The example's entry point: {@code worker} (the default), {@code demo}, {@code broker} or {@code send}, named by the
 * first argument; {@link #main} says what each mode does.
 */
public final class QueueApplication {

    /**
     * The redelivery delay of the brokers this application starts itself (demo and broker mode): short, so a duplicate
     * that arrived while its original was being generated comes back soon. A production broker is configured on its
     * own (see the README).
     */
    static final Duration LOCAL_REDELIVERY_DELAY = Duration.ofSeconds(2);

    private QueueApplication() {}

    /**
     * Runs one mode:
     * <ul>
     * <li>{@code worker} (the default): a worker against the broker and idempotent store named in
     * application.properties or the environment, until stopped. Start as many as needed, on as many machines.</li>
     * <li>{@code demo}: a broker, a store and one worker in this JVM; sends the shipped samples, prints the answers and
     * exits with 0 only when every sample was answered as it should be.</li>
     * <li>{@code broker}: a broker and a store on this machine's default addresses, to try several workers on it.</li>
     * <li>{@code send}: sends the shipped samples to a running broker and prints the answers.</li>
     * </ul>
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "worker" : args[0];
        if (args.length > 1 || !List.of("worker", "demo", "broker", "send").contains(mode)) {
            System.err.println("Usage: QueueApplication [worker|demo|broker|send]");
            System.exit(2);
        }
        int exitCode = switch (mode) {
            case "demo" -> new DemoRun(System.getenv(), Map.of(), Path.of("target", "demo", "broker")).run();
            case "broker" -> LocalInfrastructureRun.run(Path.of("target", "broker"));
            case "send" ->
                SendRun.run(
                        System.getenv()
                                .getOrDefault(
                                        "SEEDANCE_BROKER_URL", "tcp://127.0.0.1:" + LocalInfrastructureRun.BROKER_PORT),
                        Path.of("samples"),
                        Duration.ofMinutes(15));
            default -> runWorker();
        };
        // Artemis' and Camel's non-daemon threads must not keep the JVM alive
        System.exit(exitCode);
    }

    private static int runWorker() throws Exception {
        try (EmulatorFallback target = EmulatorFallback.choose(System.getenv())) {
            Main main = createMain(target.overrideProperties());
            main.run();
            return main.getExitCode();
        }
    }

    /** A Camel Main with the worker's configuration, routes and application.properties, not yet started. */
    public static Main createMain(Map<String, String> overrideProperties) {
        // no main class given: package scanning would add the routes a second time
        Main main = new Main();
        main.configure().addConfiguration(new WorkerConfiguration());
        main.configure().addRoutesBuilder(new GenerationWorkerRoutes());
        main.bind("oneLineLogs", new OneLineLogs());
        overrideProperties.forEach(main::addOverrideProperty);
        return main;
    }
}
