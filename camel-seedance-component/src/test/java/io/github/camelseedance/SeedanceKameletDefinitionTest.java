package io.github.camelseedance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets in the jar have the Kamelet catalog's shape, declare every property their template uses and use every
 * property they declare, keep the key secret, and pass each property to the seedance option of the same name with
 * that option's default and allowed values.
 */
class SeedanceKameletDefinitionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([^}]+)}}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    private static final Set<String> TYPES = Set.of("string", "integer", "boolean");

    @ParameterizedTest
    @ValueSource(strings = {"seedance-action", "seedance-sink"})
    void hasTheCatalogsShape(String name) {
        Map<String, Object> kamelet = load(name);

        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        Map<String, Object> metadata = map(kamelet, "metadata");
        assertThat(metadata).containsEntry("name", name);
        assertThat(map(metadata, "labels"))
                .containsEntry("camel.apache.org/kamelet.type", name.substring(name.lastIndexOf('-') + 1));
        Map<String, Object> annotations = map(metadata, "annotations");
        assertThat(annotations)
                .containsEntry("camel.apache.org/provider", "camel-seedance")
                .containsEntry("camel.apache.org/kamelet.group", "Seedance")
                .containsKeys("camel.apache.org/kamelet.support.level", "camel.apache.org/kamelet.namespace");
        String version = (String) annotations.get("camel.apache.org/catalog.version");
        assertThat(version).as("filled in by the build").matches(VERSION);
        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        assertThat(icon).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(
                        Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)), StandardCharsets.UTF_8))
                .startsWith("<svg")
                .endsWith("</svg>");

        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        assertThat((String) definition.get("title")).startsWith("Seedance ");
        assertThat((String) definition.get("description")).isNotBlank();
        assertThat(definition).containsEntry("type", "object");
        assertThat(list(spec, "dependencies"))
                .contains("camel:kamelet", "camel:jackson", "mvn:io.github.camelseedance:camel-seedance:" + version);
        assertThat(map(map(spec, "template"), "from")).containsEntry("uri", "kamelet:source");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seedance-action", "seedance-sink"})
    void everyPropertyHasATitleADescriptionAndValuesOfItsType(String name) {
        Map<String, Object> definition = map(map(load(name), "spec"), "definition");
        Map<String, Object> properties = map(definition, "properties");

        assertThat(properties).isNotEmpty();
        properties.forEach((property, declared) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) declared;
            assertThat((String) p.get("title")).as(property).isNotBlank();
            assertThat((String) p.get("description")).as(property).isNotBlank();
            String type = (String) p.get("type");
            assertThat(type).as(property).isIn(TYPES);
            List<Object> values = new ArrayList<>();
            if (p.containsKey("default")) {
                values.add(p.get("default"));
            }
            if (p.containsKey("example")) {
                values.add(p.get("example"));
            }
            if (p.containsKey("enum")) {
                List<Object> allowed = list(p, "enum");
                assertThat(allowed).as(property + " values").containsAll(values);
                values.addAll(allowed);
            }
            Class<?> javaType = switch (type) {
                case "integer" -> Integer.class;
                case "boolean" -> Boolean.class;
                default -> String.class;
            };
            assertThat(values).as(property).allSatisfy(v -> assertThat(v).isInstanceOf(javaType));
        });
        if (definition.containsKey("required")) {
            assertThat(properties).containsKeys(list(definition, "required").toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seedance-action", "seedance-sink"})
    void theApiKeyIsASecret(String name) {
        Map<String, Object> apiKey = map(map(map(map(load(name), "spec"), "definition"), "properties"), "apiKey");

        assertThat(apiKey).containsEntry("type", "string").containsEntry("format", "password");
        assertThat(list(apiKey, "x-descriptors"))
                .contains("urn:alm:descriptor:com.tectonic.ui:password", "urn:camel:group:credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seedance-action", "seedance-sink"})
    void theTemplateUsesExactlyTheDeclaredProperties(String name) {
        Map<String, Object> spec = map(load(name), "spec");

        Set<String> used = new TreeSet<>();
        collectPlaceholders(spec.get("template"), used);

        assertThat(used)
                .isEqualTo(
                        new TreeSet<>(map(map(spec, "definition"), "properties").keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seedance-action", "seedance-sink"})
    void eachPropertyIsTheSeedanceOptionOfItsNameWithItsDefaultAndValues(String name) throws IOException {
        Map<String, Object> spec = map(load(name), "spec");
        Map<String, Object> properties = map(map(spec, "definition"), "properties");
        JsonNode options = catalog().get("properties");

        Map<String, Object> parameters = seedanceParameters(spec);

        assertThat(parameters.keySet())
                .allSatisfy(option -> assertThat(options.has(option))
                        .as("seedance option " + option)
                        .isTrue());
        properties.forEach((property, declared) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) declared;
            JsonNode option = options.get(property);
            JsonNode optionDefault = option.get("defaultValue");
            assertThat(p.containsKey("default") ? String.valueOf(p.get("default")) : null)
                    .as(property + " default")
                    .isEqualTo(optionDefault == null ? null : optionDefault.asText());
            assertThat(parameters.get(property))
                    .as(property + ": passed on under its own name, optional unless it has a default")
                    .isEqualTo(p.containsKey("default") ? "{{" + property + "}}" : "{{?" + property + "}}");
            if (option.has("enum") && !"boolean".equals(p.get("type"))) {
                List<String> allowed = new ArrayList<>();
                option.get("enum").forEach(v -> allowed.add(v.asText()));
                assertThat(list(p, "enum").stream().map(String::valueOf).toList())
                        .as(property + " values")
                        .isEqualTo(allowed);
            }
            if (option.path("secret").asBoolean()) {
                assertThat(p).as(property).containsEntry("format", "password");
            }
        });
    }

    /** The parameters of the template's seedance:generate step. */
    private static Map<String, Object> seedanceParameters(Map<String, Object> spec) {
        for (Object step : list(map(map(spec, "template"), "from"), "steps")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> to = (Map<String, Object>) ((Map<String, Object>) step).get("to");
            if (to != null && "seedance:generate".equals(to.get("uri"))) {
                return map(to, "parameters");
            }
        }
        throw new AssertionError("no seedance:generate step in the template");
    }

    private static void collectPlaceholders(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectPlaceholders(v, names));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectPlaceholders(v, names));
        } else if (node instanceof String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
    }

    /** As packaged: from the classpath, after the build filled in the version. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String name) {
        String resource = "kamelets/" + name + ".kamelet.yaml";
        try (InputStream in =
                SeedanceKameletDefinitionTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = SeedanceKameletDefinitionTest.class
                .getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelseedance/seedance.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(List.class);
        return (List<Object>) parent.get(key);
    }
}
