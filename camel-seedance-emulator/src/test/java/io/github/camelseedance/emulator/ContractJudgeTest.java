package io.github.camelseedance.emulator;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContractJudgeTest {

    private static final Map<String, String> HEADERS = Map.of(
            "authorization", "Bearer some-key",
            "content-type", "application/json");

    private final ContractJudge judge = new ContractJudge();

    /** JSON written with single quotes, so the cases below stay readable. */
    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    @Test
    void minimalRequestHasNoViolations() {
        Verdict verdict = judge.judge(HEADERS, json("{'model':'ByteDance-Seedance-1.5-pro','prompt':'a shiba inu'}"));

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.firstField()).isNull();
    }

    @Test
    void fullFrameImagesRequestHasNoViolations() {
        String body = json("{'model':'ByteDance-Seedance-1.0-pro','prompt':'a shiba inu running on the beach',"
                + "'seconds':10,'resolution':'1080p','aspect_ratio':'9:16','negative_prompt':'blur',"
                + "'seed':-9223372036854775808,'generate_audio':true,'frame_images':["
                + "{'type':'first_frame','url':'https://cdn.example.com/start.jpg'},"
                + "{'type':'last_frame','url':'http://cdn.example.com:8080/end.jpg?sig=a%2Fb'}]}");

        assertThat(judge.violations(HEADERS, body)).isEmpty();
    }

    @Test
    void fullReferencesRequestOnA20ModelHasNoViolations() {
        String body = json("{'model':'SIRAYA-Seedance-2.0-fast','prompt':'p','seconds':5,'resolution':'480p',"
                + "'aspect_ratio':'1:1','seed':42,'generate_audio':false,'input_references':["
                + "{'type':'image','url':'https://x.example/a.png','role':'reference_image'},"
                + "{'type':'video','url':'https://x.example/b.mp4','role':'reference_video'},"
                + "{'type':'audio','url':'https://my_bucket.s3.amazonaws.com/c.mp3','role':'reference_audio'}]}");

        assertThat(judge.violations(HEADERS, body)).isEmpty();
    }

    @Test
    void imageUrlRequestHasNoViolations() {
        String body = json("{'model':'ByteDance-Seedance-1.5-pro','prompt':'p','image_url':'https://x.example/a.png'}");

        assertThat(judge.violations(HEADERS, body)).isEmpty();
    }

    @Test
    void unknownModelIdIsAcceptedEvenWithReferences() {
        String body = json("{'model':'SIRAYA-Seedance-3.0','prompt':'p',"
                + "'input_references':[{'type':'image','url':'https://x.example/a.png','role':'reference_image'}]}");

        assertThat(judge.violations(HEADERS, body)).isEmpty();
    }

    @Test
    void wrongApiKeyIsNotAWireFormatViolation() {
        Map<String, String> headers = Map.of("Authorization", "Bearer not-the-key", "Content-Type", "application/json");

        assertThat(judge.violations(headers, json("{'model':'m','prompt':'p'}")))
                .isEmpty();
    }

    @Test
    void charsetUtf8IsAccepted() {
        Map<String, String> headers =
                Map.of("authorization", "Bearer k", "content-type", "application/json; charset=UTF-8");

        assertThat(judge.violations(headers, json("{'model':'m','prompt':'p'}")))
                .isEmpty();
    }

    static Stream<Arguments> headerViolations() {
        return Stream.of(
                Arguments.of(
                        "missing Authorization",
                        Map.of("content-type", "application/json"),
                        "Authorization",
                        "missing"),
                Arguments.of(
                        "non-Bearer scheme",
                        Map.of("authorization", "Basic dXNlcjpzZWNyZXQ=", "content-type", "application/json"),
                        "Authorization",
                        "\"Basic\""),
                Arguments.of(
                        "Bearer without a key",
                        Map.of("authorization", "Bearer ", "content-type", "application/json"),
                        "Authorization",
                        "no API key"),
                Arguments.of("missing Content-Type", Map.of("authorization", "Bearer k"), "Content-Type", "missing"),
                Arguments.of(
                        "non-JSON Content-Type",
                        Map.of("authorization", "Bearer k", "content-type", "text/plain"),
                        "Content-Type",
                        "\"text/plain\""),
                Arguments.of(
                        "non-UTF-8 charset",
                        Map.of("authorization", "Bearer k", "content-type", "application/json; charset=ISO-8859-1"),
                        "Content-Type",
                        "ISO-8859-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerViolations")
    void headerRuleProducesAViolationNamingTheHeader(
            String rule, Map<String, String> headers, String field, String valueShown) {
        Verdict verdict = judge.judge(headers, json("{'model':'m','prompt':'p'}"));

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.message()).contains(field, valueShown);
        });
    }

    @Test
    void credentialsNeverAppearInAViolation() {
        Map<String, String> headers =
                Map.of("authorization", "Basic dXNlcjpzZWNyZXQ=", "content-type", "application/json");

        assertThat(judge.violations(headers, json("{'model':'m','prompt':'p'}")))
                .noneMatch(message -> message.contains("dXNlcjpzZWNyZXQ="));
    }

    static Stream<Arguments> bodyViolations() {
        String base = "'model':'ByteDance-Seedance-1.5-pro','prompt':'p'";
        String v2 = "'model':'SIRAYA-Seedance-2.0','prompt':'p'";
        String ref = "{'type':'image','url':'https://x.example/a.png','role':'reference_image'}";
        String first = "{'type':'first_frame','url':'https://x.example/a.png'}";
        return Stream.of(
                Arguments.of("unknown field", "{" + base + ",'duration':5}", "duration", "not part of the contract"),
                Arguments.of("null field", "{" + base + ",'seed':null}", "seed", "not sent as null"),
                Arguments.of(
                        "null inside an item",
                        "{" + base + ",'frame_images':[{'type':'first_frame','url':null}]}",
                        "frame_images[0].url",
                        "not sent as null"),
                Arguments.of("model missing", "{'prompt':'p'}", "model", "missing"),
                Arguments.of("model blank", "{'model':'  ','prompt':'p'}", "model", "blank"),
                Arguments.of("model not a string", "{'model':15,'prompt':'p'}", "model", "the integer 15"),
                Arguments.of("prompt missing", "{'model':'ByteDance-Seedance-1.5-pro'}", "prompt", "missing"),
                Arguments.of(
                        "prompt blank", "{'model':'ByteDance-Seedance-1.5-pro','prompt':' \\n '}", "prompt", "blank"),
                Arguments.of(
                        "prompt with an unpaired surrogate",
                        "{'model':'ByteDance-Seedance-1.5-pro','prompt':'Rain \\ud83d over Tokyo'}",
                        "prompt",
                        "unpaired surrogate \\ud83d at offset 5"),
                Arguments.of(
                        "frame url with an unpaired surrogate",
                        "{" + base + ",'frame_images':[{'type':'first_frame','url':'https://x.example/\\udc00.png'}]}",
                        "frame_images[0].url",
                        "unpaired surrogate \\udc00"),
                Arguments.of("seconds as a string", "{" + base + ",'seconds':'5'}", "seconds", "the string \"5\""),
                Arguments.of(
                        "seconds as a decimal", "{" + base + ",'seconds':5.0}", "seconds", "non-integer number 5.0"),
                Arguments.of("seconds not 5 or 10", "{" + base + ",'seconds':7}", "seconds", "the integer 7"),
                Arguments.of("resolution unknown", "{" + base + ",'resolution':'4k'}", "resolution", "\"4k\""),
                Arguments.of("resolution upper case", "{" + base + ",'resolution':'720P'}", "resolution", "\"720P\""),
                Arguments.of("aspect_ratio unknown", "{" + base + ",'aspect_ratio':'4:3'}", "aspect_ratio", "\"4:3\""),
                Arguments.of(
                        "negative_prompt not a string",
                        "{" + base + ",'negative_prompt':['blur']}",
                        "negative_prompt",
                        "an array"),
                Arguments.of("seed as a string", "{" + base + ",'seed':'42'}", "seed", "the string \"42\""),
                Arguments.of("seed as a decimal", "{" + base + ",'seed':4.2}", "seed", "4.2"),
                Arguments.of(
                        "seed beyond 64 bits",
                        "{" + base + ",'seed':9223372036854775808}",
                        "seed",
                        "9223372036854775808"),
                Arguments.of(
                        "generate_audio as a string",
                        "{" + base + ",'generate_audio':'true'}",
                        "generate_audio",
                        "the string \"true\""),
                Arguments.of(
                        "image_url a file URL",
                        "{" + base + ",'image_url':'file:/tmp/a.png'}",
                        "image_url",
                        "\"file:/tmp/a.png\""),
                Arguments.of("image_url relative", "{" + base + ",'image_url':'/a.png'}", "image_url", "\"/a.png\""),
                Arguments.of(
                        "image_url without host",
                        "{" + base + ",'image_url':'https:///a.png'}",
                        "image_url",
                        "\"https:///a.png\""),
                Arguments.of("image_url ftp", "{" + base + ",'image_url':'ftp://x.example/a.png'}", "image_url", "ftp"),
                Arguments.of(
                        "frame_images not an array",
                        "{" + base + ",'frame_images':" + first + "}",
                        "frame_images",
                        "an object"),
                Arguments.of("frame_images empty", "{" + base + ",'frame_images':[]}", "frame_images", "empty array"),
                Arguments.of(
                        "frame item not an object",
                        "{" + base + ",'frame_images':['https://x.example/a.png']}",
                        "frame_images[0]",
                        "the string"),
                Arguments.of(
                        "frame item extra key",
                        "{" + base + ",'frame_images':[{'type':'first_frame',"
                                + "'url':'https://x.example/a.png','role':'reference_image'}]}",
                        "frame_images[0].role",
                        "not allowed"),
                Arguments.of(
                        "frame item without url",
                        "{" + base + ",'frame_images':[{'type':'first_frame'}]}",
                        "frame_images[0].url",
                        "missing"),
                Arguments.of(
                        "frame type unknown",
                        "{" + base + ",'frame_images':[{'type':'middle_frame'," + "'url':'https://x.example/a.png'}]}",
                        "frame_images[0].type",
                        "\"middle_frame\""),
                Arguments.of(
                        "frame type twice",
                        "{" + base + ",'frame_images':[" + first + "," + first + "]}",
                        "frame_images[1].type",
                        "\"first_frame\""),
                Arguments.of(
                        "last frame without first",
                        "{" + base + ",'frame_images':[{'type':'last_frame'," + "'url':'https://x.example/a.png'}]}",
                        "frame_images",
                        "\"last_frame\""),
                Arguments.of(
                        "frame url relative",
                        "{" + base + ",'frame_images':[{'type':'first_frame'," + "'url':'start.jpg'}]}",
                        "frame_images[0].url",
                        "\"start.jpg\""),
                Arguments.of(
                        "input_references empty",
                        "{" + v2 + ",'input_references':[]}",
                        "input_references",
                        "empty array"),
                Arguments.of(
                        "reference type unknown",
                        "{" + v2 + ",'input_references':[{'type':'text',"
                                + "'url':'https://x.example/a.txt','role':'reference_image'}]}",
                        "input_references[0].type",
                        "\"text\""),
                Arguments.of(
                        "reference role unknown",
                        "{" + v2 + ",'input_references':[{'type':'image',"
                                + "'url':'https://x.example/a.png','role':'style'}]}",
                        "input_references[0].role",
                        "\"style\""),
                Arguments.of(
                        "reference role not matching type",
                        "{" + v2 + ",'input_references':[{'type':'image',"
                                + "'url':'https://x.example/a.png','role':'reference_video'}]}",
                        "input_references[0].role",
                        "\"reference_video\""),
                Arguments.of(
                        "reference without role",
                        "{" + v2 + ",'input_references':[{'type':'image'," + "'url':'https://x.example/a.png'}]}",
                        "input_references[0].role",
                        "missing"),
                Arguments.of(
                        "reference extra key",
                        "{" + v2 + ",'input_references':[{'type':'image',"
                                + "'url':'https://x.example/a.png','role':'reference_image','weight':1}]}",
                        "input_references[0].weight",
                        "not allowed"),
                Arguments.of(
                        "reference url a file",
                        "{" + v2 + ",'input_references':[{'type':'audio',"
                                + "'url':'file:///a.mp3','role':'reference_audio'}]}",
                        "input_references[0].url",
                        "file:///a.mp3"),
                Arguments.of(
                        "references on a 1.x model",
                        "{" + base + ",'input_references':[" + ref + "]}",
                        "input_references",
                        "\"ByteDance-Seedance-1.5-pro\""),
                Arguments.of(
                        "frame_images with input_references",
                        "{" + v2 + ",'frame_images':[" + first + "]," + "'input_references':[" + ref + "]}",
                        "input_references",
                        "frame_images"),
                Arguments.of(
                        "image_url with frame_images",
                        "{" + base + ",'image_url':'https://x.example/a.png'," + "'frame_images':[" + first + "]}",
                        "image_url",
                        "frame_images"),
                Arguments.of(
                        "image_url with input_references",
                        "{" + v2 + ",'image_url':'https://x.example/a.png'," + "'input_references':[" + ref + "]}",
                        "image_url",
                        "input_references"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyViolations")
    void bodyRuleProducesAViolationNamingTheFieldAndValue(String rule, String body, String field, String valueShown) {
        Verdict verdict = judge.judge(HEADERS, json(body));

        assertThat(verdict.violations()).as("violations of %s", body).anySatisfy(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.message()).contains("'" + field + "'", valueShown);
        });
    }

    static Stream<Arguments> bodiesThatAreNotOneObject() {
        return Stream.of(
                Arguments.of("empty", "", "empty"),
                Arguments.of("not JSON", "model=m&prompt=p", "not one valid JSON value"),
                Arguments.of("an array", "[{\"model\":\"m\",\"prompt\":\"p\"}]", "an array"),
                Arguments.of("a duplicate key", "{\"model\":\"m\",\"prompt\":\"p\",\"prompt\":\"q\"}", "Duplicate"),
                Arguments.of("two objects", "{\"model\":\"m\",\"prompt\":\"p\"}{}", "not one valid JSON value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesThatAreNotOneObject")
    void bodyThatIsNotOneJsonObjectIsAViolationAboutNoField(String shape, String body, String fragment) {
        Verdict verdict = judge.judge(HEADERS, body);

        assertThat(verdict.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isNull();
            assertThat(violation.message()).contains(fragment, "one JSON object");
        });
    }

    @Test
    void aSurrogatePairIsValidText() {
        String body = json("{'model':'ByteDance-Seedance-1.5-pro','prompt':'Rain \\ud83c\\udf27 over Tokyo 🌧'}");

        assertThat(judge.violations(HEADERS, body)).isEmpty();
    }

    @Test
    void everyViolationIsReportedAndTheFirstGivesTheParam() {
        Verdict verdict =
                judge.judgeBody(json("{'model':'ByteDance-Seedance-1.5-pro','seconds':'5','resolution':'4k'}"));

        assertThat(verdict.violations())
                .extracting(Violation::field)
                .containsExactly("prompt", "seconds", "resolution");
        assertThat(verdict.firstField()).isEqualTo("prompt");
        assertThat(verdict.firstMessage()).isEqualTo(verdict.messages().get(0));
    }

    @Test
    void hugeValuesAreShortenedInMessages() {
        String longResolution = "x".repeat(5_000);
        Verdict verdict = judge.judgeBody(json("{'model':'m','prompt':'p','resolution':'" + longResolution + "'}"));

        assertThat(verdict.firstMessage()).hasSizeLessThan(300).contains("...");
    }
}
