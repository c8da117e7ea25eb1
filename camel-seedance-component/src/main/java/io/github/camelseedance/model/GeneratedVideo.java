package io.github.camelseedance.model;

/**
 * The outcome of a generation: where the video is, the prompt as the provider revised it, and when it was made.
 *
 * @param url           the video's address on the provider's CDN
 * @param revisedPrompt the prompt as the provider rewrote it; often empty
 * @param created       Unix time in seconds, or null if the provider left it out
 * @param requestedModel the model id that was asked for; the API does not echo one back
 */
public record GeneratedVideo(String url, String revisedPrompt, Long created, String requestedModel) {}
