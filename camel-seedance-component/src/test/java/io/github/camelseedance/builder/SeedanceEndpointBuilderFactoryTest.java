package io.github.camelseedance.builder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder has a method of the same name and type for every endpoint option in the catalog JSON, and none for an
 * option that is gone. The check itself is shown to report an added, removed, retyped or relabelled option, each test
 * counting only what its change adds to the report.
 */
class SeedanceEndpointBuilderFactoryTest {

    /** The catalog as committed: an option added or removed on the annotations shows here after a build. */
    static final Path CATALOG = Path.of("src/generated/resources/META-INF/io/github/camelseedance/seedance.json");

    static final Path GENERATED =
            Path.of("src/generated/java/io/github/camelseedance/builder/SeedanceEndpointBuilderFactory.java");

    @Test
    void everyOptionInTheCatalogHasItsBuilderMethodsAndEveryBuilderMethodItsOption() throws IOException {
        assertThat(BuilderCatalogCheck.problems(catalog()))
                .as(
                        "The compiled builder differs from %s. The build rewrites %s from it (process-test-classes):"
                                + " build again and commit both",
                        CATALOG, GENERATED)
                .isEmpty();
    }

    @Test
    void anOptionAddedToTheCatalogIsReportedUntilTheBuilderHasItsMethods() throws IOException {
        ObjectNode catalog = catalog();
        ((ObjectNode) catalog.path("properties"))
                .putObject("addedInterval")
                .put("kind", "parameter")
                .put("label", "producer")
                .put("type", "duration")
                .put("javaType", "long");

        assertThat(newProblems(catalog))
                .containsExactly(
                        "option addedInterval (long): SeedanceEndpointBuilder has no method addedInterval(long)",
                        "option addedInterval (long): SeedanceEndpointBuilder has no method addedInterval(String)");
    }

    @Test
    void anOptionRemovedFromTheCatalogLeavesItsMethodsReported() throws IOException {
        ObjectNode catalog = catalog();
        ((ObjectNode) catalog.path("properties")).remove("seconds");

        assertThat(newProblems(catalog))
                .containsExactlyInAnyOrder(
                        "SeedanceEndpointBuilder.seconds(Long): there is no option seconds in the catalog",
                        "SeedanceEndpointBuilder.seconds(long): there is no option seconds in the catalog",
                        "SeedanceEndpointBuilder.seconds(String): there is no option seconds in the catalog");
    }

    @Test
    void anOptionWhoseTypeChangedIsReported() throws IOException {
        ObjectNode catalog = catalog();
        ((ObjectNode) catalog.path("properties").path("maxRetries")).put("javaType", "java.lang.Integer");

        assertThat(newProblems(catalog))
                .containsExactlyInAnyOrder(
                        "option maxRetries (java.lang.Integer): SeedanceEndpointBuilder has no method"
                                + " maxRetries(Integer)",
                        "SeedanceEndpointBuilder.maxRetries(int): option maxRetries is a java.lang.Integer");
    }

    @Test
    void anOptionThatBecameAdvancedIsReportedOnBothBuilders() throws IOException {
        ObjectNode catalog = catalog();
        ((ObjectNode) catalog.path("properties").path("model")).put("label", "producer,advanced");

        assertThat(newProblems(catalog))
                .containsExactlyInAnyOrder(
                        "option model (java.lang.String): AdvancedSeedanceEndpointBuilder has no method model(String)",
                        "option model (label producer,advanced) belongs on AdvancedSeedanceEndpointBuilder, not on"
                                + " SeedanceEndpointBuilder",
                        "SeedanceEndpointBuilder.model(String): option model is advanced");
    }

    @Test
    void thePathParameterIsTheArgumentOfTheStaticEntryByNameAndType() throws IOException {
        ObjectNode catalog = catalog();
        ObjectNode properties = (ObjectNode) catalog.path("properties");
        properties.set("task", properties.remove("operation"));

        assertThat(newProblems(catalog)).containsExactly("path task: the static entry's parameter is named operation");
    }

    @Test
    void aHeaderAddedOrRemovedIsReported() throws IOException {
        ObjectNode catalog = catalog();
        ObjectNode headers = (ObjectNode) catalog.path("headers");
        headers.remove("CamelSeedanceSeed");
        headers.putObject("CamelSeedanceProgress").put("javaType", "String");

        assertThat(newProblems(catalog))
                .containsExactlyInAnyOrder(
                        "header CamelSeedanceProgress: SeedanceHeaderNameBuilder has no method seedanceProgress()",
                        "SeedanceHeaderNameBuilder.seedanceSeed(): there is no such header in the catalog");
    }

    /** What the check reports of a changed catalog beyond what it reports of the committed one. */
    private static List<String> newProblems(ObjectNode changed) throws IOException {
        List<String> problems = new ArrayList<>(BuilderCatalogCheck.problems(changed));
        problems.removeAll(BuilderCatalogCheck.problems(catalog()));
        return problems;
    }

    private static ObjectNode catalog() throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(CATALOG.toFile());
    }
}
