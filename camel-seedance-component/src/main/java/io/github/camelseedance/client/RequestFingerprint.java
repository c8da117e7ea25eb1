package io.github.camelseedance.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.camelseedance.model.VideoGenerationRequest;

/**
 * A request's identity: the SHA-256 of its JSON as it goes out, in hex. Equal requests give equal fingerprints, and any
 * change to a field the provider sees gives another; it names a request in logs without quoting its prompt.
 */
public final class RequestFingerprint {

    private static final SeedanceJson JSON = new SeedanceJson(new Redactor(null));

    private RequestFingerprint() {}

    public static String of(VideoGenerationRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.write(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
