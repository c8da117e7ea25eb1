package io.github.camelseedance.examples.s3;

import org.apache.camel.CamelContext;

/** The three buckets of the example, as application.properties (and its overrides) name them. */
record BucketNames(String input, String output, String archive) {

    static BucketNames of(CamelContext context) {
        return new BucketNames(
                context.resolvePropertyPlaceholders("{{s3.input-bucket}}"),
                context.resolvePropertyPlaceholders("{{s3.output-bucket}}"),
                context.resolvePropertyPlaceholders("{{s3.archive-bucket}}"));
    }
}
