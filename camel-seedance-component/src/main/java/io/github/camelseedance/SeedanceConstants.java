package io.github.camelseedance;

import org.apache.camel.spi.Metadata;

/** Message headers read and written by the Seedance producer. A request header overrides the body and the options. */
public final class SeedanceConstants {

    @Metadata(label = "producer", description = "The model id; overrides the model option.", javaType = "String")
    public static final String MODEL = "CamelSeedanceModel";

    @Metadata(
            label = "producer",
            description = "The text description of the video; overrides a String body and the prompt option.",
            javaType = "String")
    public static final String PROMPT = "CamelSeedancePrompt";

    @Metadata(label = "producer", description = "The duration in seconds: 5 or 10.", javaType = "Integer")
    public static final String SECONDS = "CamelSeedanceSeconds";

    @Metadata(label = "producer", description = "The resolution: 480p, 720p or 1080p.", javaType = "String")
    public static final String RESOLUTION = "CamelSeedanceResolution";

    @Metadata(label = "producer", description = "The aspect ratio: 16:9, 9:16 or 1:1.", javaType = "String")
    public static final String ASPECT_RATIO = "CamelSeedanceAspectRatio";

    @Metadata(
            label = "producer",
            description = "The input image URL for image-to-video (absolute http or https).",
            javaType = "String")
    public static final String IMAGE_URL = "CamelSeedanceImageUrl";

    @Metadata(label = "producer", description = "What the video should not contain.", javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelSeedanceNegativePrompt";

    @Metadata(
            label = "producer",
            description = "The random seed; the same seed gives the same video.",
            javaType = "Long")
    public static final String SEED = "CamelSeedanceSeed";

    @Metadata(label = "producer", description = "Whether to generate an audio track.", javaType = "Boolean")
    public static final String GENERATE_AUDIO = "CamelSeedanceGenerateAudio";

    @Metadata(
            label = "producer",
            description = "The URL of the image that pins the first frame (sent in frame_images).",
            javaType = "String")
    public static final String FIRST_FRAME_URL = "CamelSeedanceFirstFrameUrl";

    @Metadata(
            label = "producer",
            description = "The URL of the image that pins the last frame (sent in frame_images; needs a first frame).",
            javaType = "String")
    public static final String LAST_FRAME_URL = "CamelSeedanceLastFrameUrl";

    @Metadata(
            label = "producer",
            description = "Reference materials for the 2.0 models: a List of InputReference, or the compact form"
                    + " of the inputReferences option (type:url, comma separated).",
            javaType = "java.util.List<io.github.camelseedance.model.InputReference>")
    public static final String INPUT_REFERENCES = "CamelSeedanceInputReferences";

    @Metadata(
            label = "producer",
            description =
                    "The URL of the generated video on the provider's CDN; for seedance:download, the video to fetch.",
            javaType = "String")
    public static final String VIDEO_URL = "CamelSeedanceVideoUrl";

    @Metadata(
            label = "producer",
            description = "The prompt as the provider revised it (often empty).",
            javaType = "String")
    public static final String REVISED_PROMPT = "CamelSeedanceRevisedPrompt";

    @Metadata(label = "producer", description = "When the video was created, in Unix seconds.", javaType = "Long")
    public static final String CREATED = "CamelSeedanceCreated";

    @Metadata(
            label = "producer",
            description = "The model id the request asked for (the API does not echo one back).",
            javaType = "String")
    public static final String REQUESTED_MODEL = "CamelSeedanceRequestedModel";

    private SeedanceConstants() {}
}
