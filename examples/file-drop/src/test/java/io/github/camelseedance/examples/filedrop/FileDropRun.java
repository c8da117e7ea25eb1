package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The real file-drop application (routes and application.properties on Camel Main) against a given emulator, with its
 * folders under a test's temporary directory. Started by {@link #start} and stopped by {@link #close}.
 */
final class FileDropRun implements AutoCloseable {

    private final Main main;
    private final Path input;
    private final Path output;
    private boolean stopped;

    private FileDropRun(Main main, Path input, Path output) {
        this.main = main;
        this.input = input;
        this.output = output;
    }

    /** Starts the application on {@code dir/input} and {@code dir/output}; {@code overrides} win over the defaults. */
    static FileDropRun start(SeedanceEmulator emulator, Path dir, Map<String, String> overrides) {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.component.seedance.base-url", emulator.baseUrl());
        // the key through a placeholder, as EmulatorFallback does, so Camel does not warn about a plain secret
        properties.put("seedance.emulator.api-key", emulator.apiKey());
        properties.put("camel.component.seedance.api-key", "{{seedance.emulator.api-key}}");
        properties.put("filedrop.input-dir", input.toString());
        properties.put("filedrop.output-dir", output.toString());
        properties.put("filedrop.poll-delay", "100");
        properties.putAll(overrides);
        Main main = FileDropApplication.createMain(properties);
        main.start();
        return new FileDropRun(main, input, output);
    }

    Path input() {
        return input;
    }

    Path output() {
        return output;
    }

    CamelContext camelContext() {
        return main.getCamelContext();
    }

    int inFlight() {
        return main.getCamelContext().getInflightRepository().size();
    }

    /** Stops Camel as Ctrl+C would: graceful shutdown, within camel.main.shutdown-timeout. */
    void stop() {
        if (!stopped) {
            stopped = true;
            main.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Writes an input as a careful producer would, under a dot-name then renamed, and dates it a minute back so the
     * consumer's readLockMinAge does not hold it up.
     */
    static void drop(Path folder, String name, String content) throws IOException {
        Files.createDirectories(folder);
        Path hidden = folder.resolve("." + name + ".tmp");
        Files.writeString(hidden, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(hidden, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The names of the regular files in a folder, sorted; empty when it does not exist. */
    static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    /** The inputs (*.txt, *.json, not dot-files) still in a folder. */
    static List<String> inputs(Path folder) throws IOException {
        return files(folder).stream().filter(FileDropRun::isInput).toList();
    }

    private static boolean isInput(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !lower.startsWith(".") && (lower.endsWith(".txt") || lower.endsWith(".json"));
    }
}
