package io.github.camelseedance.emulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelseedance.emulator.RenderedVideoTest.body;
import static io.github.camelseedance.emulator.TestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A first frame (or {@code image_url}) opens the video and a last frame closes it, when the image is on a loopback
 * host; any other host is never contacted, and every image that cannot be shown becomes a notice naming its URL, never
 * a failed generation. The images come from a server of the test's own on 127.0.0.1.
 */
class FrameImageTest {

    private static final String FIELDS = ",\"resolution\":\"480p\",\"aspect_ratio\":\"16:9\",\"seconds\":5";

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    @TempDir
    static Path dir;

    private static HttpServer images;
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startImageServer() throws Exception {
        assumeTrue(Ffprobe.available(), "ffmpeg is not installed (apt-get install -y ffmpeg)");
        byte[] red = png(Color.RED);
        byte[] blue = png(Color.BLUE);
        images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        images.createContext("/", exchange -> {
            REQUESTS.add(exchange.getRequestURI() + " Host: "
                    + exchange.getRequestHeaders().getFirst("Host"));
            switch (exchange.getRequestURI().getPath()) {
                case "/red.png" -> send(exchange, 200, red);
                case "/blue.png" -> send(exchange, 200, blue);
                case "/text.png" -> send(exchange, 200, "not an image".getBytes(StandardCharsets.UTF_8));
                case "/redirect.png" -> {
                    exchange.getResponseHeaders().add("Location", "/red.png");
                    send(exchange, 302, new byte[0]);
                }
                case "/huge.png" -> {
                    // promises more than the cap: the emulator reads none of it
                    exchange.sendResponseHeaders(200, FrameImageFetcher.MAX_BYTES + 1L);
                    exchange.close();
                }
                default -> send(exchange, 404, new byte[0]);
            }
        });
        images.start();
    }

    @AfterAll
    static void stopImageServer() {
        if (images != null) {
            images.stop(0);
        }
    }

    @BeforeEach
    void forgetRequests() {
        REQUESTS.clear();
    }

    @Test
    void anImageUrlOnLocalhostOpensTheVideo() throws Exception {
        Path video = render(body("A red door", FIELDS + ",\"image_url\":\"" + url("localhost", "/red.png") + "\""));

        assertThat(isRed(Ffprobe.meanColour(video, 0)))
                .as("the first frame is the image")
                .isTrue();
        assertThat(isRed(Ffprobe.meanColour(video, 2)))
                .as("then the request's card")
                .isFalse();
        assertThat(REQUESTS)
                .as("fetched once, with the Host the URL names")
                .containsExactly("/red.png Host: localhost:" + port());
    }

    @Test
    void aFirstAndALastFrameOpenAndCloseTheVideo() throws Exception {
        Path video = render(body(
                "From red to blue",
                FIELDS + ",\"frame_images\":[{\"type\":\"first_frame\",\"url\":\"" + url("127.0.0.1", "/red.png?x=1")
                        + "\"},{\"type\":\"last_frame\",\"url\":\"" + url("127.0.0.1", "/blue.png") + "\"}]"));

        assertThat(isRed(Ffprobe.meanColour(video, 0))).isTrue();
        assertThat(isBlue(Ffprobe.meanColour(video, 4)))
                .as("the last frame, at 00:04")
                .isTrue();
        assertThat(REQUESTS)
                .containsExactlyInAnyOrder(
                        "/red.png?x=1 Host: 127.0.0.1:" + port(), "/blue.png Host: 127.0.0.1:" + port());
    }

    @Test
    void anImageOffLoopbackIsNeverFetchedAndItsFrameNamesIt() throws Exception {
        // 2130706433 is 127.0.0.1 written as one number: a client that resolved it would reach the image server
        String url = "http://2130706433:" + port() + "/red.png";

        Path video = render(body("A red door", FIELDS + ",\"image_url\":\"" + url + "\""));

        assertThat(REQUESTS).as("no request reached the loopback server").isEmpty();
        assertThat(Ffprobe.probe(video).comment()).contains("image not fetched: " + url + " (not a loopback address)");
        assertThat(isRed(Ffprobe.meanColour(video, 0))).isFalse();
    }

    @Test
    void anImageThatCannotBeShownBecomesANoticeNotAFailure() throws Exception {
        assertThat(notices("/missing.png"))
                .contains("image not fetched: " + url("127.0.0.1", "/missing.png") + " (answered HTTP 404)");
        assertThat(notices("/redirect.png")).contains("(answered HTTP 302; redirects are not followed)");
        assertThat(notices("/text.png")).contains("image not decoded: " + url("127.0.0.1", "/text.png"));
        assertThat(notices("/huge.png")).contains("(larger than 20 MB)");
        assertThat(REQUESTS).as("the redirect was not followed").noneMatch(request -> request.startsWith("/red.png"));
    }

    @Test
    void anImageUrlWithAPortOutOfRangeIsANoticeAndTheDownloadIsAnswered() throws Exception {
        // the contract takes it as a URL (java.net.URI does not range-check ports); no socket can be opened to it
        String url = "http://127.0.0.1:99999/a.png";

        Path video = render(body("A red door", FIELDS + ",\"image_url\":\"" + url + "\""));

        assertThat(Ffprobe.probe(video).comment())
                .contains("image not fetched: " + url + " (port 99999 is not from 0 to 65535)");
        assertThat(isRed(Ffprobe.meanColour(video, 0))).isFalse();
        assertThat(REQUESTS).isEmpty();
    }

    private static String notices(String path) throws Exception {
        return Ffprobe.probe(render(body("A door", FIELDS + ",\"image_url\":\"" + url("127.0.0.1", path) + "\"")))
                .comment();
    }

    private static Path render(String request) throws Exception {
        TestClient client = new TestClient(SEEDANCE.baseUrl(), SEEDANCE.apiKey());
        String videoUrl = json(client.generate(request)).at("/data/0/url").asText();
        Path file = Files.createTempFile(dir, "frames", ".mp4");
        assertThat(client.downloadTo(videoUrl, file).statusCode()).isEqualTo(200);
        assertThat(SEEDANCE.violations()).isEmpty();
        return file;
    }

    private static boolean isRed(int[] rgb) {
        return rgb[0] > 200 && rgb[1] < 60 && rgb[2] < 60;
    }

    private static boolean isBlue(int[] rgb) {
        return rgb[0] < 60 && rgb[1] < 60 && rgb[2] > 200;
    }

    private static int port() {
        return images.getAddress().getPort();
    }

    private static String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    private static byte[] png(Color color) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
