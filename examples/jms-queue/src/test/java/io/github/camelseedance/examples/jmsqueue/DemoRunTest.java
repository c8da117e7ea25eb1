package io.github.camelseedance.examples.jmsqueue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRunTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theShippedSamplesAreAnsweredOnceEachAndTheDuplicateIsDropped() throws Exception {
        List<SampleRequest> samples = SampleRequest.load(SHIPPED_SAMPLES);
        assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
        assertThat(samples).filteredOn(SampleRequest::meantToFail).isNotEmpty();
        long distinct =
                samples.stream().map(SampleRequest::requestId).distinct().count();
        assertThat(samples.size() - distinct)
                .as("samples that resend a request id")
                .isEqualTo(1);

        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            // a key in the environment: the demo uses this emulator instead of starting its own
            Map<String, String> environment = Map.of("SEEDANCE_API_KEY", emulator.apiKey());
            Map<String, String> overrides = Map.of(
                    "demo.samples-dir", SHIPPED_SAMPLES.toString(),
                    "demo.output-dir", dir.resolve("videos").toString(),
                    "test.seedance.api-key", emulator.apiKey(),
                    "camel.component.seedance.api-key", "{{test.seedance.api-key}}",
                    "camel.component.seedance.base-url", emulator.baseUrl());

            DemoRun.Outcome outcome = new DemoRun(environment, overrides, dir.resolve("broker")).execute();

            assertThat(outcome.succeeded())
                    .as(String.join("\n", outcome.summary()))
                    .isTrue();
            assertThat(outcome.duplicatesDropped()).isEqualTo(1);
            assertThat(outcome.summary())
                    .contains("Duplicates dropped: 1")
                    .anySatisfy(line -> assertThat(line).startsWith("  order-1005: Invalid seconds '7'"))
                    .endsWith("Gallery: " + dir.resolve("videos").resolve("index.html"));
            assertThat(emulator.violations()).isEmpty();
            long valid = samples.stream()
                    .filter(sample -> !sample.meantToFail())
                    .map(SampleRequest::requestId)
                    .distinct()
                    .count();
            assertThat(emulator.generationRequests())
                    .extracting(RecordedRequest::json)
                    .extracting(json -> json.get("prompt").asText())
                    .as("one call per valid distinct request")
                    .doesNotHaveDuplicates()
                    .hasSize((int) valid);
        }
    }
}
