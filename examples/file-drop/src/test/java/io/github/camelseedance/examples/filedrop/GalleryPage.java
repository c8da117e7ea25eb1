package io.github.camelseedance.examples.filedrop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** The output folder's index.html read back as a reader sees it; reading checks that it is a whole page. */
record GalleryPage(Document document, List<Card> cards) {

    /** One card: a video's href or a failure, and the request's prompt and parameters as shown. */
    record Card(String input, String video, String failure, String prompt, Map<String, String> parameters) {}

    static GalleryPage read(Path output) throws IOException {
        String html = Files.readString(output.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html.strip())
                .as("a whole page")
                .startsWith("<!doctype html>")
                .endsWith("</html>");
        Document document = Jsoup.parse(html);
        List<Card> cards = document.select("main#cards > article.card").stream()
                .map(GalleryPage::card)
                .toList();
        long failed = cards.stream().filter(card -> card.failure() != null).count();
        String summary = document.selectFirst("p.summary").text();
        String bounded = "; the latest " + cards.size() + " shown";
        if (summary.endsWith(bounded)) {
            assertThat(summary).as("the summary counts every card").matches("\\d+ videos?, \\d+ failed" + bounded);
        } else {
            assertThat(summary)
                    .as("the summary counts the cards on the page")
                    .isEqualTo(plural(cards.size() - failed, "video") + ", " + failed + " failed");
        }
        return new GalleryPage(document, cards);
    }

    String summary() {
        return document.selectFirst("p.summary").text();
    }

    List<String> inputs() {
        return cards.stream().map(Card::input).toList();
    }

    Card card(String input) {
        List<Card> matching =
                cards.stream().filter(card -> card.input().equals(input)).toList();
        assertThat(matching).as("cards of " + input).hasSize(1);
        return matching.get(0);
    }

    private static Card card(Element article) {
        Element video = article.selectFirst("video");
        Element failure = article.selectFirst(".failure");
        Element prompt = article.selectFirst(".prompt");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Element term : article.select("dl.parameters > dt")) {
            parameters.put(term.text(), term.nextElementSibling().text());
        }
        return new Card(
                article.attr("data-input"),
                video == null ? null : video.attr("src"),
                failure == null ? null : failure.wholeText(),
                prompt == null ? null : prompt.wholeText(),
                parameters);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
