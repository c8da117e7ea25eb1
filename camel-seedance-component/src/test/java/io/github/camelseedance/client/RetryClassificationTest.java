package io.github.camelseedance.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import io.github.camelseedance.SeedanceException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which transport failures may have started billed work, as the transport reports them. */
class RetryClassificationTest {

    private static RetryPolicy.Kind kindOf(Throwable cause) {
        return RetryPolicy.classify(new SeedanceException("failed", cause));
    }

    @Test
    void failuresBeforeAnythingWasSentAreNotStarted() {
        ConnectException unknownHost = new ConnectException("UnknownHostException: api.example");
        unknownHost.initCause(new UnknownHostException("api.example"));

        assertThat(kindOf(new ConnectException("Connection refused"))).isEqualTo(RetryPolicy.Kind.NOT_STARTED);
        assertThat(kindOf(unknownHost)).isEqualTo(RetryPolicy.Kind.NOT_STARTED);
        assertThat(kindOf(new RequestNotExecutedException())).isEqualTo(RetryPolicy.Kind.NOT_STARTED);
    }

    @Test
    void failuresAfterTheRequestWentOutAreAmbiguous() {
        assertThat(kindOf(new SocketTimeoutException("10 MINUTES"))).isEqualTo(RetryPolicy.Kind.AMBIGUOUS);
        assertThat(kindOf(new ConnectionClosedException("Connection closed by peer"))).isEqualTo(RetryPolicy.Kind.AMBIGUOUS);
        assertThat(kindOf(new ProtocolException("Invalid response line"))).isEqualTo(RetryPolicy.Kind.AMBIGUOUS);
    }
}
