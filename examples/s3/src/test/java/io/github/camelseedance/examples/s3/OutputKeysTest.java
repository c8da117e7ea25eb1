package io.github.camelseedance.examples.s3;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutputKeysTest {

    @Test
    void replacesOnlyTheLastExtensionOfTheFileName() {
        assertThat(OutputKeys.videoKeyFor("photos/cat.png")).isEqualTo("photos/cat.mp4");
        assertThat(OutputKeys.videoKeyFor("cat.JPEG")).isEqualTo("cat.mp4");
        assertThat(OutputKeys.videoKeyFor("2024.06/my.cat.webp")).isEqualTo("2024.06/my.cat.mp4");
    }
}
