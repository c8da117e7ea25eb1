package io.github.camelseedance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedanceComponentSchemaTest {

    private static final String[] OPTIONS = {
        "model",
        "prompt",
        "seconds",
        "resolution",
        "aspectRatio",
        "imageUrl",
        "negativePrompt",
        "seed",
        "generateAudio",
        "firstFrameUrl",
        "lastFrameUrl",
        "inputReferences",
        "apiKey",
        "baseUrl",
        "connectTimeout",
        "requestTimeout",
        "download"
    };

    private static final String[] HEADERS = {
        "CamelSeedanceModel",
        "CamelSeedancePrompt",
        "CamelSeedanceSeconds",
        "CamelSeedanceResolution",
        "CamelSeedanceAspectRatio",
        "CamelSeedanceImageUrl",
        "CamelSeedanceNegativePrompt",
        "CamelSeedanceSeed",
        "CamelSeedanceGenerateAudio",
        "CamelSeedanceFirstFrameUrl",
        "CamelSeedanceLastFrameUrl",
        "CamelSeedanceInputReferences",
        "CamelSeedanceVideoUrl",
        "CamelSeedanceRevisedPrompt",
        "CamelSeedanceCreated",
        "CamelSeedanceRequestedModel"
    };

    private JsonNode schema() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            String json = ((CatalogCamelContext) context).getComponentParameterJsonSchema("seedance");
            assertThat(json).as("catalog JSON of the seedance component").isNotNull();
            return new ObjectMapper().readTree(json);
        }
    }

    @Test
    void describesAProducerOnlyAiComponentWithOperationSyntax() throws Exception {
        JsonNode component = schema().get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("seedance");
        assertThat(component.get("syntax").asText()).isEqualTo("seedance:operation");
        assertThat(component.get("producerOnly").asBoolean()).isTrue();
        assertThat(component.get("label").asText()).isEqualTo("ai");
        assertThat(schema().get("properties")
                        .get("operation")
                        .get("enum")
                        .get(0)
                        .asText())
                .isEqualTo("generate");
    }

    @Test
    void documentsEveryEndpointOption() throws Exception {
        JsonNode properties = schema().get("properties");
        for (String option : OPTIONS) {
            assertThat(properties.has(option)).as("endpoint option %s", option).isTrue();
            assertThat(properties.get(option).get("description").asText())
                    .as("description of %s", option)
                    .isNotBlank();
        }
    }

    @Test
    void everyOptionIsSettableOnTheComponent() throws Exception {
        JsonNode properties = schema().get("componentProperties");
        for (String option : OPTIONS) {
            assertThat(properties.has(option)).as("component option %s", option).isTrue();
        }
    }

    @Test
    void documentsEveryHeader() throws Exception {
        JsonNode headers = schema().get("headers");
        for (String header : HEADERS) {
            assertThat(headers.has(header)).as("header %s", header).isTrue();
            assertThat(headers.get(header).get("description").asText())
                    .as("description of %s", header)
                    .isNotBlank();
        }
    }

    @Test
    void marksTheApiKeyAsSecretAndGivesTheDocumentedDefaults() throws Exception {
        JsonNode properties = schema().get("properties");
        assertThat(properties.get("apiKey").get("secret").asBoolean()).isTrue();
        assertThat(properties.get("apiKey").get("label").asText()).isEqualTo("security");
        assertThat(properties.get("model").get("defaultValue").asText()).isEqualTo("ByteDance-Seedance-1.5-pro");
        assertThat(properties.get("baseUrl").get("defaultValue").asText()).isEqualTo("https://llm.siraya.ai");
        assertThat(properties.get("requestTimeout").get("defaultValue").asText())
                .isEqualTo("10m");
        assertThat(properties.get("download").get("defaultValue").asBoolean()).isFalse();
    }
}
