package io.github.camelseedance.request;

/** Where a request value came from, for error messages: "option seconds", "header CamelSeedanceSeconds", "body". */
record ValueSource(String kind, String name) {

    static ValueSource option(RequestField field) {
        return new ValueSource("option", field.optionName());
    }

    static ValueSource header(RequestField field) {
        return new ValueSource("header", field.header());
    }

    static ValueSource body(String property) {
        return new ValueSource("body", property);
    }

    @Override
    public String toString() {
        if ("body".equals(kind)) {
            return name == null ? "the message body" : "body field " + name;
        }
        return kind + " " + name;
    }
}
