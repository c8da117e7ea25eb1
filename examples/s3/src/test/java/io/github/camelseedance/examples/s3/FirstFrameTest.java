package io.github.camelseedance.examples.s3;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import io.github.camelseedance.emulator.EmulatorFallback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Image to video, seen in the result: the emulator fetches each image by its presigned URL on the local S3 server, so
 * each video opens on the image it was made from, and on no other.
 */
class FirstFrameTest {

    private static final Path SHIPPED_SAMPLES = Path.of("samples").toAbsolutePath();
    // the frame and the image compared on a 16x9 grid of mean colours, 0 to 255 per channel: the same picture measures
    // about 6 (scaling and H.264 losses), the other samples 75 or more
    private static final int COLUMNS = 16;
    private static final int ROWS = 9;
    private static final double SAME_PICTURE = 25;

    @TempDir
    Path dir;

    @Test
    void eachVideoOpensOnTheImageItWasMadeFrom() throws Exception {
        assumeTrue(ffmpegAvailable(), "ffmpeg is not installed");
        Path output = dir.resolve("output");
        try (EmbeddedS3 s3 = EmbeddedS3.start();
                EmulatorFallback target = EmulatorFallback.choose(Map.of())) {
            Map<String, String> properties = new HashMap<>(target.overrideProperties());
            properties.putAll(s3.overrideProperties());
            properties.put("s3demo.samples-dir", SHIPPED_SAMPLES.toString());
            properties.put("s3demo.output-dir", output.toString());
            properties.put("s3.poll-delay", "100");
            new DemoRun(S3Application.createMain(properties)).execute();
        }

        List<String> images = List.of("lighthouse.png", "snowy-forest.png", "sunset.png");
        for (String image : images) {
            Path video = output.resolve(OutputKeys.videoKeyFor("demo/" + image));
            assertThat(video).isRegularFile();
            int[] frame = firstFrame(video);
            for (String other : images) {
                double distance = distance(
                        frame, grid(ImageIO.read(SHIPPED_SAMPLES.resolve(other).toFile())));
                if (other.equals(image)) {
                    assertThat(distance)
                            .as("%s opens on %s", video.getFileName(), other)
                            .isLessThan(SAME_PICTURE);
                } else {
                    assertThat(distance)
                            .as("%s does not open on %s", video.getFileName(), other)
                            .isGreaterThan(SAME_PICTURE);
                }
            }
        }
    }

    // the image as the emulator shows it (scaled to fill the frame: the samples have the videos' 16:9), on the grid
    private static int[] grid(BufferedImage image) {
        BufferedImage small = new BufferedImage(COLUMNS, ROWS, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = small.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(image.getScaledInstance(COLUMNS, ROWS, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        graphics.dispose();
        int[] rgb = new int[COLUMNS * ROWS * 3];
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS; x++) {
                int pixel = small.getRGB(x, y);
                int at = (y * COLUMNS + x) * 3;
                rgb[at] = (pixel >> 16) & 0xFF;
                rgb[at + 1] = (pixel >> 8) & 0xFF;
                rgb[at + 2] = pixel & 0xFF;
            }
        }
        return rgb;
    }

    // the first frame, decoded and averaged down to the grid by ffmpeg; written to a file, so a hung ffmpeg cannot
    // block a read and the timeout holds
    private static int[] firstFrame(Path video) throws IOException, InterruptedException {
        Path raw = Files.createTempFile("first-frame-", ".rgb");
        try {
            Process process = new ProcessBuilder(
                            "ffmpeg",
                            "-v",
                            "error",
                            "-y",
                            "-i",
                            video.toString(),
                            "-frames:v",
                            "1",
                            "-vf",
                            "scale=" + COLUMNS + ":" + ROWS + ":flags=area",
                            "-f",
                            "rawvideo",
                            "-pix_fmt",
                            "rgb24",
                            raw.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("ffmpeg did not finish within 60 s");
            }
            assertThat(process.exitValue())
                    .as("ffmpeg's exit code for %s", video)
                    .isZero();
            byte[] bytes = Files.readAllBytes(raw);
            assertThat(bytes)
                    .as("one %dx%d RGB frame from ffmpeg", COLUMNS, ROWS)
                    .hasSize(COLUMNS * ROWS * 3);
            int[] rgb = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                rgb[i] = bytes[i] & 0xFF;
            }
            return rgb;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static double distance(int[] a, int[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static boolean ffmpegAvailable() throws InterruptedException {
        boolean present;
        try {
            present = new ProcessBuilder("ffmpeg", "-version")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("ffmpeg is missing: CI installs it (apt-get install -y ffmpeg)");
        }
        return present;
    }
}
