package io.github.camelseedance.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the option and header tables of the component page from the catalog JSON, between marker comments, so the
 * tables cannot drift from the annotations. Run by the build at process-test-classes; not part of the jar.
 */
public final class ComponentDocsGenerator {

    static final String COMPONENT_OPTIONS = "component options";
    static final String ENDPOINT_OPTIONS = "endpoint options";
    static final String HEADERS = "component headers";

    private static final String OPTION_COLUMNS =
            "[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n| Name | Description | Default | Type\n";
    private static final String HEADER_COLUMNS =
            "[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n";
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{\\w[\\w-]*}");
    private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?=[A-Z])");

    private ComponentDocsGenerator() {}

    /** Arguments: the catalog JSON, then the AsciiDoc page to rewrite in place (written only when it changes). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ComponentDocsGenerator <catalog.json> <component.adoc>");
        }
        Path page = Path.of(args[1]);
        String current = Files.readString(page);
        String updated =
                update(current, new ObjectMapper().readTree(Path.of(args[0]).toFile()));
        if (!updated.equals(current)) {
            Files.writeString(page, updated);
            System.out.println("Updated the option and header tables of " + page);
        }
    }

    static String update(String page, JsonNode catalog) {
        String result = replaceBetweenMarkers(page, COMPONENT_OPTIONS, componentOptions(catalog));
        result = replaceBetweenMarkers(result, ENDPOINT_OPTIONS, endpointOptions(catalog));
        return replaceBetweenMarkers(result, HEADERS, headers(catalog));
    }

    /** Replaces the lines between `// name: START` and `// name: END`; everything else stays byte for byte. */
    static String replaceBetweenMarkers(String page, String name, String content) {
        Matcher start = markerLine(name + ": START").matcher(page);
        Matcher end = markerLine(name + ": END").matcher(page);
        if (!start.find() || !end.find(start.end())) {
            throw new IllegalStateException("The page has no marker lines '// " + name + ": START' and '// " + name
                    + ": END' (in this order) to put the generated table between");
        }
        return page.substring(0, start.end()) + content + page.substring(end.start());
    }

    private static Pattern markerLine(String marker) {
        return Pattern.compile("(?m)^// " + Pattern.quote(marker) + "[ \\t]*(\\n|\\z)");
    }

    static String componentOptions(JsonNode catalog) {
        List<JsonNode> options = list(catalog.path("componentProperties"));
        return "The " + title(catalog) + " component supports " + options.size()
                + " options, which are listed below.\n\n" + optionTable(options);
    }

    static String endpointOptions(JsonNode catalog) {
        List<JsonNode> path = new ArrayList<>();
        List<JsonNode> query = new ArrayList<>();
        for (JsonNode option : list(catalog.path("properties"))) {
            ("path".equals(option.path("kind").asText()) ? path : query).add(option);
        }
        return "The " + title(catalog) + " endpoint is configured using URI syntax `"
                + catalog.path("component").path("syntax").asText() + "`, with " + path.size()
                + " path and " + query.size() + " query parameters.\n\n"
                + ".Path parameters\n" + optionTable(path) + "\n"
                + ".Query parameters\n" + optionTable(query);
    }

    static String headers(JsonNode catalog) {
        List<JsonNode> headers = list(catalog.path("headers"));
        StringBuilder table = new StringBuilder("The " + title(catalog) + " component supports " + headers.size()
                + " message headers, which are listed below.\n\n" + HEADER_COLUMNS);
        for (JsonNode header : headers) {
            table.append("| *")
                    .append(cell(header.path("name").asText()))
                    .append("* | ")
                    .append(description(header))
                    .append(" | ")
                    .append(cell(simpleTypeName(header.path("javaType").asText())))
                    .append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String optionTable(List<JsonNode> options) {
        StringBuilder table = new StringBuilder(OPTION_COLUMNS);
        for (JsonNode option : options) {
            table.append("| *")
                    .append(cell(option.path("name").asText()))
                    .append("* (")
                    .append(cell(option.path("group").asText()))
                    .append(") | ")
                    .append(description(option))
                    .append(" | ")
                    .append(cell(defaultValue(option)))
                    .append(" | ")
                    .append(cell(type(option)))
                    .append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String description(JsonNode option) {
        String flags = (option.path("required").asBoolean() ? "*Required* " : "")
                + (option.path("deprecated").asBoolean() ? "*Deprecated* " : "");
        return flags + cell(option.path("description").asText());
    }

    /**
     * Camel's tooling writes {@code false} as the default of every boolean option that declares none, so for a
     * {@code java.lang.Boolean} option, which is left unset, that {@code false} says nothing and is not shown.
     */
    private static String defaultValue(JsonNode option) {
        JsonNode value = option.path("defaultValue");
        if (value.isMissingNode()
                || ("java.lang.Boolean".equals(option.path("javaType").asText()) && "false".equals(value.asText()))) {
            return "";
        }
        return value.asText();
    }

    private static String type(JsonNode option) {
        String type = option.path("type").asText();
        if ("object".equals(type)) {
            return simpleTypeName(option.path("javaType").asText());
        }
        if (option.has("enum")) {
            List<String> values = new ArrayList<>();
            option.path("enum").forEach(value -> values.add(value.asText()));
            return type + " (" + String.join(", ", values) + ")";
        }
        return type;
    }

    /** {@code java.util.List<io.example.Item>} becomes {@code List<Item>}. */
    static String simpleTypeName(String javaType) {
        return PACKAGE_PREFIX.matcher(javaType).replaceAll("");
    }

    /** One line of cell text: `|` would end the cell and `{name}` would be read as an attribute reference. */
    static String cell(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ").replace("|", "\\|");
        return ATTRIBUTE_REFERENCE.matcher(oneLine).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }

    private static String title(JsonNode catalog) {
        return catalog.path("component").path("title").asText();
    }

    private static List<JsonNode> list(JsonNode object) {
        List<JsonNode> entries = new ArrayList<>();
        // the catalog keys each entry by its name: keep the name beside the entry's fields, in the catalog's order
        object.properties().forEach(entry -> {
            ObjectNode copy = ((ObjectNode) entry.getValue()).deepCopy();
            copy.put("name", entry.getKey());
            entries.add(copy);
        });
        return entries;
    }
}
