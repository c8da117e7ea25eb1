package io.github.camelseedance.examples.springboot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code GET /videos/{id}} answers: the status, and once done the video's URL and the result headers, or once
 * failed the reason. Fields that do not apply are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoJob(
        String id,
        String status,
        String videoUrl,
        String revisedPrompt,
        Long created,
        String requestedModel,
        String error,
        Integer providerStatus) {

    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String FAILED = "failed";

    static VideoJob pending(String id) {
        return new VideoJob(id, PENDING, null, null, null, null, null, null);
    }

    static VideoJob done(String id, String videoUrl, String revisedPrompt, Long created, String requestedModel) {
        return new VideoJob(id, DONE, videoUrl, revisedPrompt, created, requestedModel, null, null);
    }

    static VideoJob failed(String id, String error, Integer providerStatus) {
        return new VideoJob(id, FAILED, null, null, null, null, error, providerStatus);
    }
}
