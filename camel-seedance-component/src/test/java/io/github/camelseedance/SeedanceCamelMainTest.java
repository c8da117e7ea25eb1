package io.github.camelseedance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Configured the way Camel Main users do it: camel.component.seedance.* properties and a YAML route. */
class SeedanceCamelMainTest {

    @RegisterExtension
    static final SeedanceEmulatorExtension SEEDANCE =
            SeedanceEmulatorExtension.builder().build();

    private final Main main = new Main();

    @BeforeEach
    void startMain() throws Exception {
        main.configure().withRoutesIncludePattern("classpath:routes/generate.yaml");
        main.addInitialProperty("camel.component.seedance.base-url", SEEDANCE.baseUrl());
        main.addInitialProperty("camel.component.seedance.api-key", SEEDANCE.apiKey());
        main.addInitialProperty("camel.component.seedance.resolution", "480p");
        main.addInitialProperty("camel.component.seedance.seconds", "5");
        main.addInitialProperty("camel.component.seedance.request-timeout", "2m");
        main.start();
    }

    @AfterEach
    void stopMain() {
        main.stop();
    }

    @Test
    void yamlRouteGeneratesWithComponentPropertiesAndEndpointOverrides() {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();

        String url = template.requestBody("direct:yaml", "A paper boat on a river", String.class);

        assertThat(url).startsWith(SEEDANCE.baseUrl() + "/videos/");
        assertThat(SEEDANCE.violations()).isEmpty();
        JsonNode sent = SEEDANCE.generationRequests().get(0).json();
        assertThat(sent.get("resolution").asText())
                .as("from camel.component.seedance.resolution")
                .isEqualTo("480p");
        assertThat(sent.get("seconds").asInt())
                .as("endpoint parameter overrides the component")
                .isEqualTo(10);
        assertThat(sent.get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
        assertThat(sent.get("input_references")).hasSize(2);
    }

    @Test
    void durationPropertiesAcceptCamelTimeUnits() {
        SeedanceComponent component = main.getCamelContext().getComponent("seedance", SeedanceComponent.class);

        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(120_000);
    }
}
