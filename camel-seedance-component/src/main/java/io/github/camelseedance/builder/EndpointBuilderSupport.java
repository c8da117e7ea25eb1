package io.github.camelseedance.builder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.github.camelseedance.SeedanceEndpointUriFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Expression;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.spi.Language;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.EndpointHelper;
import org.apache.camel.support.NormalizedUri;
import org.apache.camel.util.URISupport;

/**
 * The part of the endpoint builder that is not generated, as camel-endpointdsl's {@code AbstractEndpointBuilder}: the
 * options as set, and the URI computed from them, with secret options in {@code RAW()} as Camel's URI factories write them.
 */
abstract class EndpointBuilderSupport {

    private static final Set<String> SECRET_OPTIONS = new SeedanceEndpointUriFactory().secretPropertyNames();

    private final String scheme;
    private final String path;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> multiValues = new LinkedHashMap<>();
    private volatile Language simple;

    EndpointBuilderSupport(String scheme, String path) {
        this.scheme = scheme;
        this.path = path;
    }

    /**
     * The endpoint for these options. The values go to the component as set (a key needs no escaping), and the URI,
     * which identifies the endpoint, is the one the same options written as text give.
     */
    public Endpoint resolve(CamelContext context) throws NoSuchEndpointException {
        Map<String, Object> options = resolvePlaceholders(context, allOptions());
        NormalizedUri uri = computeUri(options, context, false, true);
        Endpoint endpoint = context.getCamelContextExtension().getEndpoint(uri, options);
        if (endpoint == null) {
            throw new NoSuchEndpointException(URISupport.sanitizeUri(uri.getUri()));
        }
        return endpoint;
    }

    public <T extends Endpoint> T resolve(CamelContext context, Class<T> endpointType) throws NoSuchEndpointException {
        return endpointType.cast(resolve(context));
    }

    /** The URI, encoded, with placeholders left as written. */
    public String getUri() {
        return computeUri(allOptions(), null, false, true).getUri();
    }

    /** The URI as written, not encoded: what the route model and its dumps show. */
    public String getRawUri() {
        return computeUri(allOptions(), null, false, false).getUri();
    }

    public void doSetProperty(String key, Object value) {
        properties.put(key, value);
    }

    public void doSetMultiValueProperty(String name, String key, Object value) {
        multiValues.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(key, value);
    }

    public void doSetMultiValueProperties(String name, String prefix, Map<String, Object> values) {
        values.forEach((key, value) -> doSetMultiValueProperty(name, prefix + key, value));
    }

    /** For {@code toD()}: values that are not text are bound in the registry and referred to by {@code #name}. */
    public Expression expr(CamelContext context) {
        NormalizedUri uri = computeUri(resolvePlaceholders(context, allOptions()), context, true, false);
        if (simple == null) {
            simple = context.resolveLanguage("simple");
        }
        return simple.createExpression(uri.getUri());
    }

    /** The URI with every secret hidden, so a printed builder shows no key. */
    @Override
    public String toString() {
        return URISupport.sanitizeUri(getUri());
    }

    private Map<String, Object> allOptions() {
        Map<String, Object> options = new LinkedHashMap<>(properties);
        multiValues.values().forEach(options::putAll);
        return options;
    }

    /** Placeholders in text values resolved; an optional one ({@code {{?name}}}) that does not resolve is dropped. */
    private static Map<String, Object> resolvePlaceholders(CamelContext context, Map<String, Object> options) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (value instanceof String text) {
                String changed = context.getCamelContextExtension().resolvePropertyPlaceholders(text, true);
                if (!changed.startsWith(PropertiesComponent.PREFIX_OPTIONAL_TOKEN)) {
                    resolved.put(key, changed);
                }
            } else {
                resolved.put(key, value);
            }
        });
        return resolved;
    }

    /**
     * Sorted, as Camel normalizes endpoint URIs; a value that is neither text, a number, a boolean nor an enum is bound
     * in the registry (when asked) or stands in the URI only as a hash of such values, as in Camel's builders.
     */
    private NormalizedUri computeUri(
            Map<String, Object> options, CamelContext context, boolean bindToRegistry, boolean encode) {
        Map<String, Object> query = new TreeMap<>();
        Map<String, Object> remaining = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (value instanceof String text) {
                query.put(key, SECRET_OPTIONS.contains(key) ? raw(text) : text);
            } else if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
                query.put(key, value.toString());
            } else if (value != null && context != null && bindToRegistry) {
                String name = Integer.toHexString(value.hashCode());
                context.getRegistry().bind(name, value);
                query.put(key, "#" + name);
            } else if (value != null) {
                remaining.put(key, value);
            }
        });
        if (!remaining.isEmpty()) {
            query.put("hash", Integer.toHexString(remaining.hashCode()));
        }
        String targetScheme = scheme;
        String targetPath = path;
        if (context != null) {
            targetScheme = context.resolvePropertyPlaceholders(targetScheme);
            targetPath = EndpointHelper.resolveEndpointUriPropertyPlaceholders(context, targetPath);
        }
        String uri = targetScheme + "://" + targetPath;
        if (!query.isEmpty()) {
            uri += (targetPath.contains("?") ? "&" : "?") + URISupport.createQueryString(query, encode);
        }
        return NormalizedUri.newNormalizedUri(uri, true);
    }

    /** As the generated URI factory writes a secret: in RAW() unless it is already, or is a bean reference. */
    private static String raw(String value) {
        return value.startsWith("#") || value.startsWith("RAW(") || value.startsWith("RAW{")
                ? value
                : "RAW(" + value + ")";
    }
}
