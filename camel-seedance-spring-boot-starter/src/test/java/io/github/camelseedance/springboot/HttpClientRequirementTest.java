package io.github.camelseedance.springboot;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class HttpClientRequirementTest {

    @Test
    void theHttpClientOnThisClasspathIsRecentEnough() {
        assertThat(HttpClientRequirement.hasSessionDecorator(HttpAsyncClientBuilder.class))
                .isTrue();
        assertThatCode(HttpClientRequirement::check).doesNotThrowAnyException();
    }

    @Test
    void anOlderOneIsRecognisedAndTheFixNamed() {
        // a builder without setIoSessionDecorator, as httpclient5 5.5 has
        assertThat(HttpClientRequirement.hasSessionDecorator(Object.class)).isFalse();
        assertThat(HttpClientRequirement.problem("5.5.2"))
                .contains("5.5.2", "httpclient5.version=5.6.3", "httpcore5.version=5.4.3");
    }
}
