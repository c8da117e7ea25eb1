package io.github.camelseedance.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelseedance.emulator.RenderedVideoTest.body;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same request with the same seed gives the same file, byte for byte, from any emulator (the API's promise for
 * seeds), stamped with a fixed time rather than the clock's; a different prompt gives a different file; a second
 * download of the same video is not rendered again.
 */
class RenderDeterminismTest {

    private static final String FIXED_TIME = "2020-01-01T00:00:00.000000Z";

    private static final String FIELDS = ",\"seed\":7,\"resolution\":\"480p\",\"aspect_ratio\":\"16:9\",\"seconds\":5";

    @Test
    void theSameRequestAndSeedGiveTheSameBytesFromTwoEmulators() throws Exception {
        String request = body("A tram climbing a hill", FIELDS + ",\"generate_audio\":true");

        byte[] first = renderedBy(SeedanceEmulator.builder().build().start(), request);
        byte[] second = renderedBy(SeedanceEmulator.builder().build().start(), request);

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    /**
     * The muxer stamps the clock in whole seconds, so two renders in the same second agree even unfixed: the file must
     * carry the fixed time itself.
     */
    @Test
    void theFileCarriesTheFixedTimeNotTheClock(@TempDir Path dir) throws Exception {
        assumeTrue(Ffprobe.available(), "ffprobe is not installed (apt-get install -y ffmpeg)");
        Path file = dir.resolve("video.mp4");
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            Files.write(file, download(emulator, body("A clock tower at noon", FIELDS + ",\"generate_audio\":true")));
        }

        assertThat(Ffprobe.creationTimes(file))
                .as("the format's time, then the video's and the audio's")
                .containsExactly(FIXED_TIME, FIXED_TIME, FIXED_TIME);
    }

    @Test
    void differentPromptsGiveDifferentFiles() throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            byte[] tram = download(emulator, body("A tram climbing a hill", FIELDS));
            byte[] ferry = download(emulator, body("A ferry crossing a bay", FIELDS));

            assertThat(tram).isNotEqualTo(ferry);
        }
    }

    @Test
    void theSameRequestTwiceIsRenderedOnce() throws Exception {
        try (SeedanceEmulator emulator = SeedanceEmulator.builder().build().start()) {
            String request = body("A kettle coming to the boil", FIELDS);

            byte[] first = download(emulator, request);
            byte[] again = download(emulator, request);

            assertThat(again).isEqualTo(first);
            assertThat(emulator.generationCount()).isEqualTo(2);
            assertThat(emulator.renderedVideos().renders()).isEqualTo(1);
        }
    }

    private static byte[] renderedBy(SeedanceEmulator emulator, String request) throws Exception {
        try (emulator) {
            return download(emulator, request);
        }
    }

    static byte[] download(SeedanceEmulator emulator, String request) throws Exception {
        TestClient client = new TestClient(emulator.baseUrl(), emulator.apiKey());
        String url = json(client.generate(request)).at("/data/0/url").asText();
        return client.download(url, null).body();
    }
}
