package io.github.camelseedance.examples.springboot;

import java.util.stream.Stream;

import io.github.camelseedance.SeedanceComponent;
import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator is the default without a key, and lives exactly as long as the application. */
class SeedanceTargetTest {

    @Test
    void withoutAKeyTheEmulatorServesTheComponentAndStopsWithTheApplication() {
        SeedanceTarget initializer = new SeedanceTarget();
        SeedanceEmulator emulator;
        try (ConfigurableApplicationContext context = application(initializer, "SEEDANCE_API_KEY=")) {
            emulator = context.getBean(EmulatorFallback.class).emulator().orElseThrow();
            assertThat(emulator.isRunning()).isTrue();
            assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
            SeedanceComponent component =
                    context.getBean(CamelContext.class).getComponent("seedance", SeedanceComponent.class);
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(emulator.baseUrl());
            assertThat(component.getConfiguration().getApiKey()).isEqualTo(emulator.apiKey());
        }
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void theEmulatorStopsWhenTheApplicationFailsToStart() {
        SeedanceTarget initializer = new SeedanceTarget();

        assertThatThrownBy(() -> application(
                                initializer, "SEEDANCE_API_KEY=", "camel.component.seedance.max-retries=three")
                        .close())
                .hasStackTraceContaining("camel.component.seedance.max-retries");
        SeedanceEmulator emulator = initializer.target().emulator().orElseThrow();
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void withAKeyNoEmulatorStartsAndTheKeyAndBaseUrlComeFromTheEnvironment() {
        // nothing is sent: no request reaches the API in this test, and the base URL is a closed loopback port
        try (ConfigurableApplicationContext context =
                application(new SeedanceTarget(), "SEEDANCE_API_KEY=sk-test", "SEEDANCE_BASE_URL=http://127.0.0.1:9")) {
            assertThat(context.getBean(EmulatorFallback.class).emulator()).isEmpty();
            SeedanceComponent component =
                    context.getBean(CamelContext.class).getComponent("seedance", SeedanceComponent.class);
            assertThat(component.getConfiguration().getBaseUrl()).isEqualTo("http://127.0.0.1:9");
            assertThat(component.getConfiguration().getApiKey()).isEqualTo("sk-test");
        }
    }

    /** Properties as command-line arguments, which win over the environment's SEEDANCE_API_KEY. */
    private static ConfigurableApplicationContext application(SeedanceTarget initializer, String... properties) {
        return new SpringApplicationBuilder(VideoApiApplication.class)
                .initializers(initializer)
                .properties("server.port=0")
                .run(Stream.of(properties).map(property -> "--" + property).toArray(String[]::new));
    }
}
