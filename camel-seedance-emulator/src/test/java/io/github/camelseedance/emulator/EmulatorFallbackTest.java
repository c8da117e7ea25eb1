package io.github.camelseedance.emulator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorFallbackTest {

    @Test
    void withoutApiKeyStartsTheEmulatorOnLoopbackAndPointsTheComponentAtIt() {
        SeedanceEmulator emulator;
        try (EmulatorFallback fallback = EmulatorFallback.choose(Map.of("SEEDANCE_API_KEY", "  "))) {
            emulator = fallback.emulator().orElseThrow();
            assertThat(emulator.isRunning()).isTrue();
            assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(fallback.overrideProperties())
                    .containsEntry("camel.component.seedance.base-url", emulator.baseUrl())
                    .containsEntry("seedance.emulator.api-key", emulator.apiKey())
                    .containsEntry("camel.component.seedance.api-key", "{{seedance.emulator.api-key}}");
        }
        assertThat(emulator.isRunning()).as("closed with the fallback").isFalse();
    }

    @Test
    void withApiKeyLeavesTheRealApiConfigurationUntouched() {
        try (EmulatorFallback fallback = EmulatorFallback.choose(
                Map.of("SEEDANCE_API_KEY", "sk-real", "SEEDANCE_BASE_URL", "https://proxy.example.com"))) {
            assertThat(fallback.emulator()).isEmpty();
            assertThat(fallback.overrideProperties()).isEmpty();
        }
    }

    @Test
    void logsABaseUrlWithoutCredentials() {
        assertThat(EmulatorFallback.withoutCredentials("https://user:secret@proxy.example.com:8443/seedance?token=t"))
                .isEqualTo("https://proxy.example.com:8443/seedance");
        assertThat(EmulatorFallback.withoutCredentials("https://llm.siraya.ai")).isEqualTo("https://llm.siraya.ai");
        assertThat(EmulatorFallback.withoutCredentials("not a url")).isEqualTo("the URL in SEEDANCE_BASE_URL");
    }
}
