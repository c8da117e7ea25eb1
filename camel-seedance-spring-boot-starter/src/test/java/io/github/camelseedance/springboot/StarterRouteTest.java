package io.github.camelseedance.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.SeedanceConstants;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** A Spring Boot application with the starter generates through a route configured by properties alone. */
class StarterRouteTest {

    private SeedanceEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = SeedanceEmulator.builder().build().start();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void aRouteGeneratesWithTheKeyBaseUrlAndDefaultsFromProperties() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        CamelAutoConfiguration.class,
                        SeedanceComponentConverter.class,
                        SeedanceComponentAutoConfiguration.class))
                .withBean(RoutesBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:generate").to("seedance:generate");
                    }
                })
                .withPropertyValues(
                        "camel.component.seedance.base-url=" + emulator.baseUrl(),
                        "camel.component.seedance.api-key=" + emulator.apiKey(),
                        "camel.component.seedance.model=SIRAYA-Seedance-2.0",
                        "camel.component.seedance.seconds=10",
                        "camel.component.seedance.resolution=480p")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ProducerTemplate template =
                            context.getBean(CamelContext.class).createProducerTemplate();
                    Exchange result = template.request(
                            "direct:generate", e -> e.getMessage().setBody("A lighthouse at dusk"));

                    assertThat(result.getException()).isNull();
                    assertThat(result.getMessage().getBody(String.class)).startsWith("http://");
                    assertThat(result.getMessage().getHeader(SeedanceConstants.REQUESTED_MODEL))
                            .isEqualTo("SIRAYA-Seedance-2.0");
                    assertThat(emulator.generationCount()).isEqualTo(1);
                    JsonNode sent = emulator.generationRequests().get(0).json();
                    assertThat(sent.get("seconds").asInt()).isEqualTo(10);
                    assertThat(sent.get("resolution").asText()).isEqualTo("480p");
                    assertThat(emulator.violations()).isEmpty();
                });
    }
}
