package io.github.camelseedance.builder;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelseedance.builder.SeedanceEndpointBuilderFactory.AdvancedSeedanceEndpointBuilder;
import io.github.camelseedance.builder.SeedanceEndpointBuilderFactory.SeedanceEndpointBuilder;
import io.github.camelseedance.builder.SeedanceEndpointBuilderFactory.SeedanceHeaderNameBuilder;

/**
 * Compares the compiled builder with a catalog JSON, both ways: every option has its methods, of its name and type, on
 * the basic or advanced builder as its label says, and every builder method still has its option. Lists what differs.
 */
final class BuilderCatalogCheck {

    private static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "boolean", boolean.class,
            "byte", byte.class,
            "char", char.class,
            "short", short.class,
            "int", int.class,
            "long", long.class,
            "float", float.class,
            "double", double.class);

    private BuilderCatalogCheck() {}

    static List<String> problems(JsonNode catalog) {
        List<String> problems = new ArrayList<>();
        catalog.path("properties").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode option = entry.getValue();
            if ("path".equals(option.path("kind").asText())) {
                checkPath(catalog, name, option, problems);
            } else {
                checkOption(name, option, problems);
            }
        });
        checkNoStaleMethods(catalog, SeedanceEndpointBuilder.class, false, problems);
        checkNoStaleMethods(catalog, AdvancedSeedanceEndpointBuilder.class, true, problems);
        checkHeaders(catalog, problems);
        return problems;
    }

    /** The option's methods: one of its own type and, for any other type than String, one taking text. */
    private static void checkOption(String name, JsonNode option, List<String> problems) {
        boolean advanced = EndpointBuilderGenerator.advanced(option);
        Class<?> builder = advanced ? AdvancedSeedanceEndpointBuilder.class : SeedanceEndpointBuilder.class;
        Class<?> other = advanced ? SeedanceEndpointBuilder.class : AdvancedSeedanceEndpointBuilder.class;
        String javaType = option.path("javaType").asText();
        Class<?> type = typeOf(javaType);
        if (type == null) {
            problems.add("option " + name + ": its type " + javaType + " is not on the classpath");
            return;
        }
        for (Class<?> parameter :
                type == String.class ? List.<Class<?>>of(String.class) : List.of(type, String.class)) {
            Method method = declared(builder, name, parameter);
            if (method == null) {
                problems.add("option " + name + " (" + javaType + "): " + builder.getSimpleName() + " has no method "
                        + name + "(" + parameter.getSimpleName() + ")");
            } else if (method.getReturnType() != builder) {
                problems.add("option " + name + ": " + name + "(" + parameter.getSimpleName() + ") returns "
                        + method.getReturnType().getSimpleName() + ", not " + builder.getSimpleName());
            }
        }
        if (Arrays.stream(other.getDeclaredMethods()).anyMatch(m -> m.getName().equals(name))) {
            problems.add("option " + name + " (label " + option.path("label").asText() + ") belongs on "
                    + builder.getSimpleName() + ", not on " + other.getSimpleName());
        }
    }

    /** A path parameter is the argument of the static entry; one that is a single enum also takes its type, by name. */
    private static void checkPath(JsonNode catalog, String name, JsonNode option, List<String> problems) {
        String scheme = catalog.path("component").path("scheme").asText();
        Class<?> type = typeOf(option.path("javaType").asText());
        if (staticEntry(scheme, String.class) == null) {
            problems.add("path " + name + ": no static entry " + scheme + "(String path)");
        }
        Method typed = type == null ? null : staticEntry(scheme, type);
        if (typed == null) {
            problems.add("path " + name + ": no static entry " + scheme + "("
                    + option.path("javaType").asText() + " " + name + ")");
        } else if (!typed.getParameters()[0].getName().equals(name)) {
            problems.add(
                    "path " + name + ": the static entry's parameter is named " + typed.getParameters()[0].getName());
        }
    }

    private static void checkNoStaleMethods(
            JsonNode catalog, Class<?> builder, boolean advanced, List<String> problems) {
        for (Method method : builder.getDeclaredMethods()) {
            String name = method.getName();
            if (method.isSynthetic() || name.equals("advanced") || name.equals("basic")) {
                continue;
            }
            JsonNode option = catalog.path("properties").path(name);
            String signature = builder.getSimpleName() + "." + name + "("
                    + Arrays.stream(method.getParameterTypes())
                            .map(Class::getSimpleName)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                    + ")";
            if (option.isMissingNode() || "path".equals(option.path("kind").asText())) {
                problems.add(signature + ": there is no option " + name + " in the catalog");
            } else if (EndpointBuilderGenerator.advanced(option) != advanced) {
                problems.add(signature + ": option " + name + " is " + (advanced ? "not " : "") + "advanced");
            } else if (method.getParameterCount() != 1
                    || !allowedParameters(option.path("javaType").asText()).contains(method.getParameterTypes()[0])) {
                problems.add(signature + ": option " + name + " is a "
                        + option.path("javaType").asText());
            }
        }
    }

    /** The option's own type, text, and for a wrapper no literal boxes to, its primitive. */
    private static Set<Class<?>> allowedParameters(String javaType) {
        Set<Class<?>> allowed = new HashSet<>();
        allowed.add(String.class);
        Class<?> type = typeOf(javaType);
        if (type != null) {
            allowed.add(type);
        }
        String primitive = EndpointBuilderGenerator.LITERAL_PRIMITIVES.get(javaType);
        if (primitive != null) {
            allowed.add(PRIMITIVES.get(primitive));
        }
        return allowed;
    }

    private static void checkHeaders(JsonNode catalog, List<String> problems) {
        Set<String> methods = new HashSet<>();
        catalog.path("headers").fieldNames().forEachRemaining(header -> {
            String method = EndpointBuilderGenerator.headerMethod(header);
            methods.add(method);
            try {
                Object name = SeedanceHeaderNameBuilder.class
                        .getMethod(method)
                        .invoke(SeedanceEndpointBuilderFactory.seedance());
                if (!header.equals(name)) {
                    problems.add("header " + header + ": " + method + "() answers " + name);
                }
            } catch (NoSuchMethodException e) {
                problems.add("header " + header + ": SeedanceHeaderNameBuilder has no method " + method + "()");
            } catch (ReflectiveOperationException e) {
                problems.add("header " + header + ": " + e);
            }
        });
        for (Method method : SeedanceHeaderNameBuilder.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !methods.contains(method.getName())) {
                problems.add("SeedanceHeaderNameBuilder." + method.getName() + "(): there is no such header in the"
                        + " catalog");
            }
        }
    }

    private static Method declared(Class<?> type, String name, Class<?> parameter) {
        try {
            return type.getDeclaredMethod(name, parameter);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method staticEntry(String name, Class<?> parameter) {
        Method method = declared(SeedanceEndpointBuilderFactory.class, name, parameter);
        return method != null && Modifier.isStatic(method.getModifiers()) ? method : null;
    }

    /** A catalog javaType as a class: primitives by name, generics erased; null when not on the classpath. */
    static Class<?> typeOf(String javaType) {
        String erased = javaType.replaceAll("<.*", "");
        if (PRIMITIVES.containsKey(erased)) {
            return PRIMITIVES.get(erased);
        }
        try {
            return Class.forName(erased, false, BuilderCatalogCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
