package io.github.camelseedance.examples.jmsqueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void connectionUrlsAreLoggedWithoutWhatMayBeASecret() {
        assertThat(Texts.withoutSecrets("tcp://broker:61616?user=app&password=s3cret"))
                .isEqualTo("tcp://broker:61616");
        assertThat(Texts.withoutSecrets("tcp://app:s3cret@broker:61616")).isEqualTo("tcp://broker:61616");
        assertThat(Texts.withoutSecrets("jdbc:h2:tcp://db:9092/mem:seedance;PASSWORD=s3cret"))
                .isEqualTo("jdbc:h2:tcp://db:9092/mem:seedance");
        assertThat(Texts.withoutSecrets("jdbc:postgresql://db/seedance?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/seedance");
        assertThat(Texts.withoutSecrets("vm://0")).isEqualTo("vm://0");
    }

    @Test
    void failuresAreReportedOnOneLine() {
        assertThat(Texts.oneLine(new IllegalStateException("Unexpected end-of-input\n at [line: 1]  ")))
                .isEqualTo("Unexpected end-of-input at [line: 1]");
        assertThat(Texts.oneLine(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(Texts.oneLine((Throwable) null)).isEqualTo("unknown failure");
    }
}
