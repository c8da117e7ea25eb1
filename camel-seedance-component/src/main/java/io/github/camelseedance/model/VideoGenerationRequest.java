package io.github.camelseedance.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One video generation, in the provider's JSON shape (snake_case, absent fields omitted). As a message body it may be
 * partial: fields left unset are taken from headers or endpoint options, and the whole is validated before it is sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoGenerationRequest(
        @JsonProperty("model") String model,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("seconds") Integer seconds,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("aspect_ratio") String aspectRatio,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("negative_prompt") String negativePrompt,
        @JsonProperty("seed") Long seed,
        @JsonProperty("generate_audio") Boolean generateAudio,
        @JsonProperty("frame_images") List<FrameImage> frameImages,
        @JsonProperty("input_references") List<InputReference> inputReferences) {

    public VideoGenerationRequest {
        frameImages = frameImages == null ? null : List.copyOf(frameImages);
        inputReferences = inputReferences == null ? null : List.copyOf(inputReferences);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .model(model)
                .prompt(prompt)
                .seconds(seconds)
                .resolution(resolution)
                .aspectRatio(aspectRatio)
                .imageUrl(imageUrl)
                .negativePrompt(negativePrompt)
                .seed(seed)
                .generateAudio(generateAudio)
                .frameImages(frameImages)
                .inputReferences(inputReferences);
    }

    /** Builds a request; nothing is checked here, since a partial request is a valid message body. */
    public static final class Builder {

        private String model;
        private String prompt;
        private Integer seconds;
        private String resolution;
        private String aspectRatio;
        private String imageUrl;
        private String negativePrompt;
        private Long seed;
        private Boolean generateAudio;
        private List<FrameImage> frameImages;
        private List<InputReference> inputReferences;

        private Builder() {}

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder model(SeedanceModel model) {
            return model(model == null ? null : model.id());
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder seconds(Integer seconds) {
            this.seconds = seconds;
            return this;
        }

        public Builder resolution(String resolution) {
            this.resolution = resolution;
            return this;
        }

        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder generateAudio(Boolean generateAudio) {
            this.generateAudio = generateAudio;
            return this;
        }

        public Builder frameImages(List<FrameImage> frameImages) {
            this.frameImages = frameImages == null ? null : new ArrayList<>(frameImages);
            return this;
        }

        /** Adds a frame image; {@code firstFrame(url)} and {@code lastFrame(url)} are the usual shortcuts. */
        public Builder frameImage(FrameImage frameImage) {
            if (frameImages == null) {
                frameImages = new ArrayList<>();
            }
            frameImages.add(frameImage);
            return this;
        }

        public Builder firstFrame(String url) {
            return frameImage(FrameImage.firstFrame(url));
        }

        public Builder lastFrame(String url) {
            return frameImage(FrameImage.lastFrame(url));
        }

        public Builder inputReferences(List<InputReference> inputReferences) {
            this.inputReferences = inputReferences == null ? null : new ArrayList<>(inputReferences);
            return this;
        }

        public Builder inputReference(InputReference inputReference) {
            if (inputReferences == null) {
                inputReferences = new ArrayList<>();
            }
            inputReferences.add(inputReference);
            return this;
        }

        public VideoGenerationRequest build() {
            return new VideoGenerationRequest(
                    model,
                    prompt,
                    seconds,
                    resolution,
                    aspectRatio,
                    imageUrl,
                    negativePrompt,
                    seed,
                    generateAudio,
                    frameImages,
                    inputReferences);
        }
    }
}
