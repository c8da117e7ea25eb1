package io.github.camelseedance.examples.s3;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A plain AWS SDK client on the embedded S3 server: the tests upload and inspect objects the way any other S3 user
 * would, independently of the routes' Camel endpoints.
 */
final class TestBuckets implements AutoCloseable {

    private final S3Client client;

    TestBuckets(EmbeddedS3 s3) {
        client = S3Client.builder()
                .endpointOverride(s3.endpoint())
                .forcePathStyle(true)
                .region(Region.of(EmbeddedS3.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
                .build();
    }

    void put(String bucket, String key, byte[] content, Map<String, String> metadata) {
        client.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(content));
    }

    List<String> keys(String bucket) {
        return client.listObjects(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    Map<String, String> metadata(String bucket, String key) {
        return client.headObject(b -> b.bucket(bucket).key(key)).metadata();
    }

    String contentType(String bucket, String key) {
        return client.headObject(b -> b.bucket(bucket).key(key)).contentType();
    }

    byte[] bytes(String bucket, String key) {
        return client.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toBytes())
                .asByteArray();
    }

    String text(String bucket, String key) {
        return new String(bytes(bucket, key), StandardCharsets.UTF_8);
    }

    void download(String bucket, String key, Path file) {
        client.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(file));
    }

    @Override
    public void close() {
        client.close();
    }
}
