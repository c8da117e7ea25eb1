package io.github.camelseedance.examples.gallery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GalleryFileTest {

    @TempDir
    Path folder;

    @Test
    void writesIndexHtmlAndReplacesItLeavingNoTemporaryFile() throws Exception {
        VideoGenerationRequest request =
                VideoGenerationRequest.builder().model("m").prompt("first").build();
        Path page = GalleryFile.write(folder, "Run", List.of(GalleryCard.video("a.txt", request, "./a.mp4")));
        assertThat(page).isEqualTo(folder.resolve("index.html"));
        assertThat(Files.readString(page)).contains("first").contains("1 video, 0 failed");

        GalleryFile.write(
                folder,
                "Run",
                List.of(
                        GalleryCard.video("a.txt", request, "./a.mp4"),
                        GalleryCard.failed("b.txt", null, "no prompt")));

        assertThat(Files.readString(page)).contains("1 video, 1 failed").contains("no prompt");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(page);
        }
    }

    @Test
    void thePageIsReadableAsAnyNewFileIs() throws Exception {
        Path page = GalleryFile.write(folder, "Run", List.of());
        Path other = Files.writeString(folder.resolve("other.txt"), "x");
        if (Files.getFileStore(page).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(page)).isEqualTo(Files.getPosixFilePermissions(other));
        }
    }

    @Test
    void createsTheFolder() throws Exception {
        Path page = GalleryFile.write(folder.resolve("out/videos"), "Run", List.of());
        assertThat(Files.readString(page)).contains("0 videos, 0 failed");
    }
}
