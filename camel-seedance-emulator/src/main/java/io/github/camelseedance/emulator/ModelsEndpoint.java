package io.github.camelseedance.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/models}: the provider's free model list, OpenAI-style, behind the same key check as generations. Its
 * requests are recorded apart from generations; a queued answer ({@link SeedanceEmulator#enqueueModels}) replaces the
 * list for an authorised one.
 */
final class ModelsEndpoint {

    static final String PATH = "/v1/models";

    /** The documented ids, in the provider's order (which is also their alphabetical one). */
    static final List<String> MODEL_IDS =
            ContractJudge.KNOWN_MODELS.stream().sorted().toList();

    /** One fixed creation time for every model, so the answer is the same in every run. */
    static final long CREATED = 1_760_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(ModelsEndpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final EmulatorRecords records;
    private final String expectedAuthorization;

    ModelsEndpoint(Vertx vertx, EmulatorRecords records, String apiKey) {
        this.vertx = vertx;
        this.records = records;
        this.expectedAuthorization = "Bearer " + apiKey;
    }

    void handle(HttpServerRequest request) {
        request.body()
                .onSuccess(body -> answer(request, body.toString(StandardCharsets.UTF_8)))
                .onFailure(e -> LOG.debug("GET {}: the request never fully arrived: {}", PATH, e.toString()));
    }

    private void answer(HttpServerRequest request, String body) {
        RecordedRequest recorded = new RecordedRequest(
                request.method().name(), request.path(), HeaderMaps.copyOf(request.headers()), body, List.of());
        records.addModelsRequest(recorded);
        IntConsumer answered = recorded::answered;
        if (!expectedAuthorization.equals(recorded.header("authorization"))) {
            Replies.sendError(
                    request,
                    401,
                    "Incorrect API key provided",
                    "authentication_error",
                    null,
                    "invalid_api_key",
                    answered);
            return;
        }
        EmulatorResponse scripted = records.nextModelsAnswer();
        if (scripted == null) {
            Replies.sendJson(request, 200, modelList(), answered);
        } else if (scripted.delay().isZero()) {
            Replies.sendScripted(request, scripted, answered);
        } else {
            vertx.setTimer(scripted.delay().toMillis(), id -> Replies.sendScripted(request, scripted, answered));
        }
    }

    static String modelList() {
        ObjectNode root = MAPPER.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : MODEL_IDS) {
            data.addObject()
                    .put("id", id)
                    .put("object", "model")
                    .put("created", CREATED)
                    .put("owned_by", id.substring(0, id.indexOf('-')).toLowerCase(Locale.ROOT));
        }
        return root.toString();
    }
}
