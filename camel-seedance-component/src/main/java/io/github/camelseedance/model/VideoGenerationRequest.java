package io.github.camelseedance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * One video generation, in the provider's JSON shape (snake_case, absent fields omitted). As a message body it may
 * be partial: fields left unset are taken from headers or endpoint options, and the whole is validated before it is
 * sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(builder = VideoGenerationRequest.Builder.class)
public final class VideoGenerationRequest {

    private final String model;
    private final String prompt;
    private final Integer seconds;
    private final String resolution;
    private final String aspectRatio;
    private final String imageUrl;
    private final String negativePrompt;
    private final Long seed;
    private final Boolean generateAudio;
    private final List<FrameImage> frameImages;
    private final List<InputReference> inputReferences;

    private VideoGenerationRequest(Builder b) {
        this.model = b.model;
        this.prompt = b.prompt;
        this.seconds = b.seconds;
        this.resolution = b.resolution;
        this.aspectRatio = b.aspectRatio;
        this.imageUrl = b.imageUrl;
        this.negativePrompt = b.negativePrompt;
        this.seed = b.seed;
        this.generateAudio = b.generateAudio;
        this.frameImages = b.frameImages == null ? null : List.copyOf(b.frameImages);
        this.inputReferences = b.inputReferences == null ? null : List.copyOf(b.inputReferences);
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

    @JsonProperty("model")
    public String getModel() {
        return model;
    }

    @JsonProperty("prompt")
    public String getPrompt() {
        return prompt;
    }

    @JsonProperty("seconds")
    public Integer getSeconds() {
        return seconds;
    }

    @JsonProperty("resolution")
    public String getResolution() {
        return resolution;
    }

    @JsonProperty("aspect_ratio")
    public String getAspectRatio() {
        return aspectRatio;
    }

    @JsonProperty("image_url")
    public String getImageUrl() {
        return imageUrl;
    }

    @JsonProperty("negative_prompt")
    public String getNegativePrompt() {
        return negativePrompt;
    }

    @JsonProperty("seed")
    public Long getSeed() {
        return seed;
    }

    @JsonProperty("generate_audio")
    public Boolean getGenerateAudio() {
        return generateAudio;
    }

    @JsonProperty("frame_images")
    public List<FrameImage> getFrameImages() {
        return frameImages;
    }

    @JsonProperty("input_references")
    public List<InputReference> getInputReferences() {
        return inputReferences;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoGenerationRequest r
                && Objects.equals(model, r.model)
                && Objects.equals(prompt, r.prompt)
                && Objects.equals(seconds, r.seconds)
                && Objects.equals(resolution, r.resolution)
                && Objects.equals(aspectRatio, r.aspectRatio)
                && Objects.equals(imageUrl, r.imageUrl)
                && Objects.equals(negativePrompt, r.negativePrompt)
                && Objects.equals(seed, r.seed)
                && Objects.equals(generateAudio, r.generateAudio)
                && Objects.equals(frameImages, r.frameImages)
                && Objects.equals(inputReferences, r.inputReferences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VideoGenerationRequest{");
        append(sb, "model", model);
        append(sb, "prompt", prompt);
        append(sb, "seconds", seconds);
        append(sb, "resolution", resolution);
        append(sb, "aspectRatio", aspectRatio);
        append(sb, "imageUrl", imageUrl);
        append(sb, "negativePrompt", negativePrompt);
        append(sb, "seed", seed);
        append(sb, "generateAudio", generateAudio);
        append(sb, "frameImages", frameImages);
        append(sb, "inputReferences", inputReferences);
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ")
                    .append(name)
                    .append('=')
                    .append(value);
        }
    }

    /** Builds a request; nothing is checked here, since a partial request is a valid message body. */
    @JsonPOJOBuilder(withPrefix = "")
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

        @JsonProperty("model")
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder model(SeedanceModel model) {
            return model(model == null ? null : model.id());
        }

        @JsonProperty("prompt")
        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        @JsonProperty("seconds")
        public Builder seconds(Integer seconds) {
            this.seconds = seconds;
            return this;
        }

        @JsonProperty("resolution")
        public Builder resolution(String resolution) {
            this.resolution = resolution;
            return this;
        }

        @JsonProperty("aspect_ratio")
        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        @JsonProperty("image_url")
        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        @JsonProperty("negative_prompt")
        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        @JsonProperty("seed")
        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        @JsonProperty("generate_audio")
        public Builder generateAudio(Boolean generateAudio) {
            this.generateAudio = generateAudio;
            return this;
        }

        @JsonProperty("frame_images")
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

        @JsonProperty("input_references")
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
            return new VideoGenerationRequest(this);
        }
    }
}
