package io.github.camelseedance.examples.gallery;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelseedance.model.VideoGenerationRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
    void writesAPageAddedToAsItIs() throws Exception {
        Document page = Gallery.page("Run", List.of());
        page.getElementById("cards").appendElement("form").attr("action", "/videos");

        Path written = GalleryFile.write(folder, page);

        assertThat(Jsoup.parse(Files.readString(written)).select("main#cards > form[action=/videos]"))
                .hasSize(1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(written);
        }
    }

    @Test
    void thePageIsReadableAsAnyNewFileIsNotOnlyByItsOwner() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(folder.resolve("plain.txt"));

        Path page = GalleryFile.write(folder, "Run", List.of());

        assertThat(Files.getPosixFilePermissions(page)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void createsTheFolder() throws Exception {
        Path page = GalleryFile.write(folder.resolve("out/videos"), "Run", List.of());
        assertThat(Files.readString(page)).contains("0 videos, 0 failed");
    }
}
