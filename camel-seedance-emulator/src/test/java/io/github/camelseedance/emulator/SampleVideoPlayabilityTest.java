package io.github.camelseedance.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Downloads a generated video and asks ffprobe what it is: a client must get a real, playable H.264 file. */
class SampleVideoPlayabilityTest {

    @Test
    void downloadedVideoIsH264AccordingToFfprobe(@TempDir Path dir) throws Exception {
        // skipped where ffmpeg is absent, but CI must have it: there a missing ffprobe is a broken setup, not a skip
        assumeTrue(
                Ffprobe.available(),
                "ffprobe is not installed (apt-get install -y ffmpeg); skipping the " + "playability check");
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
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
