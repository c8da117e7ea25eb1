package io.github.camelseedance.examples.filedrop;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The kept URLs: one file per request fingerprint, replaced whole, and nothing but fingerprints as names. */
class PaidVideosTest {

    private static final String FINGERPRINT = "0123456789abcdef".repeat(4);

    @TempDir
    Path input;

    @Test
    void aKeptUrlIsFoundUntilForgotten() throws Exception {
        PaidVideos paid = new PaidVideos(input);
        assertThat(paid.find(FINGERPRINT)).isEmpty();

        paid.keep(FINGERPRINT, "https://cdn.example.com/v/1.mp4?sig=a");
        paid.keep(FINGERPRINT, "https://cdn.example.com/v/2.mp4?sig=b");

        assertThat(new PaidVideos(input).find(FINGERPRINT)).contains("https://cdn.example.com/v/2.mp4?sig=b");
        assertThat(FileDropRun.files(input.resolve(PaidVideos.DIR)))
                .as("one record, no temporary file left")
                .containsExactly(FINGERPRINT + ".url");

        paid.forget(FINGERPRINT);
        paid.forget(FINGERPRINT);

        assertThat(paid.find(FINGERPRINT)).isEmpty();
    }

    @Test
    void anEmptyRecordIsNoRecord() throws Exception {
        Files.createDirectories(input.resolve(PaidVideos.DIR));
        Files.writeString(input.resolve(PaidVideos.name(FINGERPRINT)), "\n");

        assertThat(new PaidVideos(input).find(FINGERPRINT)).isEmpty();
    }

    @Test
    void onlyAFingerprintNamesARecord() {
        PaidVideos paid = new PaidVideos(input);

        assertThatIllegalArgumentException().isThrownBy(() -> paid.keep("../../escape", "https://x/v.mp4"));
        assertThatIllegalArgumentException().isThrownBy(() -> paid.find(FINGERPRINT.toUpperCase()));
        assertThat(input.getParent().resolve("escape.url")).doesNotExist();
    }
}
