package io.github.camelseedance.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A code block of a Markdown or AsciiDoc page, with the page line its first line of code is on. */
record DocSnippet(Path page, int line, String language, List<String> lines) {

    /** The repository's README, from the component module's directory (where Surefire runs the tests). */
    static final Path README = Path.of("..", "README.md");

    static final Path COMPONENT_PAGE = Path.of("src", "main", "docs", "seedance-component.adoc");

    private static final Pattern MARKDOWN_FENCE = Pattern.compile("^(\\s*)```\\s*([\\w-]*)\\s*$");
    private static final Pattern ASCIIDOC_SOURCE = Pattern.compile("^\\[source,\\s*([\\w-]+)[^]]*]\\s*$");

    String text() {
        return String.join("\n", lines) + "\n";
    }

    /** Where it is, as a reader would look it up: {@code README.md line 123}. */
    String where() {
        return page.getFileName() + " line " + line;
    }

    @Override
    public String toString() {
        return where();
    }

    /** The fenced blocks (```java ... ```) of a Markdown page in the given language, indented ones (in lists) too. */
    static List<DocSnippet> markdown(Path page, String language) {
        List<String> all = read(page);
        List<DocSnippet> snippets = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Matcher open = MARKDOWN_FENCE.matcher(all.get(i));
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            int end = i + 1;
            while (end < all.size() && !all.get(end).strip().equals("```")) {
                end++;
            }
            if (open.group(2).equals(language)) {
                List<String> code = all.subList(i + 1, end).stream()
                        .map(line -> line.length() >= indent
                                        && line.substring(0, indent).isBlank()
                                ? line.substring(indent)
                                : line.stripLeading())
                        .toList();
                snippets.add(new DocSnippet(page, i + 2, language, code));
            }
            i = end;
        }
        return snippets;
    }

    /** The {@code [source,yaml]} blocks of an AsciiDoc page, each between two {@code ----} lines. */
    static List<DocSnippet> asciidoc(Path page, String language) {
        List<String> all = read(page);
        List<DocSnippet> snippets = new ArrayList<>();
        for (int i = 0; i + 1 < all.size(); i++) {
            Matcher source = ASCIIDOC_SOURCE.matcher(all.get(i));
            if (!source.matches() || !all.get(i + 1).strip().equals("----")) {
                continue;
            }
            int end = i + 2;
            while (end < all.size() && !all.get(end).strip().equals("----")) {
                end++;
            }
            if (source.group(1).equals(language)) {
                snippets.add(new DocSnippet(page, i + 3, language, List.copyOf(all.subList(i + 2, end))));
            }
            i = end;
        }
        return snippets;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
