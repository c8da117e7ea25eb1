package io.github.camelseedance.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML routes of the README, the component page and this module's test routes load with camel-yaml-dsl in
 * Camel's canonical form: Camel 4.22 warns "YAML DSL compact notation detected" for short forms such as
 * {@code - log: "..."}.
 */
class YamlSnippetsTest {

    static Stream<DocSnippet> routes() throws IOException {
        List<DocSnippet> all = new ArrayList<>();
        all.addAll(DocSnippet.markdown(DocSnippet.README, "yaml"));
        all.addAll(DocSnippet.asciidoc(DocSnippet.COMPONENT_PAGE, "yaml"));
        try (Stream<Path> files = Files.list(Path.of("src", "test", "resources", "routes"))) {
            for (Path file : files.sorted().toList()) {
                all.add(new DocSnippet(file, 1, "yaml", Files.readAllLines(file)));
            }
        }
        assertThat(all).as("README, component page and test routes").hasSizeGreaterThanOrEqualTo(4);
        // Camel's YAML DSL is a list at the top; other YAML (an application.yaml, a Kamelet) is not a route file
        return all.stream().filter(YamlSnippetsTest::isRouteList);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void loadsInCanonicalForm(DocSnippet snippet) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        root.addAppender(warnings);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // loaded, not started: nothing is connected, so the page's URLs and buckets need not exist
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString(
                            snippet.where().replaceAll("\\W+", "-") + ".yaml", snippet.text()));

            assertThat(context.getCamelContextExtension()
                            .getContextPlugin(Model.class)
                            .getRouteDefinitions())
                    .as("routes of %s", snippet.where())
                    .isNotEmpty();
        } finally {
            root.detachAppender(warnings);
        }
        assertThat(warnings.list.stream()
                        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                        .map(ILoggingEvent::getFormattedMessage))
                .as("what Camel warned about while loading %s", snippet.where())
                .noneMatch(message -> message.contains("compact notation"));
    }

    private static boolean isRouteList(DocSnippet snippet) {
        return snippet.lines().stream()
                .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                .findFirst()
                .map(line -> line.startsWith("- "))
                .orElse(false);
    }
}
