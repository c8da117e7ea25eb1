package io.github.camelseedance.examples.s3;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The images the demo uploads and their prompts: every png, jpg, jpeg or webp in the samples folder, with its prompt
 * from {@code prompts.properties} in the same folder ({@code <file name> = <prompt>}).
 */
final class DemoSamples {

    static final String PROMPTS_FILE = "prompts.properties";

    private DemoSamples() {}

    /** One image to upload under {@code key}; {@code prompt} is null when prompts.properties has none for it. */
    record Sample(Path image, String key, String prompt) {}

    static List<Sample> read(Path folder, String keyPrefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("No samples folder at " + folder);
        }
        Properties prompts = new Properties();
        Path promptsFile = folder.resolve(PROMPTS_FILE);
        if (Files.isRegularFile(promptsFile)) {
            try (Reader reader = Files.newBufferedReader(promptsFile, StandardCharsets.UTF_8)) {
                prompts.load(reader);
            }
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .filter(DemoSamples::isImage)
                    .sorted()
                    .map(image -> {
                        String name = image.getFileName().toString();
                        return new Sample(image, keyPrefix + name, prompts.getProperty(name));
                    })
                    .toList();
        }
    }

    // the same extensions the route accepts
    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && name.matches(".+\\.(png|jpe?g|webp)");
    }
}
