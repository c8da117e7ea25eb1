package io.github.camelseedance.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelseedance.SeedanceConfiguration;
import io.github.camelseedance.SeedanceEndpoint;
import io.github.camelseedance.examples.gallery.Gallery;
import io.github.camelseedance.examples.gallery.GalleryCard;
import io.github.camelseedance.model.SeedanceModel;
import org.apache.camel.CamelContext;
import org.apache.camel.CatalogCamelContext;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * The page at {@code /}: the jobs as the examples' galleries show videos, a form that posts to {@code /videos}, and a
 * script that polls each job and adds its card, fetched from the server, when it is ready.
 */
@Component
public class GalleryPage {

    static final String TITLE = "Seedance videos";
    private static final String SCRIPT = "page.js";
    private static final String STYLES = "page.css";

    private final CamelContext camelContext;
    private final VideoJobs jobs;
    private volatile JsonNode catalog;

    public GalleryPage(CamelContext camelContext, VideoJobs jobs) {
        this.camelContext = camelContext;
        this.jobs = jobs;
    }

    /** The page, with the Content-Security-Policy that lets exactly its own inline script and styles run. */
    public record Html(String html, String contentSecurityPolicy) {}

    public Html page() {
        List<GalleryCard> cards = new ArrayList<>();
        Element pending = new Element("ul").id("pending").attr("aria-live", "polite");
        for (VideoJobs.Submission submission : jobs.submissions()) {
            card(submission).ifPresentOrElse(cards::add, () -> pending.appendChild(pendingItem(submission)));
        }
        Document page = Gallery.page(TITLE, cards);
        page.head().appendChild(Gallery.style(Resources.STYLES));
        page.selectFirst("p.summary").before(form());
        page.selectFirst("main#cards").before(pending);
        page.body().appendElement("script").appendChild(new DataNode(Resources.SCRIPT));
        String html = page.outerHtml();
        return new Html(html, ContentSecurityPolicy.of(html));
    }

    /** A finished job's card, in the gallery's markup; empty while the job is pending. */
    public Optional<GalleryCard> card(VideoJobs.Submission submission) {
        VideoJob job = submission.job();
        return switch (job.status()) {
            case VideoJob.DONE ->
                Optional.of(
                        job.videoUrl() == null
                                ? GalleryCard.failed(
                                        job.id(), submission.request(), "The provider's answer had no video URL")
                                : GalleryCard.video(job.id(), submission.request(), job.videoUrl()));
            case VideoJob.FAILED -> Optional.of(GalleryCard.failed(job.id(), submission.request(), job.error()));
            default -> Optional.empty();
        };
    }

    private static Element pendingItem(VideoJobs.Submission submission) {
        return new Element("li")
                .attr("data-id", submission.job().id())
                .text("Generating: " + submission.request().prompt());
    }

    private Element form() {
        SeedanceConfiguration defaults = camelContext
                .getEndpoint(VideoRoutes.GENERATE_URI, SeedanceEndpoint.class)
                .getConfiguration();
        // the server checks every field and names the one at fault; the browser's own checks would hide that
        Element form = new Element("form").id("video-form").attr("novalidate", true);
        form.appendElement("label").attr("for", "prompt").text("Prompt");
        form.appendElement("textarea")
                .id("prompt")
                .attr("name", "prompt")
                .attr("rows", "3")
                .attr("required", true)
                .attr("placeholder", "A lighthouse at dusk, waves breaking on the rocks");
        Element choices = form.appendElement("div").addClass("choices");
        select(choices, "model", "Model", SeedanceModel.ids(), defaults.getModel());
        select(choices, "resolution", "Resolution", allowed("resolution"), defaults.getResolution());
        select(choices, "aspect_ratio", "Aspect ratio", allowed("aspectRatio"), defaults.getAspectRatio());
        select(choices, "seconds", "Seconds", allowed("seconds"), defaults.getSeconds());
        form.appendElement("button").attr("type", "submit").text("Generate");
        form.appendElement("p").id("form-error").attr("role", "alert").attr("hidden", true);
        return form;
    }

    /** A select of the allowed values, led by an empty choice: the field is then left out and the default applies. */
    private static void select(Element parent, String name, String label, List<String> values, Object fallback) {
        Element field = parent.appendElement("label").text(label);
        Element select = field.appendElement("select").attr("name", name);
        select.appendElement("option")
                .attr("value", "")
                .text(fallback == null ? "provider default" : "default (" + fallback + ")");
        values.forEach(
                value -> select.appendElement("option").attr("value", value).text(value));
    }

    /** The values the component's catalog lists for an option, so the form offers what the component accepts. */
    private List<String> allowed(String option) {
        List<String> values = new ArrayList<>();
        catalog().path("properties").path(option).path("enum").forEach(value -> values.add(value.asText()));
        if (values.isEmpty()) {
            throw new IllegalStateException("The seedance catalog lists no values for " + option);
        }
        return values;
    }

    private JsonNode catalog() {
        if (catalog == null) {
            if (!(camelContext instanceof CatalogCamelContext catalogs)) {
                throw new IllegalStateException("This CamelContext cannot read component catalogs");
            }
            try {
                catalog = new ObjectMapper().readTree(catalogs.getComponentParameterJsonSchema("seedance"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the seedance component's catalog", e);
            }
        }
        return catalog;
    }

    // read once: the same script and styles go into every page
    private static final class Resources {

        static final String SCRIPT = load(GalleryPage.SCRIPT);
        static final String STYLES = load(GalleryPage.STYLES);

        private static String load(String name) {
            try (InputStream in = GalleryPage.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("The page's " + name + " is missing from the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the page's " + name, e);
            }
        }
    }
}
