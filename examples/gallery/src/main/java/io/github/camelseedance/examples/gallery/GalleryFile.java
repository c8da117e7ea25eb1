package io.github.camelseedance.examples.gallery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

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
        // a name of its own rather than createTempFile, whose owner-only permissions the page would keep after the move
        Path temp = folder.resolve("." + NAME + "-" + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, Gallery.html(title, cards), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
