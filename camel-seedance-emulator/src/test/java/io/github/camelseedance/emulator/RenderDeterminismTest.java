package io.github.camelseedance.emulator;

import org.junit.jupiter.api.Test;

import static io.github.camelseedance.emulator.RenderedVideoTest.body;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same request with the same seed gives the same file, byte for byte, from any emulator (the API's promise for
 * seeds); a different prompt gives a different file; a second download of the same video is not rendered again.
 */
class RenderDeterminismTest {

    private static final String FIELDS = ",\"seed\":7,\"resolution\":\"480p\",\"aspect_ratio\":\"16:9\",\"seconds\":5";

    @Test
    void theSameRequestAndSeedGiveTheSameBytesFromTwoEmulators() throws Exception {
        String request = body("A tram climbing a hill", FIELDS + ",\"generate_audio\":true");

        byte[] first = renderedBy(SeedanceEmulator.builder().build().start(), request);
        byte[] second = renderedBy(SeedanceEmulator.builder().build().start(), request);

        assertThat(first).isNotEmpty().isEqualTo(second);
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
