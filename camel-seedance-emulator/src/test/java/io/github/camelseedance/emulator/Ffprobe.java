package io.github.camelseedance.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Asks ffprobe what a video file is, and ffmpeg what colour a frame has. Absent ffmpeg skips a check locally, but on
 * CI it is a broken setup.
 */
final class Ffprobe {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Ffprobe() {}

    /** True when ffprobe runs; false where it is missing, except on CI (env {@code CI=true}), where the test fails. */
    static boolean available() throws InterruptedException {
        boolean present;
        try {
            present = run("ffprobe", "-version").exitCode() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("ffprobe is missing: ffmpeg must be installed on CI (apt-get install -y ffmpeg)");
        }
        return present;
    }

    /** The codec of each stream in the file, one per line, as ffprobe names them. */
    static Result codecs(Path file) throws IOException, InterruptedException {
        return run("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", file.toString());
    }

    /** The streams and the format ffprobe finds: sizes, durations, codecs, and the title and comment tags. */
    static Probe probe(Path file) throws IOException, InterruptedException {
        Result result = run(
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "stream=codec_type,codec_name,width,height,duration:format=duration:format_tags=title,comment",
                "-of",
                "json",
                file.toString());
        assertThat(result.exitCode()).as("ffprobe output: %s", result.output()).isZero();
        JsonNode root = MAPPER.readTree(result.output());
        List<Stream> streams = new ArrayList<>();
        for (JsonNode stream : root.path("streams")) {
            streams.add(new Stream(
                    stream.path("codec_type").asText(),
                    stream.path("codec_name").asText(),
                    stream.path("width").asInt(),
                    stream.path("height").asInt(),
                    stream.path("duration").asDouble()));
        }
        JsonNode format = root.path("format");
        return new Probe(
                streams,
                format.path("duration").asDouble(),
                format.path("tags").path("title").asText(""),
                format.path("tags").path("comment").asText(""));
    }

    /**
     * The creation times ffprobe reads: the format's (from {@code mvhd}) first, then each stream's (from its
     * {@code mdhd}), as ffprobe prints them; empty text for one it finds none in.
     */
    static List<String> creationTimes(Path file) throws IOException, InterruptedException {
        Result result = run(
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "stream_tags=creation_time:format_tags=creation_time",
                "-of",
                "json",
                file.toString());
        assertThat(result.exitCode()).as("ffprobe output: %s", result.output()).isZero();
        JsonNode root = MAPPER.readTree(result.output());
        List<String> times = new ArrayList<>();
        times.add(root.path("format").path("tags").path("creation_time").asText(""));
        for (JsonNode stream : root.path("streams")) {
            times.add(stream.path("tags").path("creation_time").asText(""));
        }
        return times;
    }

    /**
     * The mean colour, red, green and blue, of the middle quarter of the frame shown at {@code second}, as ffmpeg
     * decodes it: the frame scaled down to one pixel by area.
     */
    static int[] meanColour(Path file, int second) throws IOException, InterruptedException {
        Path pixelFile = Files.createTempFile("ffmpeg", ".rgb");
        try {
            // overwrites the file it is given (-y), writing the one pixel there rather than to a pipe
            Result result = run(
                    TIMEOUT,
                    "ffmpeg",
                    "-y",
                    "-v",
                    "error",
                    "-ss",
                    Integer.toString(second),
                    "-i",
                    file.toString(),
                    "-frames:v",
                    "1",
                    "-vf",
                    "crop=iw/2:ih/2,scale=1:1:flags=area",
                    "-f",
                    "rawvideo",
                    "-pix_fmt",
                    "rgb24",
                    pixelFile.toString());
            assertThat(result.exitCode())
                    .as("ffmpeg output: %s", result.output())
                    .isZero();
            byte[] pixel = Files.readAllBytes(pixelFile);
            assertThat(pixel).as("one RGB pixel from ffmpeg").hasSize(3);
            return new int[] {pixel[0] & 0xFF, pixel[1] & 0xFF, pixel[2] & 0xFF};
        } finally {
            Files.deleteIfExists(pixelFile);
        }
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        return run(TIMEOUT, command);
    }

    /** Runs the command, its output and errors to one file read once it exits; stopped when it outlasts timeout. */
    static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("ffprobe", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            finish(process, timeout, command);
            return new Result(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    // waits no longer than timeout, which a read of the output to its end would not bound: a hung process never ends it
    private static void finish(Process process, Duration timeout, String... command)
            throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IOException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
        }
    }

    record Result(int exitCode, String output) {}

    record Stream(String type, String codec, int width, int height, double duration) {}

    record Probe(List<Stream> streams, double duration, String title, String comment) {

        Optional<Stream> video() {
            return streams.stream().filter(s -> s.type().equals("video")).findFirst();
        }

        Optional<Stream> audio() {
            return streams.stream().filter(s -> s.type().equals("audio")).findFirst();
        }
    }
}
