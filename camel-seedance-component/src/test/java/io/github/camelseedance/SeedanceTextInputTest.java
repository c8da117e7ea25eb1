package io.github.camelseedance;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.emulator.EmulatorResponse;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text reaches the provider as it was meant: bytes decoded exactly, a model id without the spaces around it, a blank
 * negative prompt left out, a prompt up to maxPromptLength characters; and a value cannot break a log line.
 */
class SeedanceTextInputTest extends SeedanceTestSupport {

    private static final String REFERENCE = "image:https://cdn.example/a.jpg";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate");
                from("direct:paddedModel")
                        .to("seedance:generate?model=RAW(  SIRAYA-Seedance-2.0 )&inputReferences=RAW(" + REFERENCE
                                + ")");
                from("direct:blur").to("seedance:generate?negativePrompt=blur");
                from("direct:short").to("seedance:generate?maxPromptLength=10");
            }
        };
    }

    /** The one request the emulator received, which followed the contract. */
    private static JsonNode sent() {
        assertThat(SEEDANCE.generationRequests()).hasSize(1);
        assertThat(SEEDANCE.violations()).isEmpty();
        return SEEDANCE.generationRequests().get(0).json();
    }

    private Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        assertThat(exchange.getException()).isNull();
        return exchange;
    }

    @Test
    void aTextHeaderGivenAsUtf8BytesIsSentAsThatText() {
        send(
                "direct:generate",
                null,
                Map.of(SeedanceConstants.PROMPT, "Café ☕ at dawn".getBytes(StandardCharsets.UTF_8)));

        assertThat(sent().get("prompt").asText()).isEqualTo("Café ☕ at dawn");
    }

    @Test
    void aBodyOfBytesIsReadInTheCharsetTheExchangeNames() {
        template.request("direct:generate", e -> {
            e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
            e.getMessage().setBody("Café au lait".getBytes(StandardCharsets.ISO_8859_1));
        });

        assertThat(sent().get("prompt").asText()).isEqualTo("Café au lait");
    }

    @Test
    void aFileBodyIsReadFromItsOwnBytesInTheCharsetTheExchangeNames(@TempDir Path dir) throws Exception {
        Path prompt = Files.write(dir.resolve("prompt.txt"), "Café au lait\n".getBytes(StandardCharsets.ISO_8859_1));
        // as the file component gives it
        WrappedFile<File> file = new WrappedFile<>() {
            @Override
            public File getFile() {
                return prompt.toFile();
            }

            @Override
            public Object getBody() {
                return prompt.toFile();
            }

            @Override
            public long getFileLength() {
                return prompt.toFile().length();
            }
        };

        template.request("direct:generate", e -> {
            e.setProperty(Exchange.CHARSET_NAME, "ISO-8859-1");
            e.getMessage().setBody(file);
        });

        assertThat(sent().get("prompt").asText()).isEqualTo("Café au lait");
    }

    @Test
    void aPromptOfExactlyMaxPromptLengthCharactersIsSentCountingCharactersNotUtf16Units() {
        String tenCharacters = "Rain 🌧🌧🌧🌧🌧"; // 15 UTF-16 units

        send("direct:short", tenCharacters, Map.of());

        assertThat(sent().get("prompt").asText()).isEqualTo(tenCharacters);
    }

    @Test
    void aModelIdWithSpacesAroundItFromAnOptionIsSentWithout() {
        send("direct:paddedModel", "Rain", Map.of());

        assertThat(sent().get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
    }

    @Test
    void aModelIdWithSpacesAroundItFromTheBodyIsSentWithout() {
        send(
                "direct:generate",
                VideoGenerationRequest.builder()
                        .model(" SIRAYA-Seedance-2.0\t")
                        .prompt("Rain")
                        .inputReference(InputReference.image("https://cdn.example/a.jpg"))
                        .build(),
                Map.of());

        assertThat(sent().get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
    }

    @Test
    void aModelIdWithSpacesAroundItFromAHeaderIsSentWithoutAndItsRulesApply() {
        send(
                "direct:generate",
                "Rain",
                Map.of(SeedanceConstants.MODEL, "SIRAYA-Seedance-2.0 ", SeedanceConstants.INPUT_REFERENCES, REFERENCE));

        assertThat(sent().get("model").asText()).isEqualTo("SIRAYA-Seedance-2.0");
    }

    @Test
    void aBlankNegativePromptHeaderIsNotSent() {
        send("direct:generate", "Rain", Map.of(SeedanceConstants.NEGATIVE_PROMPT, "   "));

        assertThat(sent().has("negative_prompt")).isFalse();
    }

    @Test
    void anEmptyNegativePromptInTheBodyIsNotSent() {
        send(
                "direct:generate",
                VideoGenerationRequest.builder()
                        .prompt("Rain")
                        .negativePrompt("")
                        .build(),
                Map.of());

        assertThat(sent().has("negative_prompt")).isFalse();
    }

    @Test
    void aBlankNegativePromptHeaderLeavesTheOptionsNegativePrompt() {
        send("direct:blur", "Rain", Map.of(SeedanceConstants.NEGATIVE_PROMPT, "\t"));

        assertThat(sent().get("negative_prompt").asText()).isEqualTo("blur");
    }

    @Test
    void anUnknownModelIdWithLineBreaksIsLoggedOnOneLineAndSentUnchanged() {
        List<String> warnings;
        try (LogCapture log = new LogCapture(Level.WARN)) {
            send("direct:generate", "Rain", Map.of(SeedanceConstants.MODEL, "Custom-1\r\nWARN forged line"));
            warnings = log.lines().stream()
                    .filter(line -> line.startsWith(SeedanceComponent.class.getName()))
                    .toList();
        }

        assertThat(warnings)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("'Custom-1\\r\\nWARN forged line'")
                        .doesNotContain("\r", "\n"));
        assertThat(sent().get("model").asText()).isEqualTo("Custom-1\r\nWARN forged line");
    }

    @Test
    void aProviderErrorWithLineBreaksGivesAOneLineMessageAndKeepsTheTextInItsField() {
        SEEDANCE.enqueue(
                EmulatorResponse.error(400, "Bad prompt\nERROR forged line", "invalid_request_error", null, null));

        Exchange exchange =
                template.request("direct:generate", e -> e.getMessage().setBody("Rain"));

        assertThat(exchange.getException()).isInstanceOf(SeedanceApiException.class);
        SeedanceApiException e = (SeedanceApiException) exchange.getException();
        assertThat(e.getMessage()).contains("Bad prompt\\nERROR forged line").doesNotContain("\n");
        assertThat(e.getErrorMessage()).isEqualTo("Bad prompt\nERROR forged line");
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
    }
}
