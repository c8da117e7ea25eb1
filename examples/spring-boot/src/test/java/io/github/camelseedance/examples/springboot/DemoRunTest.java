package io.github.camelseedance.examples.springboot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's client run over the shipped samples: each valid one becomes a video, the invalid one is refused. */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        useMainMethod = UseMainMethod.ALWAYS,
        properties = "SEEDANCE_API_KEY=")
class DemoRunTest {

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private EmulatorFallback target;

    @Test
    void theShippedSamplesBecomeVideosAndTheInvalidOneIsRefused() throws Exception {
        SeedanceEmulator emulator = target.emulator().orElseThrow();
        emulator.reset();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int exitCode;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exitCode = new DemoRun(port, Path.of("samples")).run();
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as(output).isZero();
        assertThat(output)
                .contains("invalid-seven-seconds.json -> 400, field seconds")
                .contains("2 of 2 accepted requests became videos; 0 unexpected outcomes");
        assertThat(emulator.generationCount()).isEqualTo(2);
        assertThat(emulator.violations()).isEmpty();
    }
}
