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
import org.jsoup.nodes.DataNode;
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
        Document page = unindented(Document.createShell(""));
        // standards mode: without a doctype browsers lay the page out in quirks mode
        page.prependChild(new DocumentType("html", "", ""));
        page.charset(StandardCharsets.UTF_8);
        page.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width");
        page.title(title);
        page.head().appendChild(style(Styles.TEXT));
        page.body().appendElement("h1").text(title);
        page.body().appendElement("p").addClass("summary").text(summary(cards));
        Element main = page.body().appendElement("main").id("cards");
        cards.forEach(card -> main.appendChild(card(card)));
        return page;
    }

    /** One card as HTML, for a page that adds it by itself; its text is kept as the page keeps it. */
    public static String cardHtml(GalleryCard card) {
        Element element = card(card);
        // detached, it would be written with jsoup's default settings, which indent
        unindented(Document.createShell("")).body().appendChild(element);
        return element.outerHtml();
    }

    /**
     * An inline style block, its rules written as they are ({@code a > b} stays a child selector, not {@code a &gt;
     * b}); for the pages' own styles only, never for text from a request.
     */
    public static Element style(String css) {
        return new Element("style").appendChild(new DataNode(css));
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
            parameter(parameters, "Image", shownUrl(request.imageUrl()));
            parameter(parameters, "First frame", shownUrl(frame(request, FrameType.FIRST_FRAME)));
            parameter(parameters, "Last frame", shownUrl(frame(request, FrameType.LAST_FRAME)));
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

    /**
     * An image's URL as a card shows it: without user-info, query and fragment. A presigned URL carries its credential
     * and signature in its query ({@code X-Amz-Signature}), and a page is made to be shared.
     */
    static String shownUrl(String url) {
        if (url == null) {
            return null;
        }
        int end = url.length();
        for (char mark : new char[] {'?', '#'}) {
            int at = url.indexOf(mark);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String shown = url.substring(0, end);
        int authority = shown.indexOf("://");
        if (authority >= 0) {
            authority += 3;
            int path = shown.indexOf('/', authority);
            int userInfo =
                    shown.substring(authority, path < 0 ? shown.length() : path).lastIndexOf('@');
            if (userInfo >= 0) {
                shown = shown.substring(0, authority) + shown.substring(authority + userInfo + 1);
            }
        }
        return shown;
    }

    // pretty-printing would collapse line breaks and runs of spaces in prompts and reasons, which the styles keep
    private static Document unindented(Document document) {
        document.outputSettings().prettyPrint(false);
        return document;
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
