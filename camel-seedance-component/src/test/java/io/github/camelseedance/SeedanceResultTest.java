package io.github.camelseedance;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without download the body is the video's URL, and headers describe the result; downloads: SeedanceDownloadTest. */
class SeedanceResultTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:url").to("seedance:generate?model=SIRAYA-Seedance-2.0");
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
}
