package io.github.camelseedance.examples.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelseedance.model.FrameImage;
import io.github.camelseedance.model.FrameType;
import io.github.camelseedance.model.VideoGenerationRequest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The page of a run's videos: one card per input, with its video, prompt, model and parameters, or the reason it
 * failed. Built as a jsoup document, so text from requests and errors is always escaped; styles are inline and nothing
 * is loaded from the network, so the page opens from the file system on a machine without internet.
 */
public final class Gallery {

    private static final String CSS = "/io/github/camelseedance/examples/gallery/gallery.css";

    private Gallery() {}

    /** The whole page as HTML. */
    public static String html(String title, List<GalleryCard> cards) {
        return page(title, cards).outerHtml();
    }

    /** The whole page, for a caller that adds to it (a form, a script). The cards are in {@code main#cards}. */
    public static Document page(String title, List<GalleryCard> cards) {
        Document page = Document.createShell("");
        // standards mode: without a doctype browsers lay the page out in quirks mode
        page.prependChild(new DocumentType("html", "", ""));
        page.charset(StandardCharsets.UTF_8);
        page.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width");
        page.title(title);
        page.head().appendElement("style").appendText(Styles.TEXT);
        page.body().appendElement("h1").text(title);
        page.body().appendElement("p").addClass("summary").text(summary(cards));
        Element main = page.body().appendElement("main").id("cards");
        cards.forEach(card -> main.appendChild(card(card)));
        return page;
    }

    /** One card, in the markup the page uses. */
    public static Element card(GalleryCard card) {
        Element article = new Element("article").addClass("card").attr("data-input", card.input());
        if (card.failed()) {
            article.addClass("failed");
            article.appendElement("p").addClass("failure").attr("role", "alert").text(card.failure());
        } else {
            article.appendElement("video")
                    .attr("controls", true)
                    .attr("preload", "metadata")
                    .attr("src", card.videoHref());
        }
        article.appendElement("h2").text(card.input());
        VideoGenerationRequest request = card.request();
        if (request != null) {
            if (request.prompt() != null) {
                article.appendElement("p").addClass("prompt").text(request.prompt());
            }
            Element parameters = article.appendElement("dl").addClass("parameters");
            parameter(parameters, "Model", request.model());
            parameter(parameters, "Resolution", request.resolution());
            parameter(parameters, "Aspect ratio", request.aspectRatio());
            parameter(parameters, "Seconds", request.seconds());
            parameter(parameters, "Seed", request.seed());
            parameter(parameters, "Audio", request.generateAudio());
            parameter(parameters, "Negative prompt", request.negativePrompt());
            parameter(parameters, "Image", request.imageUrl());
            parameter(parameters, "First frame", frame(request, FrameType.FIRST_FRAME));
            parameter(parameters, "Last frame", frame(request, FrameType.LAST_FRAME));
            parameter(
                    parameters,
                    "References",
                    request.inputReferences() == null
                            ? null
                            : request.inputReferences().size());
        }
        return article;
    }

    /**
     * The address of a file in the page's own folder: percent-encoded, and never read as a scheme (a name like {@code
     * a:b.mp4}).
     */
    public static String href(String fileName) {
        try {
            return new URI(null, null, "./" + fileName, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a file name: " + fileName, e);
        }
    }

    /** "3 videos, 1 failed": the line under the title. */
    public static String summary(List<GalleryCard> cards) {
        long failed = cards.stream().filter(GalleryCard::failed).count();
        long videos = cards.size() - failed;
        return videos + (videos == 1 ? " video" : " videos") + ", " + failed + " failed";
    }

    private static void parameter(Element list, String name, Object value) {
        if (value != null) {
            list.appendElement("dt").text(name);
            list.appendElement("dd").text(String.valueOf(value));
        }
    }

    private static String frame(VideoGenerationRequest request, FrameType type) {
        if (request.frameImages() == null) {
            return null;
        }
        return request.frameImages().stream()
                .filter(frame -> frame.type() == type)
                .map(FrameImage::url)
                .findFirst()
                .orElse(null);
    }

    // read once: every page of a run carries the same styles inline
    private static final class Styles {

        static final String TEXT = load();

        private static String load() {
            try (InputStream in = Gallery.class.getResourceAsStream(CSS)) {
                if (in == null) {
                    throw new IllegalStateException("The gallery's styles are missing from the classpath: " + CSS);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the gallery's styles " + CSS, e);
            }
        }
    }
}
