package io.github.camelseedance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the catalog (and the page generated from it) promises users and tools, checked against the component. */
class SeedanceComponentSchemaTest {

    private static JsonNode schema(CatalogCamelContext context) throws Exception {
        String json = context.getComponentParameterJsonSchema("seedance");
        assertThat(json).as("catalog JSON of the seedance component").isNotNull();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void isAProducerOnlyComponentWhoseOnlyOperationIsGenerate() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JsonNode schema = schema(context);

            assertThat(schema.at("/component/syntax").asText()).isEqualTo("seedance:operation");
            assertThat(schema.at("/component/producerOnly").asBoolean()).isTrue();
            JsonNode operation = schema.at("/properties/operation");
            assertThat(operation.path("required").asBoolean()).isTrue();
            assertThat(operation.path("enum")).extracting(JsonNode::asText).containsExactly("generate", "download");
        }
    }

    /** The page says every endpoint option can also be set on the component; an endpoint-only option would break that. */
    @Test
    void everyEndpointOptionCanAlsoBeSetOnTheComponent() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JsonNode schema = schema(context);
            List<String> endpointOnly = new ArrayList<>();
            schema.path("properties").properties().forEach(option -> {
                if ("parameter".equals(option.getValue().path("kind").asText())
                        && !schema.path("componentProperties").has(option.getKey())) {
                    endpointOnly.add(option.getKey());
                }
            });

            assertThat(endpointOnly)
                    .as("endpoint options the component cannot set")
                    .isEmpty();
        }
    }

    /** A default in the docs is the value the component starts with, so the tables never promise another one. */
    @Test
    void theDocumentedDefaultsAreTheDefaultsInEffect() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            SeedanceComponent component = context.getComponent("seedance", SeedanceComponent.class);
            SeedanceComponentConfigurer configurer = new SeedanceComponentConfigurer();
            int checked = 0;
            for (Map.Entry<String, JsonNode> option :
                    schema(context).path("componentProperties").properties()) {
                JsonNode documented = option.getValue().path("defaultValue");
                Object actual = configurer.getOptionValue(component, option.getKey(), false);
                if (documented.isMissingNode() || (actual == null && isBooleanWrapper(option.getValue()))) {
                    // Camel's tooling writes false for a Boolean option that declares no default; it stays unset
                    continue;
                }
                if ("duration".equals(option.getValue().path("type").asText())) {
                    assertThat(actual)
                            .as("default of %s, in milliseconds", option.getKey())
                            .isEqualTo(TimeUtils.toMilliSeconds(documented.asText()));
                } else {
                    assertThat(String.valueOf(actual))
                            .as("default of %s", option.getKey())
                            .isEqualTo(documented.asText());
                }
                checked++;
            }
            assertThat(checked).as("options with a documented default").isGreaterThan(5);
        }
    }

    private static boolean isBooleanWrapper(JsonNode option) {
        return "java.lang.Boolean".equals(option.path("javaType").asText());
    }
}
