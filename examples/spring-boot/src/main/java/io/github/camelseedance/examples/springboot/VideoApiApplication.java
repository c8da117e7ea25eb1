package io.github.camelseedance.examples.springboot;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The video API on Spring Boot: serves until stopped ({@code run}, the default), or ({@code demo}) sends the shipped
 * samples to itself over HTTP and exits with 0 only when each valid one became a video and each invalid one was refused.
 */
@SpringBootApplication
public class VideoApiApplication {

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "run" : args[0];
        if (!(mode.equals("run") || mode.equals("demo"))) {
            System.err.println("Usage: VideoApiApplication [run|demo]");
            System.exit(2);
        }
        SpringApplication application = new SpringApplication(VideoApiApplication.class);
        // the emulator when SEEDANCE_API_KEY is unset, started before the component is configured
        application.addInitializers(new SeedanceTarget());
        if (mode.equals("run")) {
            ConfigurableApplicationContext context = application.run(args);
            System.out.println("Seedance videos: open http://localhost:"
                    + context.getEnvironment().getProperty("local.server.port") + "/ to try it in a browser");
            return;
        }
        application.setDefaultProperties(Map.of("server.port", "0"));
        int exitCode;
        try (ConfigurableApplicationContext context = application.run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Path samples = Path.of(context.getEnvironment().getProperty("videos.demo.samples-dir", "samples"));
            exitCode = new DemoRun(port, samples).run();
        }
        System.exit(exitCode);
    }
}
