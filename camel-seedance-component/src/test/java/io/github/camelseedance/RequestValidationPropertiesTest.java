package io.github.camelseedance;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelseedance.emulator.ContractJudge;
import io.github.camelseedance.emulator.RecordedRequest;
import io.github.camelseedance.emulator.SeedanceEmulatorExtension;
import io.github.camelseedance.emulator.Verdict;
import io.github.camelseedance.model.FrameImage;
import io.github.camelseedance.model.InputReference;
import io.github.camelseedance.model.ReferenceRole;
import io.github.camelseedance.model.ReferenceType;
import io.github.camelseedance.model.VideoGenerationRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each generated request (endpoint options, a body, CamelSeedance headers) is either sent once and accepted by the
 * emulator's {@link ContractJudge}, or refused before sending for a field the judge faults in the same request. A field
 * is set in one place only, so that request is the union of the three; precedence is {@link SeedancePrecedenceTest}'s.
 */
class RequestValidationPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContractJudge JUDGE = new ContractJudge();

    // jqwik runs no Jupiter extensions, so its container hooks start and stop this one
    private static final SeedanceEmulatorExtension SEEDANCE = SeedanceEmulatorExtension.builder()
            .apiKey(SeedanceTestSupport.API_KEY)
            .build();
    private static DefaultCamelContext context;

    @BeforeContainer
    static void start() {
        SEEDANCE.beforeAll(null);
        context = new DefaultCamelContext();
        context.addComponent("seedance", SeedanceTestSupport.pointedAt(SEEDANCE, SeedanceTestSupport.API_KEY));
        context.start();
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.stop();
        }
        SEEDANCE.afterAll(null);
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    void sentOnlyWhatTheJudgeAcceptsAndRefusedOnlyForAFieldItFaults(@ForAll("requests") Request request)
            throws Exception {
        SEEDANCE.reset();
        JsonNode asked = request.json();
        Verdict verdict = JUDGE.judgeBody(asked.toString());
        Throwable failure = request.send();
        Supplier<String> about = () ->
                request + "\n  as JSON: " + asked + "\n  judge: " + verdict.messages() + "\n  failure: " + failure;

        if (verdict.valid()) {
            assertThat(failure).as(about).isNull();
            assertThat(SEEDANCE.generationRequests()).as(about).hasSize(1);
            RecordedRequest received = SEEDANCE.generationRequests().get(0);
            assertThat(received.violations()).as(about).isEmpty();
            assertThat(received.json()).as(about).isEqualTo(asked);
        } else {
            assertThat(SEEDANCE.generationRequests()).as(about).isEmpty();
            InvalidVideoRequestException refusal = Stream.iterate(failure, t -> t != null, Throwable::getCause)
                    .filter(InvalidVideoRequestException.class::isInstance)
                    .map(InvalidVideoRequestException.class::cast)
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("not refused with InvalidVideoRequestException" + about.get()));
            Set<String> faulted = verdict.violations().stream()
                    .map(v -> v.field() == null ? "request" : v.field().split("[\\[.]")[0])
                    .collect(Collectors.toSet());
            assertThat(faulted).as(about).contains(jsonName(refusal.getField()));
            Statistics.label("refused for").collect(jsonName(refusal.getField()));
        }
        Statistics.label("outcome").collect(verdict.valid() ? "sent" : "refused");
        Statistics.label("outcome").coverage(c -> {
            c.check("sent").percentage(p -> p >= 25);
            c.check("refused").percentage(p -> p >= 25);
        });
        Statistics.label("refused for")
                .coverage(c ->
                        Stream.of(Field.values()).forEach(f -> c.check(f.json).count(n -> n > 0)));
    }

    /** The request fields by JSON name, option and header. */
    enum Field {
        MODEL("model", "model", SeedanceConstants.MODEL),
        PROMPT("prompt", "prompt", SeedanceConstants.PROMPT),
        SECONDS("seconds", "seconds", SeedanceConstants.SECONDS),
        RESOLUTION("resolution", "resolution", SeedanceConstants.RESOLUTION),
        ASPECT_RATIO("aspect_ratio", "aspectRatio", SeedanceConstants.ASPECT_RATIO),
        IMAGE_URL("image_url", "imageUrl", SeedanceConstants.IMAGE_URL),
        NEGATIVE_PROMPT("negative_prompt", "negativePrompt", SeedanceConstants.NEGATIVE_PROMPT),
        SEED("seed", "seed", SeedanceConstants.SEED),
        GENERATE_AUDIO("generate_audio", "generateAudio", SeedanceConstants.GENERATE_AUDIO),
        // an option and a header per frame type, see frames(); both frames come from one place, so that the
        // request judged stays the union of the places
        FRAME_IMAGES("frame_images", null, null),
        INPUT_REFERENCES("input_references", "inputReferences", SeedanceConstants.INPUT_REFERENCES);

        final String json;
        final String option;
        final String header;

        Field(String json, String option, String header) {
            this.json = json;
            this.option = option;
            this.header = header;
        }
    }

    /** The JSON field of the option name InvalidVideoRequestException gives. */
    private static String jsonName(String option) {
        return option.equals("firstFrameUrl") || option.equals("lastFrameUrl")
                ? Field.FRAME_IMAGES.json
                : Stream.of(Field.values())
                        .filter(f -> option.equals(f.option))
                        .map(f -> f.json)
                        .findFirst()
                        .orElse(option);
    }

    private static final List<String> URLS = List.of(
            "https://cdn.example.com/start.png",
            "HTTPS://CDN.EXAMPLE.COM/A.PNG",
            "https://my_cdn.example.com/x.png",
            "https://cdn.example.com:8443/a%20b.png?sig=abc&exp=1",
            "https://[2001:db8::1]/x.png");
    private static final List<String> BAD_URLS = List.of(
            "file:///tmp/cat.png",
            "s3://bucket/key.png",
            "images/cat.png",
            "//cdn.example.com/x.png",
            "",
            "   ",
            " https://cdn.example.com/a.png",
            "https://cdn.example.com/my cat.png",
            "https://",
            "https://user@/x.png",
            "https://cdn.example.com/\uD83D.png"); // half a surrogate pair

    /** Values the judge accepts; a body field has their Java type, an option their text. */
    private static List<?> valid(Field f) {
        return switch (f) {
            case MODEL ->
                List.of(
                        "ByteDance-Seedance-1.0-pro",
                        "ByteDance-Seedance-1.0-pro-fast",
                        "ByteDance-Seedance-1.5-pro",
                        "SIRAYA-Seedance-2.0",
                        "SIRAYA-Seedance-2.0-fast",
                        "ByteDance-Seedance-3.0-preview", // unknown ids are sent unchanged, and may carry references
                        "siraya-seedance-2.0",
                        "  SIRAYA-Seedance-2.0 "); // sent without the spaces around it, see meaning()
            case PROMPT -> List.of("A shiba inu on the beach", "Rain over Tokyo, neon & steam");
            case SECONDS -> List.of(5, 10);
            case RESOLUTION -> List.of("480p", "720p", "1080p");
            case ASPECT_RATIO -> List.of("16:9", "9:16", "1:1");
            case IMAGE_URL -> URLS;
            case NEGATIVE_PROMPT -> List.of("blur", "text, watermarks", "", "  "); // a blank one is not sent
            case SEED -> List.of(42L, -1L, Long.MAX_VALUE, Long.MIN_VALUE);
            case GENERATE_AUDIO -> List.of(true, false);
            case FRAME_IMAGES, INPUT_REFERENCES -> throw new IllegalArgumentException(f.json);
        };
    }

    /** Values the judge may fault (it decides, not this list). */
    private static List<?> invalid(Field f) {
        return switch (f) {
            case MODEL -> List.of("", "   ", "SIRAYA-Seedance-2.0\uDC00");
            case PROMPT -> List.of("", "   ", "Rain \uD83D over Tokyo");
            case NEGATIVE_PROMPT -> List.of("fog \uD800");
            case SECONDS -> List.of(7, 0, -5, "ten", 4294967301L, 5.9d, true);
            case RESOLUTION -> List.of("4k", "720P", "");
            case ASPECT_RATIO -> List.of("4:3", "16x9", "");
            case IMAGE_URL -> BAD_URLS;
            case SEED -> List.of("abc", 4.2d, 1e30d, new BigInteger("99999999999999999999"));
            case GENERATE_AUDIO -> List.of("maybe", "yes", " true");
            default -> List.of();
        };
    }

    /** What a valid value asks the provider for: a model id without the spaces around it, no blank negative prompt. */
    private static Object meaning(Field f, Object value) {
        if (f == Field.MODEL && value instanceof String id) {
            return id.strip();
        }
        return f == Field.NEGATIVE_PROMPT && value instanceof String text && text.isBlank() ? null : value;
    }

    /** Header values of a Java type that is no text, number or boolean: refused, never sent as their toString(). */
    private static final List<Value> WRONG_TYPES = List.of(v(Map.of("text", "Rain")), v(List.of("blur")));

    /** Other forms a header may give a valid value in: text as bytes (UTF-8) or another CharSequence, numbers. */
    private static final Map<Field, List<Value>> HEADER_FORMS = Map.of(
            Field.MODEL, List.of(v(utf8(" SIRAYA-Seedance-2.0"), "SIRAYA-Seedance-2.0")),
            Field.PROMPT, List.of(v(utf8("Café ☕ at dawn"), "Café ☕ at dawn")),
            Field.RESOLUTION, List.of(v(new StringBuilder("720p"), "720p")),
            Field.SECONDS, List.of(v(10L, 10), v(5.0d, 5), v("10", 10), v(utf8("5"), 5)),
            Field.SEED, List.of(v(7, 7), v("42", 42), v(3.0d, 3)),
            Field.GENERATE_AUDIO, List.of(v("true", true), v("False", false)));

    enum Layer {
        OPTION,
        BODY,
        TEXT_BODY,
        HEADER
    }

    /** A value as its layer carries it (frames in options or headers: by name), and its JSON (null: none). */
    record Value(Object raw, JsonNode json) {}

    record Setting(Field field, Layer layer, Value value) {}

    /** One exchange: each field set once at most, and whether the body is a VideoGenerationRequest. */
    record Request(List<Setting> settings, boolean typedBody) {

        String uri() {
            String query = named(Layer.OPTION).entrySet().stream()
                    .map(e -> e.getKey() + "=RAW(" + e.getValue() + ")")
                    .collect(Collectors.joining("&"));
            return "seedance:generate" + (query.isEmpty() ? "" : "?" + query);
        }

        /** The options or the headers. */
        Map<String, Object> named(Layer layer) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (Setting s : in(layer)) {
                if (s.field() == Field.FRAME_IMAGES && s.value().raw() instanceof Map<?, ?> frames) {
                    frames.forEach((name, url) -> named.put((String) name, url));
                } else {
                    named.put(
                            layer == Layer.OPTION ? s.field().option : s.field().header,
                            s.value().raw());
                }
            }
            return named;
        }

        @SuppressWarnings("unchecked")
        Object body() {
            Optional<Setting> text = in(Layer.TEXT_BODY).stream().findFirst();
            if (text.isPresent() || !typedBody) {
                return text.map(s -> s.value().raw()).orElse(null);
            }
            VideoGenerationRequest.Builder b = VideoGenerationRequest.builder();
            for (Setting s : in(Layer.BODY)) {
                Object raw = s.value().raw();
                switch (s.field()) {
                    case MODEL -> b.model((String) raw);
                    case PROMPT -> b.prompt((String) raw);
                    case SECONDS -> b.seconds((Integer) raw);
                    case RESOLUTION -> b.resolution((String) raw);
                    case ASPECT_RATIO -> b.aspectRatio((String) raw);
                    case IMAGE_URL -> b.imageUrl((String) raw);
                    case NEGATIVE_PROMPT -> b.negativePrompt((String) raw);
                    case SEED -> b.seed((Long) raw);
                    case GENERATE_AUDIO -> b.generateAudio((Boolean) raw);
                    case FRAME_IMAGES -> ((List<FrameImage>) raw).forEach(b::frameImage);
                    case INPUT_REFERENCES -> ((List<InputReference>) raw).forEach(b::inputReference);
                }
            }
            return b.build();
        }

        /** The request to judge: each field from where it is set; the model option's default if none sets it. */
        JsonNode json() throws Exception {
            ObjectNode json = JSON.createObjectNode().put("model", "ByteDance-Seedance-1.5-pro");
            settings.stream()
                    .filter(s -> s.value().json() != null)
                    .forEach(s -> json.set(s.field().json, s.value().json()));
            return JSON.readTree(json.toString()); // numbers as a parser reads them, to compare with what was sent
        }

        /** Sends the exchange through the endpoint of its options; the failure, if any. */
        Throwable send() {
            try {
                Endpoint endpoint = context.getEndpoint(uri()); // checks the options
                Producer producer = endpoint.createProducer();
                producer.start();
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setHeaders(named(Layer.HEADER));
                exchange.getMessage().setBody(body());
                producer.process(exchange);
                producer.stop();
                return exchange.getException();
            } catch (Exception e) {
                return e;
            }
        }

        private List<Setting> in(Layer layer) {
            return settings.stream().filter(s -> s.layer() == layer).toList();
        }

        @Override
        public String toString() {
            Object body = body() instanceof byte[] b ? "bytes of " + new String(b, StandardCharsets.UTF_8) : body();
            return "\n  endpoint: " + uri() + "\n  headers: " + named(Layer.HEADER) + "\n  body: " + body;
        }
    }

    // A clean request has valid values and one media mode at most; otherwise one value in four is invalid.
    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> body =
                Arbitraries.frequency(Tuple.of(15, "none"), Tuple.of(25, "text"), Tuple.of(60, "typed"));
        Arbitrary<String> media = Arbitraries.of("none", "image_url", "frame_images", "input_references");
        return Combinators.combine(Arbitraries.of(true, false), media, body).flatAs((clean, mode, kind) -> {
            List<Arbitrary<Optional<Setting>>> fields = new ArrayList<>();
            for (Field f : Field.values()) {
                double presence = switch (f) {
                    case PROMPT -> 0.95;
                    case MODEL -> mode.equals("input_references") ? 0.8 : 0.5;
                    case IMAGE_URL, FRAME_IMAGES, INPUT_REFERENCES -> f.json.equals(mode) ? 0.8 : clean ? 0 : 0.15;
                    default -> 0.3;
                };
                List<Layer> layers = switch (kind) {
                    case "none" -> List.of(Layer.OPTION, Layer.HEADER);
                    case "text" -> f == Field.PROMPT ? List.of(Layer.TEXT_BODY) : List.of(Layer.OPTION, Layer.HEADER);
                    default -> List.of(Layer.OPTION, Layer.BODY, Layer.HEADER);
                };
                fields.add(Arbitraries.of(layers)
                        .flatMap(l -> value(f, l, clean).map(v -> new Setting(f, l, v)))
                        .optional(presence));
            }
            return Combinators.combine(fields)
                    .as(all ->
                            new Request(all.stream().flatMap(Optional::stream).toList(), kind.equals("typed")));
        });
    }

    private static Arbitrary<Value> value(Field f, Layer layer, boolean clean) {
        if (f == Field.FRAME_IMAGES) {
            return frames(clean, layer);
        } else if (f == Field.INPUT_REFERENCES) {
            return references(clean, layer);
        } else if (layer == Layer.TEXT_BODY) { // a blank text body sets no prompt; UTF-8 has no half surrogate pair
            return Combinators.combine(pick(clean, valid(f), invalid(f)), Arbitraries.of(false, true))
                    .as((text, bytes) -> {
                        String meant =
                                bytes ? new String(utf8(text.toString()), StandardCharsets.UTF_8) : text.toString();
                        return v(bytes ? utf8(text.toString()) : text, meant.isBlank() ? null : meant);
                    });
        }
        Class<?> bodyType = valid(f).get(0).getClass();
        Arbitrary<Value> value = pick(clean, valid(f), invalid(f))
                .filter(x -> layer != Layer.BODY || bodyType.isInstance(x))
                .map(x -> v(layer == Layer.OPTION ? x.toString() : x, meaning(f, x)));
        if (layer != Layer.HEADER) {
            return value;
        }
        if (HEADER_FORMS.containsKey(f)) {
            value = Arbitraries.oneOf(value, Arbitraries.of(HEADER_FORMS.get(f)));
        }
        return clean ? value : Arbitraries.frequencyOf(Tuple.of(9, value), Tuple.of(1, Arbitraries.of(WRONG_TYPES)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Frames as F (first) and L (last): first; first and last; or, not clean, a last alone or a type repeated. */
    private static Arbitrary<Value> frames(boolean clean, Layer layer) {
        List<String> shapes = clean
                ? List.of("F", "FL")
                : layer == Layer.BODY ? List.of("F", "FL", "L", "FF", "FLL") : List.of("F", "FL", "L");
        Arbitrary<String> url = layer == Layer.BODY && !clean ? url(false).injectNull(0.05) : url(clean);
        return Combinators.combine(Arbitraries.of(shapes), url.list().ofSize(3)).as((shape, urls) -> {
            Map<String, String> named = new LinkedHashMap<>();
            List<FrameImage> typed = new ArrayList<>();
            ArrayNode json = JSON.createArrayNode();
            for (int i = 0; i < shape.length(); i++) {
                boolean first = shape.charAt(i) == 'F';
                String option = first ? "firstFrameUrl" : "lastFrameUrl";
                String header = first ? SeedanceConstants.FIRST_FRAME_URL : SeedanceConstants.LAST_FRAME_URL;
                named.put(layer == Layer.OPTION ? option : header, urls.get(i));
                typed.add(first ? FrameImage.firstFrame(urls.get(i)) : FrameImage.lastFrame(urls.get(i)));
                json.addObject()
                        .put("type", first ? "first_frame" : "last_frame")
                        .put("url", urls.get(i));
            }
            return new Value(layer == Layer.BODY ? typed : named, json);
        });
    }

    private static Arbitrary<Value> references(boolean clean, Layer layer) {
        // the compact type:url form has no role and trims its items
        Arbitrary<Value> compact = Combinators.combine(
                        pick(clean, List.of("image", "video", "audio"), List.of("picture")),
                        url(clean).filter(u -> u.equals(u.strip())))
                .as((type, url) -> new Ref(type, url, ""))
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(refs -> new Value(
                        refs.stream().map(r -> r.type() + ":" + r.url()).collect(Collectors.joining(", ")),
                        json(refs)));
        Arbitrary<Ref> item = Combinators.combine(
                        Arbitraries.of("image", "video", "audio"),
                        clean ? url(true) : url(false).injectNull(0.05),
                        clean
                                ? Arbitraries.of("", "matching")
                                : Arbitraries.of("", "matching", "reference_image", "reference_audio"))
                .as((type, url, role) -> new Ref(type, url, role.equals("matching") ? "reference_" + type : role));
        Arbitrary<Value> typed = item.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(refs -> new Value(refs.stream().map(Ref::typed).toList(), json(refs)));
        Arbitrary<Value> notAReference = Arbitraries.just(v(List.of("https://cdn.example.com/r.jpg")));
        return switch (layer) {
            case OPTION -> compact;
            case BODY -> typed;
            default -> clean ? Arbitraries.oneOf(compact, typed) : Arbitraries.oneOf(compact, typed, notAReference);
        };
    }

    /** A reference; an empty role is left out, to be derived from the type. */
    record Ref(String type, String url, String role) {
        InputReference typed() {
            return new InputReference(
                    ReferenceType.fromValue(type), url, role.isEmpty() ? null : ReferenceRole.fromValue(role));
        }
    }

    private static JsonNode json(List<Ref> refs) {
        ArrayNode json = JSON.createArrayNode();
        refs.forEach(r -> json.addObject()
                .put("type", r.type())
                .put("url", r.url())
                .put("role", r.role().isEmpty() ? "reference_" + r.type() : r.role()));
        return json;
    }

    private static Arbitrary<String> url(boolean clean) {
        return pick(clean, URLS, BAD_URLS);
    }

    private static <T> Arbitrary<T> pick(boolean clean, List<? extends T> valid, List<? extends T> invalid) {
        return clean || invalid.isEmpty()
                ? Arbitraries.<T>of(valid)
                : Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.<T>of(valid)), Tuple.of(1, Arbitraries.<T>of(invalid)));
    }

    private static Value v(Object raw) {
        return v(raw, raw);
    }

    private static Value v(Object raw, Object meaning) {
        return new Value(raw, meaning == null ? null : JSON.valueToTree(meaning));
    }
}
