package dev.bulwark.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.devtools.DevTls;
import java.io.IOException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * liberty-config/bulwark-tls.xml against the real server. Both JDKs here (client and server) are told to allow
 * old protocols and ciphers, so a refused handshake is the fragment's doing.
 */
class TlsIT {

    private static SSLSocket connect(String protocol, String cipher) throws IOException {
        SSLSocket socket = (SSLSocket) DevTls.trustAllContext().getSocketFactory().createSocket("127.0.0.1",
                ItSupport.HTTPS_PORT);
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        if (cipher != null) {
            socket.setEnabledCipherSuites(new String[] {cipher});
        }
        return socket;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void modernProtocolsHandshake(String protocol) throws IOException {
        try (SSLSocket socket = connect(protocol, null)) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            assertThat(socket.getSession().getCipherSuite()).matches("TLS_(AES|CHACHA20|ECDHE_\\w+_WITH_(AES|CHACHA20)).*");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1", "TLSv1.1"})
    void legacyProtocolsAreRefused(String protocol) throws IOException {
        try (SSLSocket socket = connect(protocol, null)) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"})
    void weakTls12CipherSuitesAreRefused(String cipher) throws IOException {
        try (SSLSocket socket = connect("TLSv1.2", cipher)) {
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theClientReallyCouldHaveSpokenTls1() throws IOException {
        // Guards the test itself: the client JDK allows TLSv1, so the refusal above comes from the server.
        try (SSLSocket socket = connect("TLSv1", null)) {
            assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1");
        }
    }
}
