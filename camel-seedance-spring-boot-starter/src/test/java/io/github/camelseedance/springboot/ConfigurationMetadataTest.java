package io.github.camelseedance.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.model.SeedanceModel;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata the build writes from {@link SeedanceComponentConfiguration} against the component's catalog: every
 * component option is a property with the catalog's description, default and type, and nothing else is.
 */
class ConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.seedance.";
    /** The starter's own switches, not options of the component. */
    private static final Set<String> STARTER_PROPERTIES = Set.of(PREFIX + "enabled", PREFIX + "customizer.enabled");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, JsonNode> options;
    private static Map<String, JsonNode> properties;
    private static Map<String, JsonNode> hints;

    @BeforeAll
    static void read() throws IOException {
        options = new LinkedHashMap<>();
        readResource("META-INF/io/github/camelseedance/seedance.json")
                .get("componentProperties")
                .properties()
                .forEach(entry -> options.put(entry.getKey(), entry.getValue()));
        JsonNode metadata = starterMetadata();
        properties = byName(metadata.get("properties"));
        hints = byName(metadata.get("hints"));
    }

    @Test
    void everyComponentOptionIsAPropertyWithTheCatalogsDescription() {
        List<String> problems = new ArrayList<>();
        options.forEach((option, catalog) -> {
            JsonNode property = properties.get(propertyName(option));
            if (property == null) {
                problems.add(missing(option, catalog));
            } else if (!text(property.get("description")).equals(text(catalog.get("description")))) {
                problems.add(propertyName(option) + ": description '" + text(property.get("description"))
                        + "' differs from the catalog's '" + text(catalog.get("description")) + "'");
            }
        });
        assertThat(problems).as("component options without their property").isEmpty();
    }

    @Test
    void everyComponentOptionHasTheCatalogsDefault() {
        List<String> problems = new ArrayList<>();
        options.forEach((option, catalog) -> {
            JsonNode property = properties.get(propertyName(option));
            if (property == null) {
                problems.add(missing(option, catalog));
                return;
            }
            String expected = normalized(catalog, catalog.get("defaultValue"));
            String actual = normalized(catalog, property.get("defaultValue"));
            if (!expected.equals(actual)) {
                problems.add(propertyName(option) + ": default '" + actual + "', the catalog's is '" + expected + "'");
            }
        });
        assertThat(problems).as("properties whose default is not the option's").isEmpty();
    }

    @Test
    void everyPropertyHasTheTypeItsOptionBindsFrom() {
        List<String> problems = new ArrayList<>();
        options.forEach((option, catalog) -> {
            JsonNode property = properties.get(propertyName(option));
            if (property != null && !text(property.get("type")).equals(springType(catalog))) {
                problems.add(propertyName(option) + ": type " + text(property.get("type")) + ", expected "
                        + springType(catalog));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPropertyIsAComponentOptionOrAStarterSwitch() {
        Set<String> expected = new TreeSet<>(STARTER_PROPERTIES);
        options.keySet().forEach(option -> expected.add(propertyName(option)));
        assertThat(new TreeSet<>(properties.keySet())).isEqualTo(expected);
    }

    @Test
    void everyEnumOptionHintsItsValues() {
        options.forEach((option, catalog) -> {
            if (catalog.has("enum")) {
                List<String> values = new ArrayList<>();
                catalog.get("enum").forEach(value -> values.add(value.asText()));
                assertThat(hintValues(propertyName(option)))
                        .as("hint values of %s", propertyName(option))
                        .isEqualTo(values);
            }
        });
    }

    @Test
    void theModelHintsTheKnownModelsAndTakesAnyOther() {
        assertThat(hintValues(PREFIX + "model")).isEqualTo(SeedanceModel.ids());
        assertThat(hints.get(PREFIX + "model")
                        .get("providers")
                        .get(0)
                        .get("name")
                        .asText())
                .isEqualTo("any");
    }

    @Test
    void theMetadataDescribesItsGroupAndEnabledSwitch() {
        assertThat(text(properties.get(PREFIX + "enabled").get("description")))
                .isEqualTo(
                        "Whether to enable auto configuration of the seedance component. This is enabled by default.");
    }

    private static String propertyName(String option) {
        return PREFIX + StringHelper.camelCaseToDash(option);
    }

    private static String missing(String option, JsonNode catalog) {
        return propertyName(option) + " is missing: add the field " + option + " to SeedanceComponentConfiguration,"
                + " typed " + springType(catalog) + ", with the option's description as Javadoc and its default ("
                + text(catalog.get("defaultValue")) + ")";
    }

    /** The type Spring Boot binds an option from: durations as java.time.Duration (10m, PT10M), primitives boxed. */
    private static String springType(JsonNode catalog) {
        String javaType = text(catalog.get("javaType"));
        if (text(catalog.get("type")).equals("duration")) {
            return Duration.class.getName();
        }
        return switch (javaType) {
            case "boolean" -> Boolean.class.getName();
            case "int" -> Integer.class.getName();
            case "long" -> Long.class.getName();
            default -> javaType;
        };
    }

    /** A default as comparable text: durations in milliseconds, whichever form each side writes them in. */
    private static String normalized(JsonNode catalog, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (text(catalog.get("type")).equals("duration")) {
            String written = value.asText();
            long millis = written.matches("\\d+")
                    ? Long.parseLong(written)
                    : written.startsWith("P")
                            ? DurationStyle.ISO8601.parse(written).toMillis()
                            : TimeUtils.toMilliSeconds(written);
            return Long.toString(millis);
        }
        return value.asText();
    }

    private List<String> hintValues(String property) {
        JsonNode hint = hints.get(property);
        assertThat(hint).as("hints of %s", property).isNotNull();
        List<String> values = new ArrayList<>();
        hint.get("values").forEach(value -> values.add(value.get("value").asText()));
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText().strip().replaceAll("\\s+", " ");
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        if (array != null) {
            array.forEach(node -> byName.put(node.get("name").asText(), node));
        }
        return byName;
    }

    private static JsonNode readResource(String name) throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return JSON.readTree(in);
        }
    }

    /** Other starters on the test classpath have their own metadata: this is the one that describes seedance. */
    private static JsonNode starterMetadata() throws IOException {
        List<URL> urls = Collections.list(ConfigurationMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"));
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = JSON.readTree(in);
                for (JsonNode group : metadata.path("groups")) {
                    if (group.get("name").asText().equals("camel.component.seedance")) {
                        return metadata;
                    }
                }
            }
        }
        throw new AssertionError(
                "No spring-configuration-metadata.json with the group camel.component.seedance in " + urls);
    }
}
