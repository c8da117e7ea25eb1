package io.github.camelseedance.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.MultiMap;

/** Copies Vert.x headers into plain maps keyed by lower-case name, so records outlive the request and read simply. */
final class HeaderMaps {

    private HeaderMaps() {}

    static Map<String, List<String>> copyOf(MultiMap headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            copy.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(header.getValue());
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }

    static Map<String, String> firstValues(Map<String, List<String>> headers) {
        Map<String, String> first = new LinkedHashMap<>();
        headers.forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }
}
