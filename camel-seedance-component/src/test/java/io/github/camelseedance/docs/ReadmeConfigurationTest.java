package io.github.camelseedance.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.emulator.EmulatorFallback;
import io.github.camelseedance.emulator.SeedanceEmulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What a newcomer copies from the README works as written: the versions, the BOM, the properties. */
class ReadmeConfigurationTest {

    private static final String KEY_PROPERTY = "camel.component.seedance.api-key";

    @TempDir
    Path directory;

    @Test
    void theReadmeNamesTheCamelVersionItIsBuiltWithAndImportsItsBom() throws Exception {
        String camelVersion;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            camelVersion = context.getVersion();
        }
        String readme = Files.readString(DocSnippet.README);
        String xml = DocSnippet.markdown(DocSnippet.README, "xml").stream()
                .map(DocSnippet::text)
                .reduce("", String::concat);

        assertThat(readme).contains("Apache Camel " + camelVersion + " on Java 17");
        assertThat(versionsOf(xml, "org.apache.camel", "camel-bom"))
                .as("the camel-bom the README imports")
                .containsOnly(camelVersion)
                .isNotEmpty();
        assertThat(xml).contains("<scope>import</scope>");
        List<String> ours = new ArrayList<>(versionsOf(xml, "io.github.camelseedance", "camel-seedance"));
        ours.addAll(versionsOf(xml, "io.github.camelseedance", "camel-seedance-emulator"));
        assertThat(ours)
                .as("the versions of the component and the emulator in the README")
                .hasSizeGreaterThanOrEqualTo(2)
                .containsOnly(projectVersion());
    }

    /** Camel's {@code {{env:NAME}}} fails when the variable is unset; {@code {{env:NAME:}}} reads it as empty. */
    @Test
    void everyKeyPropertyLoadsWithoutTheVariable() throws Exception {
        assumeTrue(System.getenv("SEEDANCE_API_KEY") == null, "SEEDANCE_API_KEY is set here");
        List<String> values = new ArrayList<>();
        for (DocSnippet block : DocSnippet.markdown(DocSnippet.README, "properties")) {
            values.addAll(keyValues(block.lines()));
        }
        try (Stream<Path> examples = Files.list(Path.of("..", "examples"))) {
            for (Path example : examples.sorted().toList()) {
                Path properties = example.resolve("src/main/resources/application.properties");
                if (Files.exists(properties)) {
                    values.addAll(keyValues(Files.readAllLines(properties)));
                }
            }
        }
        assertThat(values).as("the README's and the examples' keys").hasSizeGreaterThanOrEqualTo(4);

        // Spring Boot's placeholder: without a default after the colon, an unset variable stops the application
        assertThat(values.stream().filter(v -> v.startsWith("${")))
                .as("Spring Boot placeholders")
                .allSatisfy(v -> assertThat(v).endsWith(":}"));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (String value : values.stream().filter(v -> !v.startsWith("${")).toList()) {
                assertThat(context.resolvePropertyPlaceholders(value)).as(value).isEmpty();
            }
        }
    }

    @Test
    void readmePropertiesWithTheEmulatorFallbackGenerateWithoutAKey() throws Exception {
        assumeTrue(System.getenv("SEEDANCE_API_KEY") == null, "SEEDANCE_API_KEY is set here");
        try (EmulatorFallback seedance = EmulatorFallback.choose(Map.of())) {
            SeedanceEmulator emulator = seedance.emulator().orElseThrow();
            Main main = readmeMain();
            seedance.overrideProperties().forEach(main::addOverrideProperty);
            try {
                main.start();
                String url = main.getCamelContext()
                        .createProducerTemplate()
                        .requestBody("direct:generate", "A paper boat on a river", String.class);

                assertThat(url).startsWith(emulator.baseUrl() + "/videos/");
                assertThat(emulator.violations()).isEmpty();
                JsonNode sent = emulator.generationRequests().get(0).json();
                assertThat(sent.get("model").asText())
                        .as("from the README's properties")
                        .isEqualTo("SIRAYA-Seedance-2.0");
                assertThat(sent.get("resolution").asText()).isEqualTo("720p");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void readmePropertiesWithoutKeyOrEmulatorStopTheRouteAskingForTheKey() throws Exception {
        assumeTrue(System.getenv("SEEDANCE_API_KEY") == null, "SEEDANCE_API_KEY is set here");
        Main main = readmeMain();
        try {
            assertThatThrownBy(main::start).hasStackTraceContaining("Missing apiKey: set the apiKey option");
        } finally {
            main.stop();
        }
    }

    /** Camel Main with the README's component properties and its Java DSL route. */
    private Main readmeMain() throws IOException {
        DocSnippet block = DocSnippet.markdown(DocSnippet.README, "properties").stream()
                .filter(b -> !keyValues(b.lines()).isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no properties block of the README sets " + KEY_PROPERTY));
        Path properties = Files.writeString(directory.resolve("application.properties"), block.text());
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + properties);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate?seconds=10&aspectRatio=9:16");
            }
        });
        return main;
    }

    private static List<String> keyValues(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .filter(line -> line.startsWith(KEY_PROPERTY))
                .map(line -> line.substring(line.indexOf('=') + 1).strip())
                .toList();
    }

    private static List<String> versionsOf(String xml, String groupId, String artifactId) {
        Matcher m = Pattern.compile("<groupId>" + Pattern.quote(groupId) + "</groupId>\\s*<artifactId>"
                        + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(xml);
        List<String> versions = new ArrayList<>();
        while (m.find()) {
            versions.add(m.group(1));
        }
        return versions;
    }

    /** The version this build makes, as the generated catalog records it. */
    static String projectVersion() throws IOException {
        Path catalog = Path.of("src/generated/resources/META-INF/io/github/camelseedance/seedance.json");
        return new ObjectMapper()
                .readTree(catalog.toFile())
                .at("/component/version")
                .asText();
    }
}
