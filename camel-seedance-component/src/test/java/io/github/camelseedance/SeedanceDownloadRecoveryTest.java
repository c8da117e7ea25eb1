package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelseedance.emulator.RecordedDownload;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A download that breaks is taken up again against the emulator: from the first missing byte where ranges are
 * answered, from the start where they are not and nothing was read, never past downloadAttempts, never with a key.
 */
class SeedanceDownloadRecoveryTest extends SeedanceTestSupport {

    private static final String PROMPT = "A heron lifting off a misty pond";

    @TempDir
    Path output;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:toFile")
                        .to("seedance:generate?download=true&retryDelay=10ms")
                        .to("file:" + output + "?fileName=video.mp4");
                from("direct:fetchToFile")
                        .to("seedance:download?retryDelay=10ms")
                        .to("file:" + output + "?fileName=fetched.mp4");
                from("direct:url").to("seedance:generate");
                from("direct:threeAttempts").to("seedance:generate?download=true&retryDelay=10ms&downloadAttempts=3");
            }
        };
    }

    @AfterEach
    void rangesBack() {
        SEEDANCE.setRangesSupported(true);
    }

    private static byte[] theVideo(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private static List<RecordedDownload> gets() {
        return SEEDANCE.downloads().stream()
                .filter(d -> d.method().equals("GET"))
                .toList();
    }

    @Test
    void aBrokenDownloadResumesFromTheFirstMissingByteAndTheFileIsTheVideoByteForByte() throws Exception {
        // within any video the emulator serves: its fixed clip is about 44 KB, a rendered one larger
        long breakAt = 15_000;
        SEEDANCE.breakNextDownloadAt(breakAt);

        Exchange exchange =
                template.request("direct:toFile", e -> e.getMessage().setBody(PROMPT));

        assertThat(exchange.getException()).isNull();
        List<RecordedDownload> gets = gets();
        assertThat(gets).hasSize(2);
        assertThat(gets.get(0).header("range")).isNull();
        assertThat(gets.get(1).header("range")).isEqualTo("bytes=" + breakAt + "-");
        assertThat(gets).allSatisfy(get -> assertThat(get.authorization()).isNull());
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
        byte[] written = Files.readAllBytes(output.resolve("video.mp4"));
        assertThat(written)
                .hasSize((int)
                        SEEDANCE.videoSize(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)))
                .isEqualTo(theVideo(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
    }

    @Test
    void theDownloadOperationResumesAsDownloadTrueDoes() throws Exception {
        String url = template.requestBody("direct:url", PROMPT, String.class);
        SEEDANCE.breakNextDownloadAt(1000);

        Exchange fetched =
                template.request("direct:fetchToFile", e -> e.getMessage().setBody(url));

        assertThat(fetched.getException()).isNull();
        assertThat(gets()).extracting(get -> get.header("range")).containsExactly(null, "bytes=1000-");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
        assertThat(Files.readAllBytes(output.resolve("fetched.mp4"))).isEqualTo(theVideo(url));
    }

    @Test
    void withoutRangesABreakBeforeAnyByteReachedTheRouteStartsOver() throws Exception {
        SEEDANCE.setRangesSupported(false);
        SEEDANCE.breakNextDownloadAt(0);

        Exchange exchange =
                template.request("direct:toFile", e -> e.getMessage().setBody(PROMPT));

        assertThat(exchange.getException()).isNull();
        assertThat(gets())
                .hasSize(2)
                .allSatisfy(get -> assertThat(get.header("range")).isNull());
        assertThat(Files.readAllBytes(output.resolve("video.mp4")))
                .isEqualTo(theVideo(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
    }

    @Test
    void aDownloadThatBreaksOnEveryAttemptGivesUpAfterDownloadAttemptsAndKeepsItsUrl() throws Exception {
        SEEDANCE.breakNextDownloads(3);

        Exchange exchange =
                template.request("direct:threeAttempts", e -> e.getMessage().setBody(PROMPT));

        assertThat(exchange.getException()).isNull();
        Throwable failure;
        try (InputStream video = exchange.getMessage().getBody(InputStream.class)) {
            failure = catchThrowable(video::readAllBytes);
        }
        assertThat(failure).isInstanceOf(IOException.class);
        SeedanceDownloadException notFetched = ObjectHelper.getException(SeedanceDownloadException.class, failure);
        String url = exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class);
        assertThat(notFetched).isNotNull();
        assertThat(notFetched.getVideoUrl()).isEqualTo(url);
        assertThat(notFetched.getAttempts()).isEqualTo(3);
        assertThat(notFetched.getMessage()).contains("gave up after 3 attempts").doesNotContain("?");
        assertThat(gets()).hasSize(3);
        assertThat(SEEDANCE.generationCount())
                .as("a broken download is never generated again")
                .isEqualTo(1);
    }
}
