package io.github.camelseedance.examples.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class DemoSamplesTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples");

    @TempDir
    Path dir;

    @Test
    void readsTheImagesWithTheirPromptsUnderTheKeyPrefix() throws IOException {
        Files.write(dir.resolve("b.JPG"), new byte[] {1});
        Files.write(dir.resolve("a.png"), new byte[] {1});
        Files.write(dir.resolve("c.webp"), new byte[] {1});
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        Files.write(dir.resolve(".hidden.png"), new byte[] {1});
        Files.writeString(dir.resolve(DemoSamples.PROMPTS_FILE), "a.png = A prompt\nb.JPG = Another prompt\n");

        List<DemoSamples.Sample> samples = DemoSamples.read(dir, "demo/");

        assertThat(samples)
                .extracting(DemoSamples.Sample::key)
                .containsExactly("demo/a.png", "demo/b.JPG", "demo/c.webp");
        assertThat(samples).extracting(DemoSamples.Sample::prompt).containsExactly("A prompt", "Another prompt", null);
        assertThat(samples.get(0).image()).isEqualTo(dir.resolve("a.png"));
    }

    @Test
    void failsWithoutTheFolder() {
        assertThatIOException()
                .isThrownBy(() -> DemoSamples.read(dir.resolve("missing"), ""))
                .withMessageContaining("No samples folder");
    }

    @Test
    void everyShippedSampleIsASmallImageWithAnAsciiPrompt() throws IOException {
        List<DemoSamples.Sample> samples = DemoSamples.read(SHIPPED_SAMPLES, "");

        assertThat(samples).hasSizeBetween(2, 5).allSatisfy(sample -> {
            assertThat(Files.size(sample.image()))
                    .as("kept tiny in the repository")
                    .isLessThan(16 * 1024);
            // user metadata travels in HTTP headers
            assertThat(sample.prompt()).isNotBlank().matches("[\\x20-\\x7E]+");
        });
    }
}
