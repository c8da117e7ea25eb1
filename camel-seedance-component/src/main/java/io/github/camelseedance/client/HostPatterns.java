package io.github.camelseedance.client;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Host names in the JVM's {@code http.nonProxyHosts} form ({@code localhost|*.internal.example|10.*}): names or
 * addresses separated by a vertical bar or a comma, each of which may begin or end with an asterisk.
 */
final class HostPatterns {

    private HostPatterns() {}

    /** Whether {@code host} matches one of {@code patterns}; null or blank patterns match nothing. */
    static boolean matches(String patterns, String host) {
        String name = bare(host);
        return list(patterns).stream().anyMatch(pattern -> matchesOne(pattern, name));
    }

    /** The patterns, trimmed and in lower case, without empty ones. */
    static List<String> list(String patterns) {
        if (patterns == null || patterns.isBlank()) {
            return List.of();
        }
        return Arrays.stream(patterns.split("[|,]"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(HostPatterns::bare)
                .toList();
    }

    /** A host as compared here: lower case, an IPv6 address without its brackets. */
    static String bare(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    private static boolean matchesOne(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return host.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return host.equals(pattern);
    }
}
