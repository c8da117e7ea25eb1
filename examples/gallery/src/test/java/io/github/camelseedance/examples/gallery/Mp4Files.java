package io.github.camelseedance.examples.gallery;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks that a file is a playable H.264 MP4: its first box, and its video codec as ffprobe reads it where ffprobe is
 * installed (on CI, env {@code CI=true}, it must be).
 */
public final class Mp4Files {

    private Mp4Files() {}

    public static void assertPlayable(Path video) throws IOException, InterruptedException {
        assertStartsAsMp4(video);
        if (!ffprobeOnPath()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("ffprobe is not on the PATH: install ffmpeg to check that the videos play (CI=true)");
            }
            return;
        }
        assertThat(videoCodec(video)).as("video codec of " + video).isEqualTo("h264");
    }

    /** Only that the file starts with an MP4's first box, {@code ftyp}: cheap enough for a thousand files. */
    public static void assertStartsAsMp4(Path video) throws IOException {
        assertThat(video).isRegularFile();
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(video)) {
            assertThat(in.readNBytes(head, 0, 8)).as("bytes in " + video).isEqualTo(8);
        }
        assertThat(new String(head, 4, 4, StandardCharsets.US_ASCII))
                .as("first MP4 box of " + video)
                .isEqualTo("ftyp");
    }

    private static String videoCodec(Path video) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=codec_name",
                        "-of",
                        "default=noprint_wrappers=1:nokey=1",
                        video.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ffprobe finished").isTrue();
        assertThat(process.exitValue()).as("ffprobe exit code, output: " + out).isZero();
        return out;
    }

    private static boolean ffprobeOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "ffprobe"))) {
                return true;
            }
        }
        return false;
    }
}
