package io.github.camelseedance.examples.filedrop;

import java.util.Map;

import io.github.camelseedance.emulator.EmulatorFallback;
import org.apache.camel.main.Main;

/**
 * Runs the file-drop service until stopped ({@code run}, the default), or ({@code demo}) feeds the shipped samples
 * through it once and exits with 0 only when every sample became a video.
 */
public final class FileDropApplication {

    private FileDropApplication() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "run" : args[0];
        if (args.length > 1 || !(mode.equals("run") || mode.equals("demo"))) {
            System.err.println("Usage: FileDropApplication [run|demo]");
            System.exit(2);
        }
        boolean demo = mode.equals("demo");
        int exitCode;
        try (EmulatorFallback target = EmulatorFallback.choose(System.getenv())) {
            Main main = createMain(target.overrideProperties());
            if (demo) {
                exitCode = new DemoRun(main).run();
            } else {
                main.run();
                exitCode = main.getExitCode();
            }
        }
        // Camel's non-daemon threads must not keep the JVM alive after the summary
        System.exit(exitCode);
    }

    /** A Camel Main with the file-drop route and application.properties, not yet started. */
    public static Main createMain(Map<String, String> overrideProperties) {
        // no main class given: package scanning would add the route a second time
        Main main = new Main();
        main.configure().addRoutesBuilder(new FileDropRoutes());
        main.bind("oneLineLogs", new OneLineLogs());
        overrideProperties.forEach(main::addOverrideProperty);
        return main;
    }
}
