package io.github.camelseedance.examples.s3;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.camelseedance.emulator.EmulatorFallback;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the S3 image-to-video service until stopped ({@code run}, the default), or ({@code demo}) feeds the shipped
 * sample images through it once and exits with 0 only when every one became a video. The routes themselves are the
 * YAML files under {@code routes/}; this class only starts what they talk to.
 */
public final class S3Application {

    private static final Logger LOG = LoggerFactory.getLogger(S3Application.class);

    private S3Application() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "run" : args[0];
        if (args.length > 1 || !(mode.equals("run") || mode.equals("demo"))) {
            System.err.println("Usage: S3Application [run|demo]");
            System.exit(2);
        }
        int exitCode;
        try {
            exitCode = run(mode.equals("demo"));
        } catch (Exception e) {
            // reported here, so that the exit below runs for a failed start too
            e.printStackTrace();
            exitCode = 1;
        }
        // Camel's and Jetty's non-daemon threads must not keep the JVM alive after the summary
        System.exit(exitCode);
    }

    private static int run(boolean demo) throws Exception {
        Optional<EmbeddedS3> s3 = EmbeddedS3.choose(System.getenv());
        try (EmulatorFallback seedance = EmulatorFallback.choose(System.getenv())) {
            if (s3.isPresent() && seedance.emulator().isEmpty()) {
                LOG.warn(
                        "The Seedance API cannot fetch images from the embedded S3 server on 127.0.0.1: every "
                                + "generation will fail. Set {}=false and use buckets the provider can reach.",
                        EmbeddedS3.EMBEDDED_VARIABLE);
            }
            Map<String, String> properties = new HashMap<>(seedance.overrideProperties());
            s3.ifPresent(server -> properties.putAll(server.overrideProperties()));
            Main main = createMain(properties);
            if (demo) {
                return new DemoRun(main).run();
            }
            main.run();
            return main.getExitCode();
        } finally {
            s3.ifPresent(EmbeddedS3::close);
        }
    }

    /** A Camel Main with the YAML routes and application.properties, not yet started. */
    public static Main createMain(Map<String, String> overrideProperties) {
        // no main class given: nothing is scanned, the routes come from camel.main.routes-include-pattern only
        Main main = new Main();
        main.bind("oneLineLogs", new OneLineLogs());
        overrideProperties.forEach(main::addOverrideProperty);
        return main;
    }
}
