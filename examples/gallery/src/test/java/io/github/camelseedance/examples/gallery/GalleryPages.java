package io.github.camelseedance.examples.gallery;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a written gallery back for the examples' tests: one input's card, its parameters, and what the page loads. */
public final class GalleryPages {

    private GalleryPages() {}

    /** The card of {@code input}; fails when the page has none. */
    public static Element card(Document page, String input) {
        return page.select("article.card").stream()
                .filter(card -> card.attr("data-input").equals(input))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + input));
    }

    /** The card's parameters, name to value, in the page's order. */
    public static Map<String, String> parameters(Element card) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Element name : card.select("dl.parameters dt")) {
            parameters.put(name.text(), name.nextElementSibling().text());
        }
        return parameters;
    }

    /** Nothing on the page is loaded from the network: every {@code src} and {@code href} stays beside the page. */
    public static void assertLoadsNothingFromTheNetwork(Document page) {
        assertThat(page.select("[src], [href]"))
                .as("nothing is loaded from the network")
                .allSatisfy(element ->
                        assertThat(element.attr("src") + element.attr("href")).doesNotContain("//"));
    }
}
