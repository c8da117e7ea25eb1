package io.github.camelseedance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The README and the component page document every option and header the catalog declares. */
class SeedanceDocumentationTest {

    private static List<String> catalogNames() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JsonNode schema = new ObjectMapper()
                    .readTree(((CatalogCamelContext) context).getComponentParameterJsonSchema("seedance"));
            List<String> names = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(names::add);
            schema.get("headers").fieldNames().forEachRemaining(names::add);
            // options every Camel producer has, documented by Camel itself
            names.remove("lazyStartProducer");
            names.remove("operation");
            return names;
        }
    }

    /** A table row names the option as `name` (Markdown) or *name* (AsciiDoc), so prose mentions do not count. */
    @ParameterizedTest
    @CsvSource({"../README.md,`%s`", "src/main/docs/seedance-component.adoc,*%s*"})
    void documentsEveryOptionAndHeaderInATable(String document, String rowPattern) throws Exception {
        String text = Files.readString(Path.of(document));
        for (String name : catalogNames()) {
            assertThat(text).as("%s documents %s", document, name).contains("| " + rowPattern.formatted(name) + " ");
        }
    }
}
