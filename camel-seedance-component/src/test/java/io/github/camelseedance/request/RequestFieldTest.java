package io.github.camelseedance.request;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.emulator.ContractJudge;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field table agrees with every other place an API field is declared: the catalog's options and headers, the
 * request record and its builder, and the emulator's list of allowed fields.
 */
class RequestFieldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode catalog;

    @BeforeAll
    static void readTheCatalog() throws Exception {
        try (InputStream in =
                RequestFieldTest.class.getResourceAsStream("/META-INF/io/github/camelseedance/seedance.json")) {
            catalog = JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @EnumSource(RequestField.class)
    void eachFieldIsAnEndpointOptionOfTheCatalog(RequestField field) {
        JsonNode option = catalog.path("properties").path(field.optionName());

        assertThat(option.isMissingNode())
                .as("option %s in seedance.json", field.optionName())
                .isFalse();
        if (field.check().kind() == RequestField.Check.Kind.ONE_OF) {
            List<String> allowed =
                    field.check().allowed().stream().map(String::valueOf).toList();
            List<String> documented = JSON.convertValue(
                    option.path("enum"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            assertThat(documented).as("enum of option %s", field.optionName()).isEqualTo(allowed);
        }
    }

    @ParameterizedTest
    @EnumSource(RequestField.class)
    void eachFieldIsAHeaderOfTheCatalogWithTheFieldsType(RequestField field) {
        JsonNode header = catalog.path("headers").path(field.header());

        assertThat(header.isMissingNode())
                .as("header %s in seedance.json", field.header())
                .isFalse();
        String javaType = header.path("javaType").asText();
        if (field.type() == List.class) {
            assertThat(javaType).startsWith("java.util.List<");
        } else {
            assertThat(javaType).isEqualTo(field.type().getSimpleName());
        }
    }

    @Test
    void everyRequestPropertyOfTheRecordIsInTheTable() {
        Set<String> components = Arrays.stream(VideoGenerationRequest.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fromTable = Arrays.stream(RequestField.values())
                .map(RequestField::bodyProperty)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(fromTable).isEqualTo(components);
    }

    @Test
    void everyJsonNameIsOneTheRecordWritesAndTheEmulatorAllows() {
        Set<String> recordNames = Arrays.stream(VideoGenerationRequest.class.getRecordComponents())
                .map(c -> c.getAccessor().getAnnotation(JsonProperty.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fromTable = Arrays.stream(RequestField.values())
                .map(RequestField::jsonName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(fromTable).isEqualTo(recordNames).isEqualTo(new TreeSet<>(ContractJudge.ALLOWED_FIELDS));
    }

    /** Writing a value through the builder puts it under the field's JSON name, and reading the body gets it back. */
    @ParameterizedTest
    @EnumSource(RequestField.class)
    void eachFieldGoesThroughTheBuilderToItsJsonNameAndBack(RequestField field) {
        Object value = sample(field);
        RequestDraft draft = new RequestDraft();
        draft.set(field, value, ValueSource.option(field));

        VideoGenerationRequest request = draft.toRequest();
        JsonNode json = JSON.valueToTree(request);

        assertThat(json.properties()).hasSize(1);
        assertThat(json.has(field.jsonName())).as("JSON %s", json).isTrue();
        assertThat(field.fromBody(request)).isEqualTo(value);
    }

    private static Object sample(RequestField field) {
        if (field.type() == Integer.class) {
            return 10;
        }
        if (field.type() == Long.class) {
            return 4_294_967_301L;
        }
        if (field.type() == Boolean.class) {
            return Boolean.TRUE;
        }
        if (field.type() == List.class) {
            return List.of(InputReference.image("https://cdn.example/a.png"));
        }
        return "https://cdn.example/" + field.optionName() + ".png";
    }
}
