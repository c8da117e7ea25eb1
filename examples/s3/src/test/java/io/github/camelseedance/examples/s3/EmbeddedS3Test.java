package io.github.camelseedance.examples.s3;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedS3Test {

    @Test
    void staysOffWhenTheEnvironmentAsksForARealService() {
        assertThat(EmbeddedS3.choose(Map.of("S3_EMBEDDED", "false"))).isEmpty();
        assertThat(EmbeddedS3.choose(Map.of("S3_EMBEDDED", " FALSE "))).isEmpty();
    }

    @Test
    void pointsTheS3ComponentAtItselfWithCredentialsThroughPlaceholders() {
        try (EmbeddedS3 s3 = EmbeddedS3.choose(Map.of()).orElseThrow()) {
            Map<String, String> properties = s3.overrideProperties();

            assertThat(s3.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(properties)
                    .containsEntry(
                            "camel.component.aws2-s3.uri-endpoint-override",
                            s3.endpoint().toString())
                    .containsEntry("camel.component.aws2-s3.override-endpoint", "true")
                    .containsEntry("camel.component.aws2-s3.force-path-style", "true")
                    .containsEntry("camel.component.aws2-s3.access-key", "{{s3.embedded.access-key}}")
                    .containsEntry("camel.component.aws2-s3.secret-key", "{{s3.embedded.secret-key}}");
        }
    }
}
