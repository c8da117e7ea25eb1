package io.github.camelseedance.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What the forward proxy saw and did: every request line received, every target it connected to, and how many
 * requests it refused for missing credentials or a target off loopback. Written on event loops and read by test
 * threads, so every access is synchronised and readers get copies.
 */
final class ProxyRecords {

    private final List<String> requests = new ArrayList<>();
    private final List<String> contacted = new ArrayList<>();
    private int authenticationRefusals;
    private int targetRefusals;

    synchronized void received(String method, String target) {
        requests.add(method + " " + target);
    }

    synchronized void contacted(String authority) {
        contacted.add(authority);
    }

    synchronized void refusedAuthentication() {
        authenticationRefusals++;
    }

    synchronized void refusedTarget() {
        targetRefusals++;
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> contacted() {
        return List.copyOf(contacted);
    }

    synchronized int authenticationRefusals() {
        return authenticationRefusals;
    }

    synchronized int targetRefusals() {
        return targetRefusals;
    }

    synchronized void clear() {
        requests.clear();
        contacted.clear();
        authenticationRefusals = 0;
        targetRefusals = 0;
    }
}
