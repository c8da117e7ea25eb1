package io.github.camelseedance.examples.s3;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible server in this JVM (S3Proxy over an in-memory jclouds blob store) on a free loopback port, so the
 * example runs without an AWS account. Everything it stores is gone when it stops.
 */
public final class EmbeddedS3 implements AutoCloseable {

    static final String EMBEDDED_VARIABLE = "S3_EMBEDDED";
    static final String PORT_VARIABLE = "S3_EMBEDDED_PORT";
    // dummy credentials of a throw-away local server; they still reach Camel through placeholders, as secrets should
    static final String ACCESS_KEY = "seedance-example";
    static final String SECRET_KEY = "seedance-example-secret";
    static final String ACCESS_KEY_PROPERTY = "s3.embedded.access-key";
    static final String SECRET_KEY_PROPERTY = "s3.embedded.secret-key";
    static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final String COMPONENT = "camel.component.aws2-s3.";

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(BlobStoreContext blobs, S3Proxy proxy, URI endpoint) {
        this.blobs = blobs;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts the embedded server unless the environment says {@code S3_EMBEDDED=false}; empty then. */
    public static Optional<EmbeddedS3> choose(Map<String, String> environment) {
        if ("false"
                .equalsIgnoreCase(
                        environment.getOrDefault(EMBEDDED_VARIABLE, "").strip())) {
            LOG.info("{}=false: using the S3 service configured in application.properties", EMBEDDED_VARIABLE);
            return Optional.empty();
        }
        String port = environment.getOrDefault(PORT_VARIABLE, "").strip();
        EmbeddedS3 s3 = start(port.isEmpty() ? 0 : Integer.parseInt(port));
        LOG.info(
                "Using the embedded S3 server at {}, access key {} (set {}=false for a real S3 service)",
                s3.endpoint(),
                ACCESS_KEY,
                EMBEDDED_VARIABLE);
        return Optional.of(s3);
    }

    /** On a free port chosen by the OS, so runs and tests never collide. */
    public static EmbeddedS3 start() {
        return start(0);
    }

    static EmbeddedS3 start(int port) {
        useChecksumsOnlyWhenRequired();
        BlobStoreContext blobs = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
        // an IP address, never "localhost": the presigner of camel-aws2-s3 ignores force-path-style and makes
        // virtual-host links (http://bucket.localhost/...) for a host name, path-style ones only for an IP address
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            blobs.close();
            throw new IllegalStateException("The embedded S3 server did not start", e);
        }
        return new EmbeddedS3(blobs, proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Properties that must win over application.properties: every aws2-s3 endpoint talks to this server, path-style,
     * and creates its bucket on start (the buckets of a real service must exist already).
     */
    public Map<String, String> overrideProperties() {
        return Map.of(
                COMPONENT + "uri-endpoint-override",
                endpoint.toString(),
                COMPONENT + "override-endpoint",
                "true",
                COMPONENT + "force-path-style",
                "true",
                COMPONENT + "region",
                REGION,
                COMPONENT + "use-default-credentials-provider",
                "false",
                COMPONENT + "auto-create-bucket",
                "true",
                ACCESS_KEY_PROPERTY,
                ACCESS_KEY,
                SECRET_KEY_PROPERTY,
                SECRET_KEY,
                COMPONENT + "access-key",
                "{{" + ACCESS_KEY_PROPERTY + "}}",
                COMPONENT + "secret-key",
                "{{" + SECRET_KEY_PROPERTY + "}}");
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded S3 server failed: {}", e.toString());
        } finally {
            blobs.close();
        }
    }

    // By default the AWS SDK uploads with a CRC32 checksum in a trailer of an aws-chunked body, which S3Proxy 3.0.0
    // refuses ("The provided 'x-amz-content-sha256' header does not match"); checksums only where an operation
    // requires one is what S3-compatible servers expect. Set before any client is built, and only when the user has
    // not chosen otherwise.
    private static void useChecksumsOnlyWhenRequired() {
        for (String property : new String[] {"aws.requestChecksumCalculation", "aws.responseChecksumValidation"}) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, "WHEN_REQUIRED");
            }
        }
    }
}
