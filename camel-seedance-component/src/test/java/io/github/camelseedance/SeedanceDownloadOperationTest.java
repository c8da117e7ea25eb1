package io.github.camelseedance;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** seedance:download fetches a video already generated, from its URL, with no new generation and the same guards. */
class SeedanceDownloadOperationTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate");
                from("direct:download").to("seedance:download").convertBodyTo(byte[].class);
            }
        };
    }

    private String generatedUrl() {
        return template.requestBody("direct:generate", "A heron lifts off the water", String.class);
    }

    private static byte[] fetchedDirectly(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    @Test
    void aUrlInTheBodyIsDownloadedWithoutAnotherGeneration() throws Exception {
        String url = generatedUrl();

        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody(url));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(fetchedDirectly(url));
        assertThat(exchange.getMessage().getHeader(SeedanceConstants.VIDEO_URL)).isEqualTo(url);
        assertThat(SEEDANCE.generationCount()).as("POSTs").isEqualTo(1);
        assertThat(SEEDANCE.downloads()).hasSize(2);
        assertThat(SEEDANCE.downloads().get(0).authorization())
                .as("no credentials on a download")
                .isNull();
    }

    @Test
    void aUrlInTheHeaderIsDownloadedWhateverTheBody() throws Exception {
        String url = generatedUrl();

        Exchange exchange = template.request("direct:download", e -> {
            e.getMessage().setHeader(SeedanceConstants.VIDEO_URL, url);
            e.getMessage().setBody(InputStream.nullInputStream());
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(byte[].class)).isEqualTo(fetchedDirectly(url));
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }

    @Test
    void noUrlIsRefusedBeforeAnyCall() {
        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody(null));

        assertThat(exchange.getException())
                .isInstanceOf(InvalidVideoRequestException.class)
                .hasMessageContaining("Missing video URL")
                .hasMessageContaining(SeedanceConstants.VIDEO_URL);
        assertThat(SEEDANCE.downloads()).isEmpty();
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedBeforeAnyCall() {
        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("file:///etc/passwd"));

        assertThat(exchange.getException())
                .isInstanceOf(InvalidVideoRequestException.class)
                .hasMessageContaining("absolute http or https URL");
        assertThat(SEEDANCE.downloads()).isEmpty();
    }

    /** The address guard of download=true applies: a loopback host other than the API's is refused, unconnected. */
    @Test
    void anInternalAddressIsRefusedAsForDownloadTrue() {
        Exchange exchange =
                template.request("direct:download", e -> e.getMessage().setBody("http://127.0.0.2:9/video.mp4"));

        assertThat(exchange.getException())
                .isInstanceOf(SeedanceException.class)
                .hasMessageContaining("was refused");
        assertThat(SEEDANCE.downloads()).isEmpty();
    }

    @Test
    void aDownloadNeedsNoApiKeyWhereAGenerationDoes() throws Exception {
        String url = generatedUrl();
        SeedanceComponent keyless = new SeedanceComponent();
        keyless.getConfiguration().setBaseUrl(SEEDANCE.baseUrl());
        context.addComponent("keyless", keyless);

        byte[] video = template.requestBody("keyless:download", url, byte[].class);

        assertThat(video).isEqualTo(fetchedDirectly(url));
        assertThat(SEEDANCE.downloads())
                .allSatisfy(d -> assertThat(d.authorization()).isNull());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> template.requestBody("keyless:generate", "A heron", String.class)))
                .hasRootCauseMessage("Missing apiKey: set the apiKey option (for example"
                        + " camel.component.seedance.api-key={{env:SEEDANCE_API_KEY}})");
    }
}
