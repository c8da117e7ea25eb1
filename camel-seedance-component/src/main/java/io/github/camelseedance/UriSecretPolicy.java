package io.github.camelseedance;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.SecurityUtils;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel Main's {@code camel.security.secretPolicy} (allow, warn, fail) applied to the secret options a route writes
 * into a seedance endpoint URI: Camel checks properties only. DESIGN.md's "No credential in any log" says why.
 */
final class UriSecretPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(UriSecretPolicy.class);

    /** The options declared {@code secret = true}, as the generated URI factory lists them. */
    static final Set<String> SECRET_OPTIONS = new SeedanceEndpointUriFactory().secretPropertyNames();

    private static final Set<String> POLICIES = Set.of("allow", "warn", "fail");

    private UriSecretPolicy() {}

    /**
     * Judges the secret options among {@code parameters} by the text of the route step being created, where a
     * placeholder still reads as one; an endpoint created outside a route step has no such text and is not judged.
     *
     * @throws IllegalArgumentException when the policy is fail and a secret is written as plain text
     */
    static void check(CamelContext context, String scheme, Map<String, Object> parameters) {
        if (parameters.keySet().stream().noneMatch(UriSecretPolicy::isSecret)) {
            return;
        }
        String policy = policy(context);
        String written = policy.equals("allow") ? null : writtenUri(context);
        if (written == null) {
            return;
        }
        Map<String, Object> query;
        try {
            query = URISupport.parseQuery(URISupport.extractQuery(written), true, true);
        } catch (Exception e) {
            return; // Camel itself refuses a URI it cannot read
        }
        for (Map.Entry<String, Object> option : query.entrySet()) {
            if (isSecret(option.getKey()) && SecurityUtils.isPlainTextSecret(unwrapRaw(option.getValue()))) {
                String message = describe(context, scheme, option.getKey(), policy);
                if (policy.equals("fail")) {
                    throw new IllegalArgumentException(message);
                }
                LOG.warn(message);
            }
        }
    }

    private static boolean isSecret(String option) {
        return SECRET_OPTIONS.stream().anyMatch(option::equalsIgnoreCase);
    }

    /**
     * As Camel Main resolves it from its properties: {@code camel.security.secretPolicy}, else
     * {@code camel.security.policy}, else fail under {@code camel.main.profile=prod}, else warn.
     */
    static String policy(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        String source = null;
        String value = null;
        for (String key : new String[] {
            "camel.security.secretPolicy", "camel.security.secret-policy", "camel.security.policy", "camel.main.profile"
        }) {
            value = properties.resolveProperty(key).orElse(null);
            if (value != null) {
                source = key;
                break;
            }
        }
        if (source == null) {
            return "warn";
        }
        if (source.equals("camel.main.profile")) {
            return value.strip().equalsIgnoreCase("prod") ? "fail" : "warn";
        }
        String policy = value.strip().toLowerCase(Locale.ROOT);
        if (!POLICIES.contains(policy)) {
            throw new IllegalArgumentException(
                    "Invalid " + source + " '" + value + "': allowed values are allow, warn, fail");
        }
        return policy;
    }

    /** The URI of the route step being created, as the route was written; null outside a route step. */
    private static String writtenUri(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        String routeId = extension.getCreateRoute();
        String stepId = extension.getCreateProcessor();
        Model model = extension.getContextPlugin(Model.class);
        RouteDefinition route = model == null || routeId == null ? null : model.getRouteDefinition(routeId);
        if (route == null || stepId == null) {
            return null;
        }
        return ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), EndpointRequiredDefinition.class)
                .stream()
                .filter(step ->
                        step instanceof OptionalIdentifiedDefinition<?> identified && stepId.equals(identified.getId()))
                .map(EndpointRequiredDefinition::getEndpointUri)
                .findFirst()
                .orElse(null);
    }

    /** Camel's own notion of a plain-text secret reads {@code RAW(...)} as text: look inside it. */
    private static Object unwrapRaw(Object value) {
        String text = String.valueOf(value);
        if ((text.startsWith("RAW(") && text.endsWith(")")) || (text.startsWith("RAW{") && text.endsWith("}"))) {
            return text.substring(4, text.length() - 1);
        }
        return text;
    }

    private static String describe(CamelContext context, String scheme, String option, String policy) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        return "The " + option + " option is written as plain text into the " + scheme + " endpoint URI of step "
                + extension.getCreateProcessor() + " in route " + extension.getCreateRoute()
                + " (the value is not shown here), where route dumps, tracing and Camel's own logs show it. Set it"
                + " on the component (camel.component." + scheme + "." + StringHelper.camelCaseToDash(option)
                + ") or through a property placeholder ({{name}}, {{env:NAME}}). camel.security.secretPolicy"
                + " is " + policy
                + (policy.equals("fail") ? "" : "; fail would refuse the route, and allow would accept it silently");
    }
}
