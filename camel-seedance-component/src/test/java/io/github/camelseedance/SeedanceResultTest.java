package io.github.camelseedance;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SeedanceResultTest extends SeedanceTestSupport {

    @TempDir
    static Path output;

    private volatile Class<?> bodyTypeBeforeFileWrite;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:url").to("seedance:generate?model=SIRAYA-Seedance-2.0");
                from("direct:download").to("seedance:generate?download=true");
                from("direct:file")
                        .to("seedance:generate?download=true")
                        .process(e -> bodyTypeBeforeFileWrite =
                                e.getMessage().getBody().getClass())
                        .setHeader(Exchange.FILE_NAME, constant("video.mp4"))
                        .to("file:" + output.toAbsolutePath());
            }
        };
    }

    @Test
    void bodyIsTheVideoUrlAndHeadersDescribeTheResult() {
        Exchange exchange = template.request("direct:url", e -> e.getMessage().setBody("A red kite over hills"));

        assertThat(exchange.getException()).isNull();
        String url = exchange.getMessage().getBody(String.class);
        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/").endsWith(".mp4");
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL)).isEqualTo(url);
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.REVISED_PROMPT, String.class))
                .isNotNull();
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.CREATED, Long.class))
                .isPositive();
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.REQUESTED_MODEL))
                .isEqualTo("SIRAYA-Seedance-2.0");
    }

    @Test
    void downloadMakesTheBodyAStreamOfTheVideoFetchedWithoutCredentials() throws Exception {
        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException()).isNull();
        Object body = exchange.getMessage().getBody();
        assertThat(body).isInstanceOf(InputStream.class);
        byte[] video;
        try (InputStream in = (InputStream) body) {
            video = in.readAllBytes();
        }
        assertThat(video).isEqualTo(fetch(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");
        assertThat(SEEDANCE.downloads())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.authorization()).isNull());
    }

    @Test
    void downloadedVideoCanBeWrittenByTheFileComponent() throws Exception {
        Exchange exchange = template.request("direct:file", e -> e.getMessage().setBody("A red kite"));

        assertThat(exchange.getException()).isNull();
        // a stream the route passes along, not a copy cached in memory by Camel's stream caching
        assertThat(bodyTypeBeforeFileWrite).isNotNull();
        assertThat(org.apache.camel.StreamCache.class.isAssignableFrom(bodyTypeBeforeFileWrite))
                .isFalse();
        assertThat(InputStream.class.isAssignableFrom(bodyTypeBeforeFileWrite)).isTrue();
        Path file = output.resolve("video.mp4");
        assertThat(file).exists();
        byte[] written = Files.readAllBytes(file);
        assertThat(written)
                .isEqualTo(fetch(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL, String.class)));
        // an MP4 starts with an ftyp box
        assertThat(new String(written, 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftyp");
    }

    private static byte[] fetch(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }
}
