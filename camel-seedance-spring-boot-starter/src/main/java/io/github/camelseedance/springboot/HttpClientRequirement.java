package io.github.camelseedance.springboot;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

/**
 * Spring Boot's dependency management pins an Apache HttpClient older than the one the component is built on; this
 * fails the start with the fix instead of a NoSuchMethodError at the first generation.
 */
final class HttpClientRequirement {

    static final String REQUIRED = "5.6";

    private HttpClientRequirement() {}

    static void check() {
        if (!hasSessionDecorator(HttpAsyncClientBuilder.class)) {
            throw new IllegalStateException(
                    problem(HttpAsyncClientBuilder.class.getPackage().getImplementationVersion()));
        }
    }

    // setIoSessionDecorator, new in 5.6, is how the component keeps the API key out of the wire log
    static boolean hasSessionDecorator(Class<?> builder) {
        for (var method : builder.getMethods()) {
            if (method.getName().equals("setIoSessionDecorator")) {
                return true;
            }
        }
        return false;
    }

    static String problem(String found) {
        return "The seedance component needs Apache HttpClient " + REQUIRED + " or later (org.apache.httpcomponents"
                + ".client5:httpclient5), but the classpath has " + (found == null ? "an older one" : found)
                + ", probably from Spring Boot's dependency management: set the Maven properties httpclient5.version"
                + "=5.6.3 and httpcore5.version=5.4.3 (with spring-boot-starter-parent), or manage httpclient5 5.6.3,"
                + " httpcore5 5.4.3 and httpcore5-h2 5.4.3 ahead of the spring-boot-dependencies import";
    }
}
