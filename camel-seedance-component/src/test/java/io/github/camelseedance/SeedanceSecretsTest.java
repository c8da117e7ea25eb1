package io.github.camelseedance;

import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The key never shows in what Camel prints about endpoints and configuration. */
class SeedanceSecretsTest {

    private static final String KEY = "sk-live-abcdef0123456789";

    @Test
    void endpointToStringAndSanitizedUriHideTheKey() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            Endpoint endpoint = context.getEndpoint("seedance:generate?apiKey=" + KEY + "&resolution=720p");

            assertThat(endpoint.toString()).doesNotContain(KEY).contains("seedance://generate");
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(KEY).contains("resolution=720p");
            assertThat(((SeedanceEndpoint) endpoint).getConfiguration().toString()).doesNotContain(KEY).contains("<set>");
        }
    }

    @Test
    void generatedUriFactoryKnowsTheKeyIsSecret() {
        assertThat(new SeedanceEndpointUriFactory().secretPropertyNames()).containsExactly("apiKey");
    }
}
