package io.github.camelseedance;

import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The key and the proxy password never show in what Camel prints about endpoints and configuration. */
class SeedanceSecretsTest {

    private static final String KEY = "sk-live-abcdef0123456789";
    private static final String PROXY_PASSWORD = "pw-proxy-31415926";

    @Test
    void endpointToStringAndSanitizedUriHideTheKey() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Endpoint endpoint = context.getEndpoint("seedance:generate?apiKey=" + KEY + "&resolution=720p"
                    + "&proxyHost=127.0.0.1&proxyPort=3128&proxyAuthUsername=squid"
                    + "&proxyAuthPassword=" + PROXY_PASSWORD);

            assertThat(endpoint.toString())
                    .doesNotContain(KEY)
                    .doesNotContain(PROXY_PASSWORD)
                    .contains("seedance://generate");
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri()))
                    .doesNotContain(KEY)
                    .doesNotContain(PROXY_PASSWORD)
                    .contains("resolution=720p");
            assertThat(((SeedanceEndpoint) endpoint).getConfiguration().toString())
                    .doesNotContain(KEY)
                    .doesNotContain(PROXY_PASSWORD)
                    .contains("<set>");
        }
    }

    @Test
    void generatedUriFactoryKnowsTheCredentialsAreSecret() {
        assertThat(new SeedanceEndpointUriFactory().secretPropertyNames())
                .containsExactlyInAnyOrder("apiKey", "proxyAuthUsername", "proxyAuthPassword");
    }
}
