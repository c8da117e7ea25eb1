package io.github.camelseedance.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Asks ffprobe what a video file is. Absent ffmpeg skips a check locally, but on CI it is a broken setup. */
final class Ffprobe {

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

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    record Result(int exitCode, String output) {}
}
