package io.github.camelseedance.examples.gallery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;

/**
 * Writes a gallery as {@code index.html} in the folder of its videos. The page is written beside it under a dot-name
 * and then renamed over the old one, so a browser reloading it never reads half a page.
 */
public final class GalleryFile {

    public static final String NAME = "index.html";

    private GalleryFile() {}

    /** Writes the page and returns its path. */
    public static Path write(Path folder, String title, List<GalleryCard> cards) throws IOException {
        return write(folder, Gallery.page(title, cards));
    }

    /** Writes a page built from {@link Gallery#page} and added to, and returns its path. */
    public static Path write(Path folder, Document page) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(NAME);
        // not createTempFile, whose owner-only permissions the page would keep: a web server could not serve it
        Path temp = Files.createFile(folder.resolve("." + NAME + "-" + UUID.randomUUID() + ".tmp"));
        try {
            Files.writeString(temp, page.outerHtml(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
