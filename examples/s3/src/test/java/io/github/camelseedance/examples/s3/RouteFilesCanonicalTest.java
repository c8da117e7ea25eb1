package io.github.camelseedance.examples.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The example's YAML routes are in Camel's canonical form, which readers copy: Camel 4.22 warns "YAML DSL compact
 * notation detected" for short forms such as {@code - log: "..."}.
 */
class RouteFilesCanonicalTest {

    static List<Path> routeFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "routes"))) {
            List<Path> yaml =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).isNotEmpty();
            return yaml;
        }
    }

    @ParameterizedTest
    @MethodSource("routeFiles")
    void loadsWithoutTheCompactNotationWarning(Path file) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // loaded, not started: no bucket is listed and nothing is generated
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.fromString(file.getFileName().toString(), Files.readString(file)));

            assertThat(context.getCamelContextExtension()
                            .getContextPlugin(Model.class)
                            .getRouteDefinitions())
                    .as("the routes of %s", file)
                    .isNotEmpty();
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list.stream()
                        .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                        .map(ILoggingEvent::getFormattedMessage))
                .as("what Camel warned about while loading %s", file)
                .noneMatch(message -> message.contains("compact notation"));
    }
}
