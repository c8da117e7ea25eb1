package io.github.camelseedance.emulator;

import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an application's generations go: the real API when a key is set, else an embedded emulator. */
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

    /** A proxy's URL may carry credentials in its user info or query: the log shows scheme, host, port and path. */
    @ParameterizedTest
    @CsvSource({
        "https://user:secret@proxy.example.com:8443/seedance?token=t, https://proxy.example.com:8443/seedance",
        "https://llm.siraya.ai, https://llm.siraya.ai",
        "not a url, the URL in SEEDANCE_BASE_URL"
    })
    void logsTheBaseUrlItUsesWithoutCredentials(String baseUrl, String logged) {
        String log = loggedWhile(
                () -> EmulatorFallback.choose(Map.of("SEEDANCE_API_KEY", "sk-real-0123", "SEEDANCE_BASE_URL", baseUrl))
                        .close());

        assertThat(log)
                .contains("using the Seedance API at " + logged)
                .doesNotContain("secret")
                .doesNotContain("token")
                .doesNotContain("sk-real-0123");
    }

    /** The lines {@link EmulatorFallback} logged while {@code action} ran, captured in memory by Logback. */
    private static String loggedWhile(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(EmulatorFallback.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
    }
}
