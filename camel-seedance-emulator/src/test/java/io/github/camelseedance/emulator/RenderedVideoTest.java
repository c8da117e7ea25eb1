package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each video is rendered for its request: ffprobe finds the size, the length and the audio the request asked for. */
class RenderedVideoTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    @TempDir
    static Path dir;

    @BeforeAll
    static void ffprobeIsThere() throws InterruptedException {
        assumeTrue(Ffprobe.available(), "ffprobe is not installed (apt-get install -y ffmpeg)");
    }

    @ParameterizedTest(name = "{0} {1} is {2}x{3}")
    @CsvSource({
        "480p, 16:9, 854, 480",
        "480p, 9:16, 480, 854",
        "480p, 1:1, 480, 480",
        "720p, 16:9, 1280, 720",
        "720p, 9:16, 720, 1280",
        "720p, 1:1, 720, 720",
        "1080p, 16:9, 1920, 1080",
        "1080p, 9:16, 1080, 1920",
        "1080p, 1:1, 1080, 1080"
    })
    void theFrameSizeFollowsResolutionAndAspectRatio(String resolution, String aspectRatio, int width, int height)
            throws Exception {
        Ffprobe.Probe probe = probe(body(
                "A lighthouse in a storm",
                ",\"resolution\":\"" + resolution + "\",\"aspect_ratio\":\"" + aspectRatio + "\",\"seconds\":5"));

        assertThat(probe.video()).hasValueSatisfying(video -> {
            assertThat(video.codec()).isEqualTo("h264");
            assertThat(video.width()).isEqualTo(width);
            assertThat(video.height()).isEqualTo(height);
        });
        assertThat(probe.duration()).isCloseTo(5.0, within(0.05));
        assertThat(probe.audio()).as("no generate_audio, no audio track").isEmpty();
    }

    @Test
    void theLongestVideoIsTenSecondsOf1080pWithAudio() throws Exception {
        Ffprobe.Probe probe = probe(body(
                "A city at night, seen from a drone",
                ",\"resolution\":\"1080p\",\"aspect_ratio\":\"16:9\",\"seconds\":10,\"generate_audio\":true"));

        assertThat(probe.video()).hasValueSatisfying(video -> {
            assertThat(video.width()).isEqualTo(1920);
            assertThat(video.height()).isEqualTo(1080);
            assertThat(video.duration()).isCloseTo(10.0, within(0.05));
        });
        assertThat(probe.audio()).hasValueSatisfying(audio -> {
            assertThat(audio.codec()).isEqualTo("aac");
            assertThat(audio.duration()).isCloseTo(10.0, within(0.05)).isLessThanOrEqualTo(10.0);
        });
        assertThat(probe.duration()).isCloseTo(10.0, within(0.05));
    }

    @Test
    void anAudioTrackOnlyWhenGenerateAudioIsTrue() throws Exception {
        String fields = ",\"resolution\":\"480p\",\"aspect_ratio\":\"1:1\",\"seconds\":5,\"generate_audio\":";

        assertThat(probe(body("A drum solo", fields + "true")).audio())
                .hasValueSatisfying(audio -> assertThat(audio.codec()).isEqualTo("aac"));
        assertThat(probe(body("A drum solo", fields + "false")).audio()).isEmpty();
    }

    @Test
    void absentFieldsGetTheEmulatorsChoice720pWideFiveSecondsSilent() throws Exception {
        Ffprobe.Probe probe = probe(body("A quiet library", ""));

        assertThat(probe.video()).hasValueSatisfying(video -> {
            assertThat(video.width()).isEqualTo(1280);
            assertThat(video.height()).isEqualTo(720);
        });
        assertThat(probe.duration()).isCloseTo(5.0, within(0.05));
        assertThat(probe.audio()).isEmpty();
    }

    @Test
    void theFileNamesItsRequestAndStartsWithItsIndex() throws Exception {
        String prompt = "A red kite over a green hill";
        Path file = download(body(prompt, ",\"seed\":42,\"resolution\":\"480p\",\"seconds\":5"));

        Ffprobe.Probe probe = Ffprobe.probe(file);

        assertThat(probe.title()).isEqualTo(prompt);
        assertThat(probe.comment()).contains("ByteDance-Seedance-1.5-pro", "480p", "seed 42", "no audio");
        // faststart: ftyp, then moov, so a player reading over HTTP learns the video from its first bytes
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 64);
        assertThat(new String(head, 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        int ftypSize = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        assertThat(new String(head, ftypSize + 4, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo("moov");
    }

    static String body(String prompt, String moreFields) {
        return "{\"model\":\"ByteDance-Seedance-1.5-pro\",\"prompt\":\"" + prompt + "\"" + moreFields + "}";
    }

    private static Ffprobe.Probe probe(String body) throws Exception {
        return Ffprobe.probe(download(body));
    }

    private static Path download(String body) throws Exception {
        TestClient client = new TestClient(SEEDANCE.baseUrl(), SEEDANCE.apiKey());
        String url = json(client.generate(body)).at("/data/0/url").asText();
        Path file = Files.createTempFile(dir, "rendered", ".mp4");
        assertThat(client.downloadTo(url, file).statusCode()).isEqualTo(200);
        assertThat(SEEDANCE.violations()).isEmpty();
        return file;
    }
}
