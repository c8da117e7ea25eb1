package io.github.camelseedance.model;

/**
 * The outcome of a generation: the video's URL on the provider's CDN, the prompt as the provider revised it (often
 * empty), when it was made (Unix seconds, or null), and the model id asked for, since the API does not echo one back.
 */
public record GeneratedVideo(String url, String revisedPrompt, Long created, String requestedModel) {}
