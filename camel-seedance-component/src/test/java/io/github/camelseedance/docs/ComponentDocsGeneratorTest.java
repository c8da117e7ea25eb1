package io.github.camelseedance.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentDocsGeneratorTest {

    private static final String PAGE = """
            = Example Component

            Prose before, with a | bar.

            // component options: START
            an old table
            // component options: END

            == Endpoint

            // endpoint options: START
            // endpoint options: END

            // component headers: START
            // component headers: END

            Prose after.
            """;

    private static JsonNode catalog() throws Exception {
        return new ObjectMapper().readTree("""
                {
                  "component": { "title": "Example", "syntax": "example:operation" },
                  "componentProperties": {
                    "hosts": { "kind": "property", "group": "proxy", "type": "string", "javaType": "java.lang.String",
                               "description": "Hosts separated by a | or a comma." },
                    "baseUrl": { "kind": "property", "group": "producer", "type": "string", "javaType": "java.lang.String",
                                 "defaultValue": "https://api.example", "description": "Requests go to {baseUrl}/v1." },
                    "audio": { "kind": "property", "group": "producer", "type": "boolean", "javaType": "java.lang.Boolean",
                               "defaultValue": false, "description": "Whether to ask for audio; unset by default." },
                    "download": { "kind": "property", "group": "producer", "type": "boolean", "javaType": "boolean",
                                  "defaultValue": false, "description": "Whether to download." }
                  },
                  "properties": {
                    "operation": { "kind": "path", "group": "producer", "required": true, "type": "enum",
                                   "javaType": "org.example.Operation", "enum": [ "generate" ],
                                   "description": "The operation." },
                    "tls": { "kind": "parameter", "group": "security", "type": "object",
                             "javaType": "org.apache.camel.support.jsse.SSLContextParameters", "description": "TLS." }
                  },
                  "headers": {
                    "ExampleItems": { "kind": "header", "javaType": "java.util.List<org.example.Item>",
                                      "description": "The items." }
                  }
                }
                """);
    }

    @Test
    void replacesWhatIsBetweenTheMarkersAndLeavesTheRestByteForByte() {
        String page = ComponentDocsGenerator.replaceBetweenMarkers(PAGE, "component options", "a new table\n");

        assertThat(page).isEqualTo(PAGE.replace("an old table\n", "a new table\n"));
    }

    @Test
    void escapesAVerticalBarInACell() throws Exception {
        assertThat(ComponentDocsGenerator.update(PAGE, catalog()))
                .contains("| *hosts* (proxy) | Hosts separated by a \\| or a comma. |  | string\n")
                .contains("Prose before, with a | bar.");
    }

    @Test
    void escapesAnAttributeReferenceSoTheTextShowsAsWritten() throws Exception {
        assertThat(ComponentDocsGenerator.update(PAGE, catalog()))
                .contains("| *baseUrl* (producer) | Requests go to \\{baseUrl}/v1. | https://api.example | string\n");
    }

    @Test
    void showsNoDefaultForABooleanWrapperThatCamelFilledWithFalse() throws Exception {
        assertThat(ComponentDocsGenerator.update(PAGE, catalog()))
                .contains("| *audio* (producer) | Whether to ask for audio; unset by default. |  | boolean\n")
                .contains("| *download* (producer) | Whether to download. | false | boolean\n");
    }

    @Test
    void splitsPathFromQueryParametersAndNamesTypesSimply() throws Exception {
        String page = ComponentDocsGenerator.update(PAGE, catalog());

        assertThat(page)
                .contains("URI syntax `example:operation`, with 1 path and 1 query parameters.")
                .contains("| *operation* (producer) | *Required* The operation. |  | enum (generate)\n")
                .contains("| *tls* (security) | TLS. |  | SSLContextParameters\n")
                .contains("| *ExampleItems* | The items. | List<Item>\n");
        assertThat(page.indexOf(".Path parameters")).isLessThan(page.indexOf("*operation*"));
        assertThat(page.indexOf(".Query parameters")).isBetween(page.indexOf("*operation*"), page.indexOf("*tls*"));
    }

    @Test
    void regeneratingAnUpToDatePageChangesNothing() throws Exception {
        String once = ComponentDocsGenerator.update(PAGE, catalog());

        assertThat(ComponentDocsGenerator.update(once, catalog())).isEqualTo(once);
    }

    @Test
    void refusesAPageWithoutTheMarkers() {
        String page = PAGE.replace("// component headers: END\n", "");

        assertThatThrownBy(() -> ComponentDocsGenerator.update(page, catalog()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'// component headers: START' and '// component headers: END'");
    }
}
