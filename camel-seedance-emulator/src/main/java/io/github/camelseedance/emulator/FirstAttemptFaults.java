package io.github.camelseedance.emulator;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults the first attempt of each distinct generation request, so a client's retries are deterministic. Requests are
 * told apart by a SHA-256 of their exact body; the set seen is concurrent, so of two identical first attempts arriving
 * at once exactly one is faulted.
 */
final class FirstAttemptFaults {

    private final Fault kind;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** {@code kind} null: no request is ever faulted. */
    FirstAttemptFaults(Fault kind) {
        this.kind = kind;
    }

    /** The fault for this body: the configured one the first time the body is taken, null after that (or when off). */
    Fault take(byte[] body) {
        return kind != null && seen.add(digest(body)) ? kind : null;
    }

    /** The configured fault; null when off. */
    Fault kind() {
        return kind;
    }

    /** Forgets the bodies seen: each one is faulted again on its next attempt. */
    void reset() {
        seen.clear();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
