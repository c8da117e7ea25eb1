package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxyCredentialsTest {

    private static final String TOKEN =
            Base64.getEncoder().encodeToString("user:pässword".getBytes(StandardCharsets.UTF_8));

    private final ProxyCredentials credentials = ProxyCredentials.basic("user", "pässword");

    @Test
    void acceptsTheBasicTokenWhateverTheSchemesCase() {
        assertThat(credentials.accept("Basic " + TOKEN)).isTrue();
        assertThat(credentials.accept("basic " + TOKEN)).isTrue();
    }

    @Test
    void refusesAnythingElse() {
        assertThat(credentials.accept(null)).isFalse();
        assertThat(credentials.accept("")).isFalse();
        assertThat(credentials.accept("Bearer " + TOKEN)).isFalse();
        assertThat(credentials.accept("Basic " + TOKEN.substring(1))).isFalse();
        assertThat(credentials.accept(
                        "Basic " + Base64.getEncoder().encodeToString("user:other".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    @Test
    void noneAcceptsEveryRequest() {
        assertThat(ProxyCredentials.none().accept(null)).isTrue();
        assertThat(ProxyCredentials.none().required()).isFalse();
        assertThat(credentials.required()).isTrue();
    }

    @Test
    void toStringHidesThem() {
        assertThat(credentials.toString())
                .doesNotContain("user")
                .doesNotContain("pässword")
                .doesNotContain(TOKEN);
    }
}
