package io.github.camelseedance.benchmarks;

/** The sides every request scenario compares, in the order they run and are reported: the floors, then the route. */
enum Contender {
    JDK("jdk-httpclient", "Floor (b), JDK `HttpClient.sendAsync` + Jackson"),
    SAME_LIBRARY(
            "httpclient5",
            "Floor (a), same library: httpclient5 `CloseableHttpAsyncClient` + Jackson + a hop to a fixed pool of 10"),
    CAMEL_FLOOR(
            "camel-floor",
            "Floor (c), floor (a) inside a Camel route: `direct ->` an asynchronous processor calling it"),
    ROUTE("seedance", "Camel route `direct -> seedance:generate`");

    final String id;
    final String label;

    Contender(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** connections: what the same-library floor's pool is sized for (the most in flight); the others size themselves. */
    GenerationClient open(String baseUrl, byte[] body, int connections) throws Exception {
        return switch (this) {
            case JDK -> new JdkClient(baseUrl, body);
            case SAME_LIBRARY -> new SameLibraryClient(baseUrl, body, connections);
            case CAMEL_FLOOR -> new CamelFloorClient(baseUrl, body, connections);
            case ROUTE -> new RouteClient(baseUrl);
        };
    }

    static Contender byId(String id) {
        for (Contender contender : values()) {
            if (contender.id.equals(id)) {
                return contender;
            }
        }
        throw new IllegalArgumentException("No contender " + id);
    }
}
