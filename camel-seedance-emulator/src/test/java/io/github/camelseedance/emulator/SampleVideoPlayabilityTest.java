package io.github.camelseedance.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Downloads a generated video, rendered or the fixed clip, and asks ffprobe what it is: a client must get a real,
 * playable H.264 file.
 */
class SampleVideoPlayabilityTest {

    @ParameterizedTest(name = "fixed clip: {0}")
    @ValueSource(booleans = {false, true})
    void downloadedVideoIsH264AccordingToFfprobe(boolean fixedClip, @TempDir Path dir) throws Exception {
        // skipped where ffmpeg is absent, but CI must have it: there a missing ffprobe is a broken setup, not a skip
        assumeTrue(
                Ffprobe.available(),
                "ffprobe is not installed (apt-get install -y ffmpeg); skipping the " + "playability check");
        SeedanceEmulator.Builder builder = SeedanceEmulator.builder();
        if (fixedClip) {
            builder.fixedClip();
        }
        try (SeedanceEmulator emulator = builder.build().start()) {
            TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());
            String url = TestClient.json(client.generate(TestClient.VALID_BODY))
                    .at("/data/0/url")
                    .asText();
            Path file = dir.resolve("video.mp4");
            Files.write(file, client.download(url, null).body());

            Ffprobe.Result probe = Ffprobe.codecs(file);

            assertThat(probe.exitCode())
                    .as("ffprobe output: %s", probe.output())
                    .isZero();
            assertThat(probe.output().strip()).isEqualTo("h264");
        }
    }
}
