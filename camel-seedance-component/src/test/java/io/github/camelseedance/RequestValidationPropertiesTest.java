package io.github.camelseedance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelseedance.emulator.ContractJudge;
import io.github.camelseedance.emulator.SeedanceEmulator;
import io.github.camelseedance.emulator.Verdict;
import io.github.camelseedance.emulator.Violation;
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
import org.apache.camel.PropertyBindingException;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The property, as a differential test: for every generated combination of endpoint options, headers and
 * body (valid and invalid), the component either rejects it locally, naming a field, and sends nothing; or it sends
 * exactly one request that the emulator's {@link ContractJudge} accepts. Which of the two must happen is decided
 * independently of the component: the test works out the JSON the request would carry on the wire (each field from
 * the highest layer that sets it: header, then body, then option) and asks the judge.
 *
 * <p>Where the component's documented decisions go beyond judging the final JSON, the oracle says so explicitly:
 * <ul>
 * <li>Endpoint options are checked alone when the endpoint is created ({@code RequestResolver}: "an invalid option
 * fails here, when the route starts"), so an invalid option is rejected even when a header would override it. The
 * oracle therefore also judges the options alone, except for the two rules a message can still satisfy: the prompt
 * (usually sent per message) and the 2.0-model rule for references (a model header may pick a 2.0 model).</li>
 * <li>"Not set" differs by layer: an empty reference list, a blank compact reference string and a blank text body set
 * nothing (the lower layer's value stays); a blank header, option or typed-body value is set, and rejected.</li>
 * <li>A body that repeats a frame type asks for that repeated array (API-CONTRACT.md: "so is a frame type given
 * twice"), whatever other layers say about frames.</li>
 * </ul>
 */
class RequestValidationPropertiesTest {

    private static final String API_KEY = "sk-property-test-0123456789";
    private static final String DEFAULT_MODEL = "ByteDance-Seedance-1.5-pro";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ContractJudge JUDGE = new ContractJudge();

    /** A started endpoint holds two HTTP clients with a selector thread each, so only this many are kept started. */
    private static final int KEPT_ENDPOINTS = 128;

    private static SeedanceEmulator emulator;
    private static DefaultCamelContext context;
    private static Map<String, Target> targets;

    private static final AtomicInteger VALID = new AtomicInteger();
    private static final AtomicInteger REJECTED_AT_ENDPOINT = new AtomicInteger();
    private static final AtomicInteger REJECTED_PER_MESSAGE = new AtomicInteger();
    private static final AtomicInteger OPTIONS_ALONE_DECIDED = new AtomicInteger();
    private static long startNanos;

    @BeforeContainer
    static void startCamelAndEmulator() throws Exception {
        startNanos = System.nanoTime();
        emulator = SeedanceEmulator.builder().apiKey(API_KEY).build().start();
        context = new DefaultCamelContext();
        SeedanceComponent component = new SeedanceComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setMaxRetries(0);
        context.addComponent("seedance", component);
        context.start();
        targets = new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Target> eldest) {
                if (size() <= KEPT_ENDPOINTS) {
                    return false;
                }
                eldest.getValue().close();
                return true;
            }
        };
    }

    @AfterContainer
    static void stopCamelAndEmulator() throws Exception {
        int total = VALID.get() + REJECTED_AT_ENDPOINT.get() + REJECTED_PER_MESSAGE.get();
        System.out.printf(
                Locale.ROOT,
                "%s: %d scenarios in %.1f s: %d valid and sent, %d rejected when the endpoint"
                        + " was created (%d of them only because of the options alone), %d rejected per message%n",
                RequestValidationPropertiesTest.class.getSimpleName(),
                total,
                (System.nanoTime() - startNanos) / 1e9,
                VALID.get(),
                REJECTED_AT_ENDPOINT.get(),
                OPTIONS_ALONE_DECIDED.get(),
                REJECTED_PER_MESSAGE.get());
        if (targets != null) {
            targets.values().forEach(Target::close);
        }
        if (context != null) {
            context.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The property
    // ---------------------------------------------------------------------------------------------------------------

    // No edge-case mixing: the value pools below are the edge cases, and jqwik's mixing of every pool's first and last
    // value into nested generators would set most fields in most tries (and make most option sets new endpoints).
    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    void everyRequestIsRejectedLocallyNamingAFieldOrSentAndAcceptedByTheJudge(@ForAll("scenarios") Scenario scenario)
            throws Exception {
        emulator.reset();
        Oracle oracle = Oracle.of(scenario);

        Throwable endpointFailure = null;
        Exchange exchange = null;
        try {
            Target target = target(scenario.uri());
            exchange = target.endpoint().createExchange();
            exchange.getMessage().setBody(scenario.messageBody());
            exchange.getMessage().setHeaders(new LinkedHashMap<>(scenario.headers()));
            target.producer().process(exchange);
        } catch (Exception e) {
            endpointFailure = e;
        }
        Throwable failure = endpointFailure != null ? endpointFailure : exchange.getException();

        Statistics.label("verdict").collect(oracle.valid() ? "valid" : "invalid");
        Statistics.label("outcome")
                .collect(
                        endpointFailure != null
                                ? "rejected: endpoint options"
                                : failure != null ? "rejected: message" : "sent");
        Statistics.label("body").collect(scenario.bodyKind());
        Statistics.label("layers setting a field").collect(scenario.layersUsed());
        if (!oracle.valid()) {
            Statistics.label("first fault the judge names").collect(oracle.firstFault());
        }
        Statistics.label("verdict").coverage(coverage -> {
            coverage.check("valid").percentage(p -> p >= 25);
            coverage.check("invalid").percentage(p -> p >= 25);
        });

        if (oracle.valid()) {
            expectSentAndAccepted(scenario, oracle, failure);
            VALID.incrementAndGet();
        } else {
            expectRejectedLocally(scenario, oracle, endpointFailure, failure);
            if (endpointFailure != null) {
                REJECTED_AT_ENDPOINT.incrementAndGet();
                if (oracle.wireVerdict().valid()) {
                    OPTIONS_ALONE_DECIDED.incrementAndGet();
                }
            } else {
                REJECTED_PER_MESSAGE.incrementAndGet();
            }
        }
    }

    private static void expectSentAndAccepted(Scenario scenario, Oracle oracle, Throwable failure) throws Exception {
        if (failure != null) {
            throw mismatch("the judge accepts this request, but the component failed it", scenario, oracle, failure);
        }
        if (emulator.generationCount() != 1) {
            throw mismatch("expected exactly one POST, got " + emulator.generationCount(), scenario, oracle, null);
        }
        if (!emulator.violations().isEmpty()) {
            throw mismatch(
                    "the emulator found violations in what was sent: " + emulator.violations(), scenario, oracle, null);
        }
        JsonNode sent = JSON.readTree(emulator.generationRequests().get(0).body());
        if (!sent.equals(oracle.wire())) {
            throw mismatch(
                    "the component sent " + sent + " instead of the expected " + oracle.wire(), scenario, oracle, null);
        }
    }

    private static void expectRejectedLocally(
            Scenario scenario, Oracle oracle, Throwable endpointFailure, Throwable failure) {
        if (emulator.generationCount() != 0) {
            throw mismatch(
                    "an invalid request reached the wire (" + emulator.generationCount() + " POST, emulator says "
                            + emulator.violations() + ")",
                    scenario,
                    oracle,
                    failure);
        }
        if (failure == null) {
            throw mismatch("the request is invalid but the exchange succeeded without sending", scenario, oracle, null);
        }
        boolean optionsInvalid = !oracle.optionsVerdict().valid();
        if (optionsInvalid != (endpointFailure != null)) {
            throw mismatch(
                    optionsInvalid
                            ? "the endpoint options alone are invalid, but the endpoint was created"
                            : "the endpoint options alone are valid, but the endpoint could not be created",
                    scenario,
                    oracle,
                    failure);
        }
        if (chain(failure).stream().noneMatch(IllegalArgumentException.class::isInstance)) {
            throw mismatch("the failure is not an IllegalArgumentException", scenario, oracle, failure);
        }
        Named named = namedField(failure);
        if (named == null
                || !named.message().contains(named.field())
                        && aliases(named.field()).stream().noneMatch(named.message()::contains)) {
            throw mismatch("the failure does not name the field it is about", scenario, oracle, failure);
        }
        if (!oracle.faults().contains(named.field())) {
            throw mismatch(
                    "the component names " + named.field() + " but the judge faults " + oracle.faults(),
                    scenario,
                    oracle,
                    failure);
        }
    }

    /** The field an exception says it is about, and the message it says it in. */
    record Named(String field, String message) {}

    private static Named namedField(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof InvalidVideoRequestException invalid) {
                return new Named(invalid.getField(), invalid.getMessage());
            }
            if (t instanceof PropertyBindingException binding) {
                // Camel's message repeats the whole URI, which names every option: only the property name counts
                return new Named(binding.getPropertyName(), "with name: " + binding.getPropertyName());
            }
        }
        return null;
    }

    /** Other names a message may use for a field: its JSON name, and for frames the body's names. */
    private static Set<String> aliases(String option) {
        return switch (option) {
            case "firstFrameUrl" -> Set.of("frame_images", "frameImages", "first_frame");
            case "lastFrameUrl" -> Set.of("frame_images", "frameImages", "last_frame");
            default -> Set.of(F.byOption(option).map(F::json).orElse(option));
        };
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static AssertionError mismatch(String what, Scenario scenario, Oracle oracle, Throwable failure) {
        StringBuilder sb = new StringBuilder(what)
                .append("\n  scenario: ")
                .append(scenario)
                .append("\n  expected wire JSON:   ")
                .append(oracle.wire())
                .append("\n  judge on that JSON:   ")
                .append(messages(oracle.wireVerdict()))
                .append("\n  options alone (JSON): ")
                .append(oracle.optionsWire())
                .append("\n  judge on options:     ")
                .append(messages(oracle.optionsVerdict()));
        if (failure != null) {
            sb.append("\n  failure: ");
            for (Throwable t : chain(failure)) {
                sb.append("\n    ")
                        .append(t.getClass().getSimpleName())
                        .append(": ")
                        .append(t.getMessage());
            }
        }
        return new AssertionError(sb.toString(), failure);
    }

    private static String messages(Verdict verdict) {
        return verdict.valid() ? "valid" : verdict.messages().toString();
    }

    /**
     * The endpoint for a URI (created by the context, or failing) and a started producer for it. The last few are
     * kept; the one that falls out is stopped and removed from the context at once, so the HTTP clients of thousands of
     * option sets do not pile up. (A ProducerTemplate would not do here: its producer pool treats endpoints with equal
     * URIs as one, and would hand a removed endpoint's producer to its successor.)
     */
    private static Target target(String uri) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        Target target = targets.get(uri);
        if (target == null || target.endpoint() != endpoint) {
            if (target != null) {
                target.close();
            }
            Producer producer = endpoint.createProducer();
            producer.start();
            target = new Target(endpoint, producer);
            targets.put(uri, target);
        }
        return target;
    }

    record Target(Endpoint endpoint, Producer producer) {
        void close() {
            producer.stop();
            context.removeEndpoint(endpoint);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The oracle: the JSON the request would carry, judged by the emulator's ContractJudge
    // ---------------------------------------------------------------------------------------------------------------

    /** The request fields, by option name and JSON name. */
    enum F {
        MODEL("model", "model", SeedanceConstants.MODEL),
        PROMPT("prompt", "prompt", SeedanceConstants.PROMPT),
        SECONDS("seconds", "seconds", SeedanceConstants.SECONDS),
        RESOLUTION("resolution", "resolution", SeedanceConstants.RESOLUTION),
        ASPECT_RATIO("aspectRatio", "aspect_ratio", SeedanceConstants.ASPECT_RATIO),
        IMAGE_URL("imageUrl", "image_url", SeedanceConstants.IMAGE_URL),
        NEGATIVE_PROMPT("negativePrompt", "negative_prompt", SeedanceConstants.NEGATIVE_PROMPT),
        SEED("seed", "seed", SeedanceConstants.SEED),
        GENERATE_AUDIO("generateAudio", "generate_audio", SeedanceConstants.GENERATE_AUDIO),
        FIRST_FRAME_URL("firstFrameUrl", "frame_images", SeedanceConstants.FIRST_FRAME_URL),
        LAST_FRAME_URL("lastFrameUrl", "frame_images", SeedanceConstants.LAST_FRAME_URL),
        INPUT_REFERENCES("inputReferences", "input_references", SeedanceConstants.INPUT_REFERENCES);

        final String option;
        final String json;
        final String header;

        F(String option, String json, String header) {
            this.option = option;
            this.json = json;
            this.header = header;
        }

        String json() {
            return json;
        }

        static Optional<F> byOption(String option) {
            for (F f : values()) {
                if (f.option.equals(option)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        /** The option name of a JSON field; other names (a header, the whole request) are kept. */
        static String optionOfJson(String json) {
            for (F f : values()) {
                if (f.json.equals(json)) {
                    return f.option;
                }
            }
            return json;
        }

        boolean isFrame() {
            return this == FIRST_FRAME_URL || this == LAST_FRAME_URL;
        }
    }

    /**
     * What the scenario asks for. {@code wire} is the request as it would be sent; {@code optionsWire} is the endpoint
     * options taken alone, as the component checks them when the endpoint is created.
     */
    record Oracle(JsonNode wire, Verdict wireVerdict, JsonNode optionsWire, Verdict optionsVerdict) {

        static Oracle of(Scenario s) {
            Map<F, JsonNode> options = new EnumMap<>(F.class);
            s.options().forEach((f, text) -> put(options, f, optionMeaning(f, text)));
            Map<F, JsonNode> headers = new EnumMap<>(F.class);
            s.headers().forEach((name, value) -> {
                F f = headerField(name);
                put(headers, f, headerMeaning(f, value));
            });
            Map<F, JsonNode> body = new EnumMap<>(F.class);
            ArrayNode repeatedFrames = bodyMeaning(s.body(), body);

            JsonNode wire = normalise(wire(List.of(headers, body, options), repeatedFrames));

            // RequestValidator.validateOptions checks the options alone but skips the prompt ("The prompt usually comes
            // with each message") and the 2.0-model rule ("a CamelSeedanceModel header may pick a 2.0 model for
            // references set as options"): a placeholder prompt and a 2.0 model stand in for what a message may add.
            ObjectNode optionsAlone = wire(List.of(options), null);
            optionsAlone.put("prompt", "a prompt from the message");
            JsonNode model = optionsAlone.get("model");
            if (optionsAlone.has("input_references")
                    && model != null
                    && model.isTextual()
                    && ContractJudge.KNOWN_MODELS.contains(model.asText())
                    && !ContractJudge.REFERENCE_MODELS.contains(model.asText())) {
                optionsAlone.put("model", "SIRAYA-Seedance-2.0");
            }
            JsonNode optionsWire = normalise(optionsAlone);
            return new Oracle(
                    wire, JUDGE.judgeBody(wire.toString()), optionsWire, JUDGE.judgeBody(optionsWire.toString()));
        }

        boolean valid() {
            return optionsVerdict.valid() && wireVerdict.valid();
        }

        /** The verdict that decides the outcome: the options alone when they fail, else the whole request. */
        Verdict deciding() {
            return optionsVerdict.valid() ? wireVerdict : optionsVerdict;
        }

        /** The JSON field of the deciding verdict's first violation, without item index or key. */
        String firstFault() {
            String field = deciding().violations().get(0).field();
            return field == null ? "request" : field.split("[\\[.]")[0];
        }

        /** The option names of the fields the deciding verdict faults, in the judge's order. */
        Set<String> faults() {
            Verdict deciding = deciding();
            Set<String> fields = new LinkedHashSet<>();
            for (Violation v : deciding.violations()) {
                String root = v.field() == null ? "request" : v.field().split("[\\[.]")[0];
                switch (root) {
                    case "frame_images" -> {
                        fields.add("firstFrameUrl");
                        fields.add("lastFrameUrl");
                    }
                    default -> fields.add(F.optionOfJson(root));
                }
            }
            return fields;
        }

        /** Each field from the first layer (highest precedence first) that sets it. */
        private static ObjectNode wire(List<Map<F, JsonNode>> layers, ArrayNode repeatedFrames) {
            Map<F, JsonNode> effective = new EnumMap<>(F.class);
            for (F f : F.values()) {
                for (Map<F, JsonNode> layer : layers) {
                    if (layer.containsKey(f)) {
                        effective.put(f, layer.get(f));
                        break;
                    }
                }
            }
            ObjectNode json = NODES.objectNode();
            // the component's option default (SeedanceConfiguration: model = ByteDance-Seedance-1.5-pro)
            json.set("model", effective.getOrDefault(F.MODEL, TextNode.valueOf(DEFAULT_MODEL)));
            for (F f : F.values()) {
                if (f != F.MODEL && !f.isFrame() && effective.containsKey(f)) {
                    json.set(f.json, effective.get(f));
                }
            }
            ArrayNode frames = NODES.arrayNode();
            if (repeatedFrames != null) {
                frames = repeatedFrames;
            } else {
                if (effective.containsKey(F.FIRST_FRAME_URL)) {
                    frames.addObject().put("type", "first_frame").set("url", effective.get(F.FIRST_FRAME_URL));
                }
                if (effective.containsKey(F.LAST_FRAME_URL)) {
                    frames.addObject().put("type", "last_frame").set("url", effective.get(F.LAST_FRAME_URL));
                }
            }
            if (!frames.isEmpty()) {
                json.set("frame_images", frames);
            }
            return json;
        }

        private static void put(Map<F, JsonNode> layer, F f, JsonNode value) {
            if (value != null) {
                layer.put(f, value);
            }
        }

        private static F headerField(String header) {
            for (F f : F.values()) {
                if (f.header.equals(header)) {
                    return f;
                }
            }
            throw new IllegalArgumentException(header);
        }

        /** An option is text; what it means on the wire depends on the field's type. Null: sets nothing. */
        private static JsonNode optionMeaning(F f, String text) {
            return switch (f) {
                case SECONDS, SEED -> wholeNumber(text);
                case GENERATE_AUDIO -> bool(text);
                case INPUT_REFERENCES -> compactReferences(text);
                default -> TextNode.valueOf(text);
            };
        }

        private static JsonNode headerMeaning(F f, Object value) {
            switch (f) {
                case SECONDS, SEED:
                    if (value instanceof Number n) {
                        // a number means its value: 5.0 is 5, 5.9 stays 5.9 (and the judge refuses it)
                        BigDecimal exact = new BigDecimal(n.toString());
                        return exact.stripTrailingZeros().scale() <= 0
                                ? BigIntegerNode.valueOf(exact.toBigIntegerExact())
                                : DecimalNode.valueOf(exact);
                    }
                    return value instanceof String text ? wholeNumber(text) : JSON.valueToTree(value);
                case GENERATE_AUDIO:
                    return value instanceof String text ? bool(text) : JSON.valueToTree(value);
                case INPUT_REFERENCES:
                    if (value instanceof String compact) {
                        return compactReferences(compact);
                    }
                    if (value instanceof InputReference single) {
                        return references(List.of(single));
                    }
                    return references((List<?>) value);
                default:
                    return JSON.valueToTree(value);
            }
        }

        /** Reads a typed body into the layer; returns the body's frame list when it repeats a frame type. */
        private static ArrayNode bodyMeaning(Object body, Map<F, JsonNode> layer) {
            if (body instanceof TextBody text) {
                // a text body is the prompt; a blank one is no prompt at all (the lower layers' prompt stays)
                if (!text.text().isBlank()) {
                    layer.put(F.PROMPT, TextNode.valueOf(text.text().strip()));
                }
                return null;
            }
            if (!(body instanceof VideoGenerationRequest b)) {
                return null;
            }
            put(layer, F.MODEL, tree(b.model()));
            put(layer, F.PROMPT, tree(b.prompt()));
            put(layer, F.SECONDS, tree(b.seconds()));
            put(layer, F.RESOLUTION, tree(b.resolution()));
            put(layer, F.ASPECT_RATIO, tree(b.aspectRatio()));
            put(layer, F.IMAGE_URL, tree(b.imageUrl()));
            put(layer, F.NEGATIVE_PROMPT, tree(b.negativePrompt()));
            put(layer, F.SEED, tree(b.seed()));
            put(layer, F.GENERATE_AUDIO, tree(b.generateAudio()));
            put(layer, F.INPUT_REFERENCES, b.inputReferences() == null ? null : references(b.inputReferences()));
            if (b.frameImages() == null) {
                return null;
            }
            ArrayNode asGiven = NODES.arrayNode();
            Set<String> types = new LinkedHashSet<>();
            boolean repeated = false;
            for (FrameImage frame : b.frameImages()) {
                // a frame without a URL is a blank URL, not a missing frame
                JsonNode url = TextNode.valueOf(frame.url() == null ? "" : frame.url());
                asGiven.addObject().put("type", frame.type().value()).set("url", url);
                repeated |= !types.add(frame.type().value());
                layer.put(frame.type().value().equals("first_frame") ? F.FIRST_FRAME_URL : F.LAST_FRAME_URL, url);
            }
            // API-CONTRACT.md: "so is a frame type given twice" - the repeat is what the body asks for
            return repeated ? asGiven : null;
        }

        private static JsonNode tree(Object value) {
            return value == null ? null : JSON.valueToTree(value);
        }

        /** A whole number written as text means that number, however large; anything else is sent as written. */
        private static JsonNode wholeNumber(String text) {
            return Pattern.matches("-?\\d+", text)
                    ? BigIntegerNode.valueOf(new BigInteger(text))
                    : TextNode.valueOf(text);
        }

        private static JsonNode bool(String text) {
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                    ? BooleanNode.valueOf(Boolean.parseBoolean(text))
                    : TextNode.valueOf(text);
        }

        /**
         * The documented compact form (SeedanceConfiguration#inputReferences): comma separated {@code type:url} items,
         * the role following from the type. Null when it names no item: blank means not set.
         */
        private static JsonNode compactReferences(String compact) {
            ArrayNode items = NODES.arrayNode();
            for (String raw : compact.split(",")) {
                String item = raw.trim();
                if (item.isEmpty()) {
                    continue;
                }
                int colon = item.indexOf(':');
                if (colon <= 0) {
                    items.add(item); // not an item at all: the judge sees a string where an object belongs
                    continue;
                }
                String type = item.substring(0, colon).trim();
                ObjectNode ref = items.addObject()
                        .put("type", type)
                        .put("url", item.substring(colon + 1).trim());
                if (List.of("image", "video", "audio").contains(type)) {
                    ref.put("role", "reference_" + type);
                }
            }
            return items.isEmpty() ? null : items;
        }

        /** A list of references; an empty list sets nothing (the component never sends an empty array). */
        private static JsonNode references(List<?> list) {
            if (list.isEmpty()) {
                return null;
            }
            ArrayNode items = NODES.arrayNode();
            for (Object item : list) {
                if (item instanceof InputReference ref) {
                    // InputReference derives a missing role from the type (contract: "a missing role is derived")
                    ObjectNode node = items.addObject().put("type", ref.type().value());
                    node.set("url", tree(ref.url()) == null ? NODES.nullNode() : tree(ref.url()));
                    node.put("role", ref.role().value());
                } else {
                    items.add(JSON.valueToTree(item));
                }
            }
            return items;
        }

        /** Numbers as a JSON parser reads them back, so the tree compares equal to the one parsed from the wire. */
        private static JsonNode normalise(JsonNode node) {
            try {
                return JSON.readTree(JSON.writeValueAsString(node));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenarios
    // ---------------------------------------------------------------------------------------------------------------

    /** A text body, sent as a String or as UTF-8 bytes. */
    record TextBody(String text, boolean asBytes) {
        @Override
        public String toString() {
            return (asBytes ? "byte[] " : "String ") + quote(text);
        }
    }

    /**
     * One exchange: the endpoint options (by field, as written in the URI), the headers and the body (null, a
     * {@link TextBody} or a {@link VideoGenerationRequest}).
     */
    record Scenario(Map<F, String> options, Map<String, Object> headers, Object body) {

        private static final Pattern URI_SAFE = Pattern.compile("[A-Za-z0-9._~:/-]+");

        String uri() {
            if (options.isEmpty()) {
                return "seedance:generate";
            }
            return "seedance:generate?"
                    + options.entrySet().stream()
                            .map(e -> e.getKey().option + "="
                                    + (URI_SAFE.matcher(e.getValue()).matches()
                                            ? e.getValue()
                                            : "RAW(" + e.getValue() + ")"))
                            .collect(Collectors.joining("&"));
        }

        Object messageBody() {
            return body instanceof TextBody text
                    ? text.asBytes() ? text.text().getBytes(StandardCharsets.UTF_8) : text.text()
                    : body;
        }

        String bodyKind() {
            return body == null ? "none" : body instanceof TextBody ? "text" : "typed";
        }

        String layersUsed() {
            List<String> used = new ArrayList<>();
            if (!options.isEmpty()) {
                used.add("options");
            }
            if (!headers.isEmpty()) {
                used.add("headers");
            }
            if (body != null) {
                used.add("body");
            }
            return used.isEmpty() ? "none" : String.join("+", used);
        }

        @Override
        public String toString() {
            Map<String, String> shown = new TreeMap<>();
            headers.forEach((name, value) -> shown.put(name, describe(value)));
            return "\n    endpoint: " + uri()
                    + "\n    headers:  " + shown
                    + "\n    body:     "
                    + (body == null ? "null" : body instanceof TextBody ? body : "VideoGenerationRequest " + body);
        }
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Collection<?> list) {
            return "List"
                    + list.stream()
                            .map(RequestValidationPropertiesTest::describe)
                            .toList();
        }
        return value.getClass().getSimpleName() + " " + value;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------------------------

    /** In a clean scenario every value is valid on its own and only one media mode is used; the mix may still fail. */
    enum Media {
        NONE,
        IMAGE,
        FIRST_FRAME,
        FIRST_AND_LAST_FRAME,
        REFERENCES
    }

    private static final List<String> KNOWN_MODELS = List.of(
            "ByteDance-Seedance-1.0-pro",
            "ByteDance-Seedance-1.0-pro-fast",
            "ByteDance-Seedance-1.5-pro",
            "SIRAYA-Seedance-2.0",
            "SIRAYA-Seedance-2.0-fast");
    private static final String UNKNOWN_MODEL = "ByteDance-Seedance-3.0-preview";
    private static final List<String> REFERENCE_MODELS =
            List.of("SIRAYA-Seedance-2.0", "SIRAYA-Seedance-2.0-fast", UNKNOWN_MODEL);
    private static final List<String> BLANKS = List.of("", "   ");

    private static final List<String> PROMPTS =
            List.of("A shiba inu running on the beach", "Rain over Tokyo at night, neon & steam", "Waves");

    private static final List<String> GOOD_URLS = List.of(
            "https://cdn.example.com/start.png",
            "http://images.example.org/cat.jpg",
            "https://my_cdn.example.com/x.png",
            "HTTPS://CDN.EXAMPLE.COM/A.PNG",
            "https://cdn.example.com:8443/a%20b.png?sig=abc&exp=1",
            "https://[2001:db8::1]/x.png");
    private static final List<String> BAD_URLS = List.of(
            "file:///tmp/cat.png",
            "ftp://cdn.example.com/x.png",
            "s3://bucket/key.png",
            "images/cat.png",
            "//cdn.example.com/x.png",
            "",
            "   ",
            "https://cdn.example.com/my cat.png",
            " https://cdn.example.com/a.png",
            "https://",
            "https:///x.png",
            "https://user@/x.png");

    // endpoint options come from smaller pools, so that option sets recur and their endpoints are reused
    private static final List<String> OPTION_URLS = List.of(
            "https://cdn.example.com/start.png",
            "https://my_cdn.example.com/x.png",
            "https://cdn.example.com:8443/a%20b.png?sig=abc&exp=1");
    private static final List<String> BAD_OPTION_URLS = List.of(
            "file:///tmp/cat.png", "images/cat.png", "", "https://cdn.example.com/my cat.png", "https://user@/x.png");
    private static final List<String> OPTION_REFERENCES = List.of(
            "image:https://cdn.example.com/a.png",
            "video:https://cdn.example.com/v.mp4, audio:https://my_cdn.example.com/a.mp3",
            "audio: https://cdn.example.com/a.mp3?sig=1&exp=2");
    private static final List<String> BAD_OPTION_REFERENCES = List.of(
            "picture:https://cdn.example.com/a.png",
            "image:file:///tmp/a.png",
            "image:https://cdn.example.com/a.png,video:https://user@/v.mp4",
            "https://cdn.example.com/a.png",
            " , ");

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(Media.class),
                        Arbitraries.frequency(Tuple.of(10, "none"), Tuple.of(40, "text"), Tuple.of(50, "typed")),
                        // endpoint options in four scenarios out of ten: each new option set is a new endpoint, the
                        // slow part
                        Arbitraries.frequency(Tuple.of(4, true), Tuple.of(6, false)))
                .flatAs(RequestValidationPropertiesTest::scenario);
    }

    private static Arbitrary<Scenario> scenario(boolean clean, Media media, String bodyKind, boolean useOptions) {
        Arbitrary<Map<F, Object>> options = useOptions ? layer(clean, media, Layer.OPTION) : Arbitraries.just(Map.of());
        Arbitrary<Map<F, Object>> headers = layer(clean, media, Layer.HEADER);
        Arbitrary<Object> body = switch (bodyKind) {
            case "none" -> Arbitraries.just(null);
            case "text" ->
                Combinators.combine(prompt(clean, PROMPTS, BLANKS), Arbitraries.of(false, true))
                        .as(TextBody::new);
            default -> typedBody(clean, media);
        };
        return Combinators.combine(options, headers, body).as((o, h, b) -> {
            Map<F, String> uriOptions = new EnumMap<>(F.class);
            o.forEach((f, v) -> uriOptions.put(f, (String) v));
            Map<String, Object> headerMap = new LinkedHashMap<>();
            h.forEach((f, v) -> headerMap.put(f.header, v));
            return new Scenario(uriOptions, headerMap, b);
        });
    }

    enum Layer {
        OPTION,
        HEADER,
        BODY
    }

    /** Each field of the layer absent or set, with the representations that layer accepts. */
    private static Arbitrary<Map<F, Object>> layer(boolean clean, Media media, Layer where) {
        List<F> fields = new ArrayList<>();
        List<Arbitrary<Optional<Object>>> slots = new ArrayList<>();
        for (F f : F.values()) {
            if (where == Layer.BODY && f.isFrame()) {
                continue; // the body's frames are a list of their own, see typedBody
            }
            int percent = presence(clean, media, f, where);
            if (percent == 0) {
                continue;
            }
            fields.add(f);
            slots.add(maybe(percent, values(clean, media, f, where)));
        }
        return Combinators.combine(slots).as(values -> {
            Map<F, Object> layer = new EnumMap<>(F.class);
            for (int i = 0; i < fields.size(); i++) {
                F f = fields.get(i);
                values.get(i).ifPresent(v -> layer.put(f, v));
            }
            return layer;
        });
    }

    /**
     * How often (in percent) a field is set in a layer. Options are set more sparingly: every new option set is a new
     * endpoint, with HTTP clients to start, and sparse option sets recur, so their endpoints are reused.
     */
    private static int presence(boolean clean, Media media, F f, Layer where) {
        boolean mediaField = f == F.IMAGE_URL || f.isFrame() || f == F.INPUT_REFERENCES;
        boolean option = where == Layer.OPTION;
        if (clean && mediaField && !usedBy(media, f)) {
            return 0;
        }
        if (f == F.PROMPT) {
            return option ? 20 : where == Layer.BODY ? 70 : 50;
        }
        if (f == F.MODEL && media == Media.REFERENCES) {
            return option ? 30 : 40;
        }
        if (mediaField) {
            return clean ? option ? 25 : 40 : option ? 8 : 12;
        }
        return option ? 10 : 20;
    }

    private static boolean usedBy(Media media, F f) {
        return switch (media) {
            case NONE -> false;
            case IMAGE -> f == F.IMAGE_URL;
            case FIRST_FRAME -> f == F.FIRST_FRAME_URL;
            case FIRST_AND_LAST_FRAME -> f.isFrame();
            case REFERENCES -> f == F.INPUT_REFERENCES;
        };
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Object> values(boolean clean, Media media, F f, Layer where) {
        Arbitrary<?> values = switch (f) {
            case MODEL ->
                pick(
                        clean,
                        clean && media == Media.REFERENCES ? REFERENCE_MODELS : allModels(),
                        where == Layer.OPTION ? List.of("") : BLANKS);
            case PROMPT ->
                where == Layer.OPTION
                        ? prompt(clean, PROMPTS.subList(1, 3), List.of("  "))
                        : prompt(clean, PROMPTS, BLANKS);
            case SECONDS ->
                switch (where) {
                    case OPTION -> pick(clean, List.of("5", "10"), List.of("7", "-5", "ten", "4294967301"));
                    case HEADER ->
                        pick(
                                clean,
                                List.<Object>of(5, 10, 10L, 5.0d, "5", "10"),
                                List.<Object>of(7, 0, -5, 5.9d, "ten", "7", 4294967301L, Boolean.TRUE));
                    case BODY -> pick(clean, List.of(5, 10), List.of(7, 0, -5));
                };
            case RESOLUTION -> pick(clean, List.of("480p", "720p", "1080p"), List.of("4k", "720P", ""));
            case ASPECT_RATIO -> pick(clean, List.of("16:9", "9:16", "1:1"), List.of("4:3", "16x9", ""));
            case NEGATIVE_PROMPT -> Arbitraries.of("blur", "text, watermarks", "");
            case SEED ->
                switch (where) {
                    case OPTION -> pick(clean, List.of("42", "9223372036854775807"), List.of("abc", "4.2", "1m"));
                    case HEADER ->
                        pick(
                                clean,
                                List.<Object>of(42L, 7, "42", 3.0d, Long.MIN_VALUE),
                                List.<Object>of("abc", 4.2d, 1e30d, "99999999999999999999"));
                    case BODY -> pick(clean, List.of(42L, -1L, 0L, Long.MAX_VALUE), List.<Long>of());
                };
            case GENERATE_AUDIO ->
                switch (where) {
                    case OPTION -> pick(clean, List.of("true", "false", "TRUE"), List.of("maybe", "1"));
                    // Not generated: a number in this header. Camel converts it (0 to false, any other number to true)
                    // where the contract wants a JSON boolean; whether 2 should mean true is a decision left open here.
                    case HEADER ->
                        pick(
                                clean,
                                List.<Object>of(Boolean.TRUE, Boolean.FALSE, "true", "False"),
                                List.<Object>of("maybe", "yes", " true"));
                    case BODY -> Arbitraries.of(true, false);
                };
            case IMAGE_URL, FIRST_FRAME_URL, LAST_FRAME_URL ->
                where == Layer.OPTION ? pick(clean, OPTION_URLS, BAD_OPTION_URLS) : url(clean);
            case INPUT_REFERENCES ->
                switch (where) {
                    case OPTION -> pick(clean, OPTION_REFERENCES, BAD_OPTION_REFERENCES);
                    case HEADER -> headerReferences(clean);
                    case BODY -> typedReferences(clean, 0, 3);
                };
        };
        return (Arbitrary<Object>) values;
    }

    private static List<String> allModels() {
        List<String> models = new ArrayList<>(KNOWN_MODELS);
        models.add(UNKNOWN_MODEL);
        return models;
    }

    private static Arbitrary<String> url(boolean clean) {
        return pick(clean, GOOD_URLS, BAD_URLS);
    }

    /** The compact {@code type:url,...} form of references, for a header. */
    private static Arbitrary<String> compactForm(boolean clean) {
        Arbitrary<String> item = Combinators.combine(
                        pick(clean, List.of("image", "video", "audio"), List.of("picture", "")), url(clean))
                .as((type, url) -> type + ":" + url);
        if (!clean) {
            // items that are not of the form type:url
            item = Arbitraries.frequencyOf(
                    Tuple.of(9, item), Tuple.of(1, Arbitraries.of("image", "https://cdn.example.com/a.png")));
        }
        Arbitrary<String> list = Combinators.combine(item.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(",", ", "))
                .as((items, separator) -> String.join(separator, items));
        // a blank compact form sets nothing
        return Arbitraries.frequencyOf(Tuple.of(19, list), Tuple.of(1, Arbitraries.of("", " , ")));
    }

    private static Arbitrary<Object> headerReferences(boolean clean) {
        Arbitrary<Object> compact = compactForm(clean).map(Object.class::cast);
        Arbitrary<Object> single = typedReference(clean).map(Object.class::cast);
        Arbitrary<Object> list = typedReferences(clean, 0, 3).map(Object.class::cast);
        if (clean) {
            return Arbitraries.frequencyOf(Tuple.of(3, compact), Tuple.of(1, single), Tuple.of(3, list));
        }
        // a list whose item is not an InputReference
        Arbitrary<Object> wrongItem = Arbitraries.just(List.of("https://cdn.example.com/r.jpg"));
        return Arbitraries.frequencyOf(
                Tuple.of(3, compact), Tuple.of(1, single), Tuple.of(3, list), Tuple.of(1, wrongItem));
    }

    private static Arbitrary<List<InputReference>> typedReferences(boolean clean, int min, int max) {
        return typedReference(clean)
                .list()
                .ofMinSize(clean ? Math.max(1, min) : min)
                .ofMaxSize(max);
    }

    private static Arbitrary<InputReference> typedReference(boolean clean) {
        Arbitrary<String> role = clean
                ? Arbitraries.frequency(Tuple.of(3, "derived"), Tuple.of(1, "matching"))
                : Arbitraries.frequency(Tuple.of(3, "derived"), Tuple.of(1, "matching"), Tuple.of(1, "other"));
        Arbitrary<String> url = clean
                ? url(true)
                : Arbitraries.frequencyOf(Tuple.of(19, url(false)), Tuple.of(1, Arbitraries.just(null)));
        return Combinators.combine(Arbitraries.of(ReferenceType.class), role, url)
                .as((type, r, u) -> switch (r) {
                    case "derived" -> new InputReference(type, u);
                    case "matching" -> new InputReference(type, u, type.role());
                    default -> new InputReference(type, u, otherRole(type));
                });
    }

    private static ReferenceRole otherRole(ReferenceType type) {
        return type == ReferenceType.AUDIO ? ReferenceRole.REFERENCE_IMAGE : ReferenceRole.REFERENCE_AUDIO;
    }

    private static Arbitrary<Object> typedBody(boolean clean, Media media) {
        Arbitrary<Map<F, Object>> fields = layer(clean, media, Layer.BODY);
        int firstPercent = presence(clean, media, F.FIRST_FRAME_URL, Layer.BODY);
        int lastPercent = presence(clean, media, F.LAST_FRAME_URL, Layer.BODY);
        Arbitrary<String> frameUrl = clean
                ? url(true)
                : Arbitraries.frequencyOf(Tuple.of(19, url(false)), Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<Optional<FrameImage>> first = firstPercent == 0
                ? Arbitraries.just(Optional.empty())
                : maybe(firstPercent, frameUrl.map(FrameImage::firstFrame));
        Arbitrary<Optional<FrameImage>> last = lastPercent == 0
                ? Arbitraries.just(Optional.empty())
                : maybe(lastPercent, frameUrl.map(FrameImage::lastFrame));
        // a frame type given twice, now and then
        Arbitrary<Optional<FrameImage>> repeat = clean
                ? Arbitraries.just(Optional.empty())
                : maybe(
                        4,
                        Combinators.combine(Arbitraries.of(true, false), url(true))
                                .as((isFirst, u) -> isFirst ? FrameImage.firstFrame(u) : FrameImage.lastFrame(u)));
        return Combinators.combine(fields, first, last, repeat, Arbitraries.of(false, true))
                .as((f, firstFrame, lastFrame, extra, lastFirst) -> {
                    VideoGenerationRequest.Builder b = VideoGenerationRequest.builder()
                            .model((String) f.get(F.MODEL))
                            .prompt((String) f.get(F.PROMPT))
                            .seconds((Integer) f.get(F.SECONDS))
                            .resolution((String) f.get(F.RESOLUTION))
                            .aspectRatio((String) f.get(F.ASPECT_RATIO))
                            .imageUrl((String) f.get(F.IMAGE_URL))
                            .negativePrompt((String) f.get(F.NEGATIVE_PROMPT))
                            .seed((Long) f.get(F.SEED))
                            .generateAudio((Boolean) f.get(F.GENERATE_AUDIO));
                    @SuppressWarnings("unchecked")
                    List<InputReference> references = (List<InputReference>) f.get(F.INPUT_REFERENCES);
                    if (references != null) {
                        if (references.isEmpty()) {
                            b.inputReferences(List.of());
                        }
                        references.forEach(b::inputReference);
                    }
                    List<FrameImage> frames = new ArrayList<>();
                    firstFrame.ifPresent(frames::add);
                    lastFrame.ifPresent(frames::add);
                    extra.ifPresent(frames::add);
                    if (lastFirst) {
                        Collections.reverse(frames);
                    }
                    frames.forEach(b::frameImage);
                    return b.build();
                });
    }

    private static <T> Arbitrary<Optional<T>> maybe(int percent, Arbitrary<T> values) {
        return Arbitraries.frequencyOf(
                Tuple.of(100 - percent, Arbitraries.just(Optional.<T>empty())),
                Tuple.of(percent, values.map(Optional::of)));
    }

    /** A missing or blank prompt hides every other fault, so a blank prompt is rarer than other invalid values. */
    private static Arbitrary<String> prompt(boolean clean, List<String> valid, List<String> blank) {
        return clean
                ? Arbitraries.of(valid)
                : Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.of(valid)), Tuple.of(1, Arbitraries.of(blank)));
    }

    /** Valid values only in a clean scenario; otherwise one in four is invalid. */
    private static <T> Arbitrary<T> pick(boolean clean, List<T> valid, List<T> invalid) {
        if (clean || invalid.isEmpty()) {
            return Arbitraries.of(valid);
        }
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(valid)), Tuple.of(1, Arbitraries.of(invalid)));
    }
}
