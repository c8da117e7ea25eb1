package io.github.camelseedance.examples.gallery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a gallery as {@code index.html} in the folder of its videos. The page is written beside it under a dot-name
 * and then renamed over the old one, so a browser reloading it never reads half a page.
 */
public final class GalleryFile {

    public static final String NAME = "index.html";

    private GalleryFile() {}

    /** Writes the page and returns its path. */
    public static Path write(Path folder, String title, List<GalleryCard> cards) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(NAME);
        Path temp = Files.createTempFile(folder, "." + NAME + "-", ".tmp");
        try {
            Files.writeString(temp, Gallery.html(title, cards), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
