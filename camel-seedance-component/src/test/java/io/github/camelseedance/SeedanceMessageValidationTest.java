package io.github.camelseedance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.ReferenceRole;
import io.github.camelseedance.model.ReferenceType;
import io.github.camelseedance.model.SeedanceModel;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad message fails its own exchange, names the field, its source and what is allowed, and sends nothing. */
class SeedanceMessageValidationTest extends SeedanceTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:generate").to("seedance:generate");
                from("direct:frames").to("seedance:generate?firstFrameUrl=https://cdn.example/first.png");
                from("direct:v2").to("seedance:generate?model=SIRAYA-Seedance-2.0");
                from("direct:references").to("seedance:generate?inputReferences=RAW(image:https://cdn.example/a.jpg)");
                // no stream caching: a stream body reaches the component as sent, to show how much of it is read
                from("direct:short").noStreamCaching().to("seedance:generate?maxPromptLength=10");
            }
        };
    }

    @AfterEach
    void nothingWasSent() {
        assertThat(SEEDANCE.generationCount())
                .as("POSTs received by the emulator")
                .isZero();
    }

    private InvalidVideoRequestException rejected(String endpoint, Object body, Map<String, Object> headers) {
        Exchange exchange = template.request(endpoint, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
        assertThat(exchange.getException()).isInstanceOf(InvalidVideoRequestException.class);
        return (InvalidVideoRequestException) exchange.getException();
    }

    @Test
    void secondsFromAHeaderMustBeFiveOrTen() {
        InvalidVideoRequestException e = rejected("direct:generate", "Rain", Map.of(SeedanceConstants.SECONDS, 7));
        assertThat(e.getField()).isEqualTo("seconds");
        assertThat(e.getMessage()).contains("'7'", "header CamelSeedanceSeconds", "5, 10");
    }

    @Test
    void secondsHeaderThatIsNotANumberIsNamed() {
        InvalidVideoRequestException e = rejected("direct:generate", "Rain", Map.of(SeedanceConstants.SECONDS, "ten"));
        assertThat(e.getMessage())
                .contains("seconds", "'ten'", "header CamelSeedanceSeconds", "allowed values are 5, 10");
    }

    @Test
    void resolutionFromTheBodyMustBeKnown() {
        InvalidVideoRequestException e = rejected(
                "direct:generate",
                VideoGenerationRequest.builder().prompt("Rain").resolution("4k").build(),
                Map.of());
        assertThat(e.getMessage()).contains("resolution", "'4k'", "body field resolution", "480p, 720p, 1080p");
    }

    @Test
    void aspectRatioMustBeKnown() {
        InvalidVideoRequestException e =
                rejected("direct:generate", "Rain", Map.of(SeedanceConstants.ASPECT_RATIO, "4:3"));
        assertThat(e.getMessage()).contains("aspectRatio", "'4:3'", "16:9, 9:16, 1:1");
    }

    @Test
    void promptIsRequired() {
        InvalidVideoRequestException e = rejected("direct:generate", null, Map.of());
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage()).contains("prompt option", "CamelSeedancePrompt header", "String body");
    }

    @Test
    void blankPromptHeaderIsRejected() {
        InvalidVideoRequestException e = rejected("direct:generate", "Body", Map.of(SeedanceConstants.PROMPT, "  "));
        assertThat(e.getMessage()).contains("prompt", "header CamelSeedancePrompt", "blank");
    }

    @Test
    void fileUrlsAreRejectedWithAHintToUploadFirst() {
        InvalidVideoRequestException e =
                rejected("direct:generate", "Rain", Map.of(SeedanceConstants.IMAGE_URL, "file:///tmp/cat.png"));
        assertThat(e.getMessage())
                .contains("imageUrl", "file:///tmp/cat.png", "scheme file", "http or https", "upload");
    }

    @Test
    void relativeUrlsAreRejected() {
        InvalidVideoRequestException e =
                rejected("direct:generate", "Rain", Map.of(SeedanceConstants.FIRST_FRAME_URL, "images/cat.png"));
        assertThat(e.getMessage()).contains("firstFrameUrl", "not absolute");
    }

    @Test
    void lastFrameNeedsAFirstFrame() {
        InvalidVideoRequestException e = rejected(
                "direct:generate", "Rain", Map.of(SeedanceConstants.LAST_FRAME_URL, "https://cdn.example/last.png"));
        assertThat(e.getMessage()).contains("lastFrameUrl", "header CamelSeedanceLastFrameUrl", "firstFrameUrl");
    }

    @Test
    void aFrameTypeGivenTwiceInTheBodyIsRejected() {
        InvalidVideoRequestException e = rejected(
                "direct:generate",
                VideoGenerationRequest.builder()
                        .prompt("Rain")
                        .firstFrame("https://cdn.example/a.png")
                        .firstFrame("https://cdn.example/b.png")
                        .build(),
                Map.of());
        assertThat(e.getMessage()).contains("frameImages", "first_frame", "2 times");
    }

    @Test
    void referencesCannotBeCombinedWithFrameImagesAndTheMessageNamesBothSources() {
        InvalidVideoRequestException e = rejected(
                "direct:frames",
                "Rain",
                Map.of(
                        SeedanceConstants.MODEL,
                        "SIRAYA-Seedance-2.0",
                        SeedanceConstants.INPUT_REFERENCES,
                        "image:https://cdn.example/ref.jpg"));
        assertThat(e.getMessage())
                .contains(
                        "header CamelSeedanceInputReferences",
                        "option firstFrameUrl",
                        "describe the first frame in the prompt");
    }

    @Test
    void imageUrlCannotBeCombinedWithFrameImages() {
        InvalidVideoRequestException e =
                rejected("direct:frames", "Rain", Map.of(SeedanceConstants.IMAGE_URL, "https://cdn.example/img.jpg"));
        assertThat(e.getMessage()).contains("imageUrl", "Use firstFrameUrl instead");
    }

    @Test
    void imageUrlCannotBeCombinedWithReferences() {
        InvalidVideoRequestException e = rejected(
                "direct:v2",
                "Rain",
                Map.of(
                        SeedanceConstants.IMAGE_URL,
                        "https://cdn.example/img.jpg",
                        SeedanceConstants.INPUT_REFERENCES,
                        List.of(InputReference.image("https://cdn.example/r.jpg"))));
        assertThat(e.getMessage()).contains("imageUrl", "inputReferences", "image:URL");
    }

    @Test
    void referencesNeedATwoPointZeroModel() {
        InvalidVideoRequestException e = rejected(
                "direct:generate",
                "Rain",
                Map.of(SeedanceConstants.INPUT_REFERENCES, "audio:https://cdn.example/a.mp3"));
        assertThat(e.getMessage())
                .contains(
                        "SIRAYA-Seedance-2.0 or SIRAYA-Seedance-2.0-fast",
                        "'ByteDance-Seedance-1.5-pro' from option model");
    }

    @Test
    void referencesFromAnOptionAreCheckedAgainstTheModelOfEachMessage() {
        InvalidVideoRequestException e = rejected("direct:references", "Rain", Map.of());
        assertThat(e.getMessage())
                .contains(
                        "inputReferences from option inputReferences",
                        "'ByteDance-Seedance-1.5-pro' from option model");
    }

    @Test
    void fractionalSecondsHeaderIsRejectedRatherThanTruncated() {
        InvalidVideoRequestException e = rejected("direct:generate", "Rain", Map.of(SeedanceConstants.SECONDS, 5.9));
        assertThat(e.getMessage()).contains("seconds", "'5.9'", "header CamelSeedanceSeconds");
    }

    @Test
    void seedHeaderBeyondALongIsRejectedRatherThanClamped() {
        InvalidVideoRequestException e = rejected("direct:generate", "Rain", Map.of(SeedanceConstants.SEED, 1e30));
        assertThat(e.getField()).isEqualTo("seed");
        assertThat(e.getMessage()).contains("header CamelSeedanceSeed", "a whole number");
    }

    @Test
    void aRepeatedLastFrameNamesTheLastFrameField() {
        InvalidVideoRequestException e = rejected(
                "direct:generate",
                VideoGenerationRequest.builder()
                        .prompt("Rain")
                        .firstFrame("https://cdn.example/a.png")
                        .lastFrame("https://cdn.example/b.png")
                        .lastFrame("https://cdn.example/c.png")
                        .build(),
                Map.of());
        assertThat(e.getField()).isEqualTo("lastFrameUrl");
        assertThat(e.getMessage()).contains("last_frame", "2 times");
    }

    @Test
    void referenceRoleMustMatchItsType() {
        InvalidVideoRequestException e = rejected(
                "direct:v2",
                "Rain",
                Map.of(
                        SeedanceConstants.INPUT_REFERENCES,
                        List.of(new InputReference(
                                ReferenceType.IMAGE, "https://cdn.example/r.jpg", ReferenceRole.REFERENCE_AUDIO))));
        assertThat(e.getMessage()).contains("image reference needs role reference_image", "not reference_audio");
    }

    @Test
    void unknownReferenceTypeInTheCompactFormListsTheAllowedTypes() {
        InvalidVideoRequestException e = rejected(
                "direct:v2", "Rain", Map.of(SeedanceConstants.INPUT_REFERENCES, "picture:https://cdn.example/r.jpg"));
        assertThat(e.getMessage()).contains("'picture'", "image, video, audio", "type:url");
    }

    @Test
    void referencesHeaderOfTheWrongTypeIsNamed() {
        InvalidVideoRequestException e = rejected(
                "direct:v2", "Rain", Map.of(SeedanceConstants.INPUT_REFERENCES, List.of("https://cdn.example/r.jpg")));
        assertThat(e.getMessage()).contains("inputReferences", "InputReference", "java.lang.String");
    }

    @Test
    void unsupportedBodyTypeIsRejected() {
        InvalidVideoRequestException e = rejected("direct:generate", Map.of("prompt", "Rain"), Map.of());
        assertThat(e.getMessage()).contains("Unsupported message body", "VideoGenerationRequest");
    }

    static List<Arguments> headersOfTheWrongJavaType() {
        return List.of(
                Arguments.of(SeedanceConstants.PROMPT, Map.of("text", "Rain"), "prompt"),
                Arguments.of(SeedanceConstants.NEGATIVE_PROMPT, List.of("blur", "fog"), "negativePrompt"),
                Arguments.of(SeedanceConstants.MODEL, SeedanceModel.SEEDANCE_2_0, "model"),
                Arguments.of(
                        SeedanceConstants.RESOLUTION, new StringBuilder[] {new StringBuilder("720p")}, "resolution"),
                Arguments.of(SeedanceConstants.IMAGE_URL, new Object(), "imageUrl"),
                Arguments.of(SeedanceConstants.SECONDS, List.of(5), "seconds"),
                Arguments.of(SeedanceConstants.GENERATE_AUDIO, Map.of(), "generateAudio"));
    }

    /** Camel would convert any of these to text with toString(), and that text would be sent and billed. */
    @ParameterizedTest
    @MethodSource("headersOfTheWrongJavaType")
    void aHeaderOfTheWrongJavaTypeIsRefusedNamingTheHeader(String header, Object value, String field) {
        InvalidVideoRequestException e = rejected("direct:generate", "Rain", Map.of(header, value));
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getMessage())
                .contains("from header " + header, value.getClass().getName());
    }

    @Test
    void aBodyOfBytesThatIsNotUtf8IsRefusedNamingThePrompt() {
        byte[] latin1 = "Café au lait".getBytes(StandardCharsets.ISO_8859_1);
        InvalidVideoRequestException e = rejected("direct:generate", latin1, Map.of());
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage()).contains("the message body", "not valid UTF-8", "byte offset 3", "CamelCharsetName");
    }

    @Test
    void aStreamBodyThatIsNotUtf8IsRefusedNamingThePrompt() {
        byte[] bytes = {'R', 'a', 'i', 'n', ' ', (byte) 0xC3, '('};
        InvalidVideoRequestException e = rejected("direct:generate", new ByteArrayInputStream(bytes), Map.of());
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage()).contains("the message body", "not valid UTF-8", "byte offset 5");
    }

    @Test
    void aTextHeaderOfBytesThatIsNotUtf8IsRefusedNamingTheHeader() {
        InvalidVideoRequestException e = rejected(
                "direct:generate", "Rain", Map.of(SeedanceConstants.NEGATIVE_PROMPT, new byte[] {'b', (byte) 0xFF}));
        assertThat(e.getField()).isEqualTo("negativePrompt");
        assertThat(e.getMessage()).contains("header CamelSeedanceNegativePrompt", "not valid UTF-8", "byte offset 1");
    }

    @Test
    void anUnpairedSurrogateInAHeaderIsRefusedNamingTheHeader() {
        InvalidVideoRequestException e =
                rejected("direct:generate", "Body", Map.of(SeedanceConstants.PROMPT, "Rain \uD83D over Tokyo"));
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage()).contains("header CamelSeedancePrompt", "unpaired surrogate", "\\ud83d", "offset 5");
    }

    @Test
    void anUnpairedSurrogateInATextBodyIsRefused() {
        InvalidVideoRequestException e = rejected("direct:generate", "Rain \uDE00", Map.of());
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage()).contains("the message body", "unpaired surrogate");
    }

    @Test
    void anUnpairedSurrogateInATypedBodyFieldIsRefusedNamingTheField() {
        InvalidVideoRequestException e = rejected(
                "direct:generate",
                VideoGenerationRequest.builder()
                        .prompt("Rain")
                        .negativePrompt("fog \uDBFF")
                        .build(),
                Map.of());
        assertThat(e.getField()).isEqualTo("negativePrompt");
        assertThat(e.getMessage()).contains("body field negativePrompt", "unpaired surrogate");
    }

    @Test
    void anUnpairedSurrogateInAReferenceUrlIsRefused() {
        InvalidVideoRequestException e = rejected(
                "direct:v2",
                "Rain",
                Map.of(
                        SeedanceConstants.INPUT_REFERENCES,
                        List.of(InputReference.image("https://cdn.example/\uD800.jpg"))));
        assertThat(e.getField()).isEqualTo("inputReferences");
        assertThat(e.getMessage()).contains("header CamelSeedanceInputReferences", "unpaired surrogate");
    }

    @Test
    void aPromptLongerThanMaxPromptLengthIsRefusedWithoutShowingIt() {
        InvalidVideoRequestException e = rejected("direct:short", "Rain over Tokyo", Map.of());
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage())
                .contains("the message body", "15 characters", "maxPromptLength 10")
                .doesNotContain("Tokyo");
    }

    @Test
    void aNegativePromptLongerThanMaxPromptLengthIsRefused() {
        InvalidVideoRequestException e =
                rejected("direct:short", "Rain", Map.of(SeedanceConstants.NEGATIVE_PROMPT, "blur, text, watermarks"));
        assertThat(e.getField()).isEqualTo("negativePrompt");
        assertThat(e.getMessage())
                .contains("header CamelSeedanceNegativePrompt", "22 characters", "maxPromptLength 10");
    }

    @Test
    void aLongTextBodyIsRefusedWithoutBeingReadWhole() {
        byte[] huge = "Rain ".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream body = new ByteArrayInputStream(huge);
        InvalidVideoRequestException e = rejected("direct:short", body, Map.of());
        assertThat(e.getField()).isEqualTo("prompt");
        assertThat(e.getMessage()).contains("the message body", "maxPromptLength 10");
        assertThat(huge.length - body.available()).as("bytes read").isLessThanOrEqualTo(41);
    }

    @Test
    void lineBreaksInAValueDoNotBreakTheMessageLine() {
        InvalidVideoRequestException e =
                rejected("direct:generate", "Rain", Map.of(SeedanceConstants.RESOLUTION, "720p\r\nERROR forged line"));
        assertThat(e.getMessage()).doesNotContain("\r", "\n").contains("'720p\\r\\nERROR forged line'");
    }

    @Test
    void aRejectedMessageDoesNotStopTheRoute() {
        rejected("direct:generate", "Rain", Map.of(SeedanceConstants.SECONDS, 7));

        Exchange ok = template.request("direct:generate", e -> e.getMessage().setBody("Rain"));
        assertThat(ok.getException()).isNull();
        assertThat(SEEDANCE.generationCount()).isEqualTo(1);
        SEEDANCE.reset();
    }
}
