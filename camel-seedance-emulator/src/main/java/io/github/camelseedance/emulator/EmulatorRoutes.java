package io.github.camelseedance.emulator;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/** Sends each request to the endpoint it is for; anything else gets a 404 or 405 in the provider's error shape. */
final class EmulatorRoutes implements Handler<HttpServerRequest> {

    private final GenerationEndpoint generation;
    private final ModelsEndpoint models;
    private final VideoEndpoint videos;

    EmulatorRoutes(GenerationEndpoint generation, ModelsEndpoint models, VideoEndpoint videos) {
        this.generation = generation;
        this.models = models;
        this.videos = videos;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (request.path().equals(GenerationEndpoint.PATH)) {
            if (request.method() == HttpMethod.POST) {
                generation.handle(request);
            } else {
                request.response().putHeader("Allow", "POST");
                Replies.sendError(
                        request,
                        405,
                        request.method() + " is not allowed on " + GenerationEndpoint.PATH + "; use POST",
                        "invalid_request_error",
                        null,
                        "method_not_allowed",
                        Replies::ignore);
            }
        } else if (request.path().equals(ModelsEndpoint.PATH)) {
            if (request.method() == HttpMethod.GET) {
                models.handle(request);
            } else {
                request.response().putHeader("Allow", "GET");
                Replies.sendError(
                        request,
                        405,
                        request.method() + " is not allowed on " + ModelsEndpoint.PATH + "; use GET",
                        "invalid_request_error",
                        null,
                        "method_not_allowed",
                        Replies::ignore);
            }
        } else if (VideoEndpoint.matches(request)) {
            videos.handle(request);
        } else {
            Replies.sendError(
                    request,
                    404,
                    "Unknown endpoint: " + request.method() + " " + request.path(),
                    "invalid_request_error",
                    null,
                    "not_found",
                    Replies::ignore);
        }
    }
}
