package io.github.camelseedance;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** The component's classes come with the descriptor Camel's own component jars carry for Camel's tooling. */
class ComponentDescriptorTest {

    private static final String DESCRIPTOR = "META-INF/services/org/apache/camel/component.properties";

    @Test
    void listsTheComponentWithTheCoordinatesNameAndDescriptionOfItsArtifact() throws Exception {
        // read where SeedanceComponent itself was loaded from (target/classes or the jar), not any other jar's
        URL location =
                SeedanceComponent.class.getProtectionDomain().getCodeSource().getLocation();
        Properties descriptor = new Properties();
        try (URLClassLoader ours = new URLClassLoader(new URL[] {location}, null);
                InputStream in = ours.getResourceAsStream(DESCRIPTOR)) {
            assertThat(in).as(DESCRIPTOR + " beside the component's classes").isNotNull();
            descriptor.load(in);
            assertThat(ours.getResource("META-INF/services/org/apache/camel/component/seedance"))
                    .as("the service file of the component it lists")
                    .isNotNull();
        }
        JsonNode catalog = new ObjectMapper()
                .readTree(Path.of("src/generated/resources/META-INF/io/github/camelseedance/seedance.json")
                        .toFile())
                .get("component");
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());

        assertThat(descriptor.getProperty("components")).isEqualTo("seedance");
        assertThat(descriptor.getProperty("groupId"))
                .isEqualTo(catalog.get("groupId").asText());
        assertThat(descriptor.getProperty("artifactId")).isEqualTo("camel-seedance");
        assertThat(descriptor.getProperty("version"))
                .isEqualTo(catalog.get("version").asText());
        assertThat(descriptor.getProperty("projectName")).isEqualTo(topLevel(pom, "name"));
        assertThat(descriptor.getProperty("projectDescription")).isEqualTo(topLevel(pom, "description"));
    }

    private static String topLevel(Document pom, String element) {
        var children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (element.equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().strip();
            }
        }
        throw new AssertionError("pom.xml has no <" + element + ">");
    }
}
