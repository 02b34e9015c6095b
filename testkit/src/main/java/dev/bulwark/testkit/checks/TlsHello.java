package dev.bulwark.testkit.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A hand-written TLS ClientHello for a protocol version the JDK will not speak (TLS 1.0, TLS 1.1), sent over a plain
 * socket, and the first record of the server's answer read back: a ServerHello (with the version and cipher suite
 * the server chose), an alert, or nothing.
 */
final class TlsHello {

    static final int TLS10 = 0x0301;
    static final int TLS11 = 0x0302;

    /** CBC suites every TLS 1.0/1.1 server offers (ECDHE and plain RSA, AES and 3DES). */
    private static final int[] SUITES = {0xC014, 0xC013, 0xC00A, 0xC009, 0x0039, 0x0033, 0x0035, 0x002F, 0x000A};

    enum Kind { SERVER_HELLO, ALERT, CLOSED, OTHER }

    /** What came back: the kind, the version and cipher suite of a ServerHello (else -1), and the bytes read. */
    record Answer(Kind kind, int version, int cipher, String hex) {
        boolean agreed(int offered) {
            return kind == Kind.SERVER_HELLO && version == offered;
        }

        String describe() {
            return switch (kind) {
                case SERVER_HELLO -> "ServerHello " + name(version) + " cipher suite 0x"
                        + String.format("%04X", cipher);
                case ALERT -> "alert " + hex;
                case CLOSED -> "connection closed without an answer";
                case OTHER -> "not a TLS handshake answer: " + hex;
            };
        }
    }

    private TlsHello() {
    }

    static String name(int version) {
        return switch (version) {
            case 0x0300 -> "SSL 3.0";
            case TLS10 -> "TLS 1.0";
            case TLS11 -> "TLS 1.1";
            case 0x0303 -> "TLS 1.2";
            case 0x0304 -> "TLS 1.3";
            default -> String.format("0x%04X", version);
        };
    }

    /** The ClientHello record offering exactly {@code version} (and the server name when {@code host} is one). */
    static byte[] clientHello(int version, String host) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (host != null && !host.isEmpty() && !host.matches("[0-9.]+|.*:.*")) {
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            u16(ext, 0x0000);
            u16(ext, name.length + 5);
            u16(ext, name.length + 3);
            ext.write(0);
            u16(ext, name.length);
            ext.writeBytes(name);
        }
        u16(ext, 0x000a);
        ext.writeBytes(new byte[] {0, 8, 0, 6, 0, 0x17, 0, 0x18, 0, 0x1d});
        u16(ext, 0x000b);
        ext.writeBytes(new byte[] {0, 2, 1, 0});
        u16(ext, 0xff01);
        ext.writeBytes(new byte[] {0, 1, 0});
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        for (int i = 0; i < 32; i++) {
            body.write(i * 7 + 1);
        }
        body.write(0);
        u16(body, SUITES.length * 2);
        for (int s : SUITES) {
            u16(body, s);
        }
        body.writeBytes(new byte[] {1, 0});
        u16(body, ext.size());
        body.writeBytes(ext.toByteArray());
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(0x16);
        u16(record, version);
        u16(record, body.size() + 4);
        record.write(0x01);
        record.write(body.size() >>> 16);
        u16(record, body.size() & 0xffff);
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    /** Reads the first record of a server's answer to a ClientHello. */
    static Answer parse(byte[] data) {
        if (data.length == 0) {
            return new Answer(Kind.CLOSED, -1, -1, "");
        }
        String hex = HexFormat.of().formatHex(data, 0, Math.min(data.length, 16));
        if (data.length >= 7 && (data[0] & 0xff) == 0x15) {
            return new Answer(Kind.ALERT, -1, -1, hex);
        }
        // record header (5) + handshake type (1) + length (3) + server_version (2) + random (32) + session id
        if (data.length >= 11 && (data[0] & 0xff) == 0x16 && (data[5] & 0xff) == 0x02) {
            int version = ((data[9] & 0xff) << 8) | (data[10] & 0xff);
            int cipher = -1;
            int sid = 43;
            if (data.length > sid) {
                int at = sid + 1 + (data[sid] & 0xff);
                if (data.length >= at + 2) {
                    cipher = ((data[at] & 0xff) << 8) | (data[at + 1] & 0xff);
                }
            }
            return new Answer(Kind.SERVER_HELLO, version, cipher, hex);
        }
        return new Answer(Kind.OTHER, -1, -1, hex);
    }

    /** Sends the ClientHello to {@code host:port} and reads what comes back (up to one record, within the timeout). */
    static Answer probe(String host, int port, int version, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            s.getOutputStream().write(clientHello(version, host));
            s.getOutputStream().flush();
            return parse(readRecord(s.getInputStream()));
        } catch (IOException e) {
            return new Answer(Kind.CLOSED, -1, -1, e.getClass().getSimpleName());
        }
    }

    private static byte[] readRecord(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = in.readNBytes(5);
        out.writeBytes(header);
        if (header.length == 5) {
            int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
            out.writeBytes(in.readNBytes(Math.min(length, 16 * 1024)));
        }
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v & 0xff);
    }
}
