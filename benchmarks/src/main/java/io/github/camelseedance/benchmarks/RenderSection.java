package io.github.camelseedance.benchmarks;

import static io.github.camelseedance.benchmarks.Markdown.code;
import static io.github.camelseedance.benchmarks.Markdown.f;
import static io.github.camelseedance.benchmarks.Markdown.verdict;

/** The render section of the report: how long the emulator takes to render its largest video, cold and warm. */
final class RenderSection {

    static final double TARGET_SECONDS = 5;

    private RenderSection() {}

    static String write(int number, RenderScenario.Result r) {
        double cold = r.coldSeconds().median();
        return "## " + number + ". The emulator renders its largest video: 1080p, 10 s, with audio\n\n"
                + "A fresh JVM per run, " + r.runs().size() + " runs; in it an emulator that renders each video for"
                + " its request (not the fixed clip), and the JDK's " + code("HttpClient") + " on loopback. Each"
                + " figure is the time from sending the " + code("GET") + " of a just generated video to its last"
                + " byte, for "
                + code("\"resolution\":\"1080p\",\"aspect_ratio\":\"16:9\",\"seconds\":10," + "\"generate_audio\":true")
                + ": the render (10 frames of 1920x1080 drawn with Java2D and encoded to H.264 by jcodec, AAC"
                + " muxed, the index moved to the front) and the transfer. Cold is the first render in the JVM;"
                + " warm is the median of the " + RenderScenario.WARM_RENDERS + " that follow, each for a prompt of"
                + " its own so none comes from the cache.\n\n"
                + "| Cold (s) | Warm (s) | Video (MB) |\n|---:|---:|---:|\n"
                + "| " + r.coldSeconds().format(2) + " | " + r.warmSeconds().format(2) + " | "
                + r.megabytes().format(2) + " |\n\n"
                + verdict(
                        "the largest video rendered within " + f(TARGET_SECONDS, 0) + " s, cold (median)",
                        cold <= TARGET_SECONDS,
                        f(cold, 2) + " s",
                        "Why: " + f(cold - TARGET_SECONDS, 2) + " s over; nearly all of it is jcodec's H.264"
                                + " encoder, one thread per video. What would close it: fewer pixels to encode"
                                + " (a smaller frame scaled up by the player) or encoding the frames of one video on"
                                + " both cores.")
                + "\n";
    }
}
