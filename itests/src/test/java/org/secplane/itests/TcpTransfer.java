package org.secplane.itests;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

/**
 * A TCP transfer both ways for the traffic scenarios, run as its own JVM inside a host's network namespace
 * ({@code ip netns exec NS java -cp … TcpTransfer …}): the client sends a length and that many pseudo-random
 * bytes, the server reads them and sends as many back from another stream; each side checks what it got
 * against the stream it expected and prints {@code ok} with the SHA-256 of both directions, else fails.
 *
 * <pre>
 * TcpTransfer server PORT [bulk]             (one connection, then exits)
 * TcpTransfer client HOST PORT BYTES [bulk]
 * </pre>
 *
 * {@code bulk} (both sides) is for throughput measurements: the same bytes of one buffer every time, only
 * counted on arrival, so the hosts spend their CPU on TCP and not on making and checking the stream.
 */
public final class TcpTransfer {

    private static final long CLIENT_SEED = 0x5ec91a4eL;
    private static final long SERVER_SEED = 0xd474b1a5L;

    private TcpTransfer() {
    }

    public static void main(String[] args) throws Exception {
        boolean bulk = args[args.length - 1].equals("bulk");
        if (args[0].equals("server")) {
            try (ServerSocket server = new ServerSocket()) {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(Integer.parseInt(args[1])));
                System.out.println("listening");
                System.out.flush();
                server.setSoTimeout(60_000);
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout(60_000);
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    long length = in.readLong();
                    String received = bulk ? count(in, length) : expect(in, CLIENT_SEED, length);
                    String sent = bulk ? blast(socket.getOutputStream(), length) : send(socket.getOutputStream(), SERVER_SEED, length);
                    socket.shutdownOutput();
                    System.out.println("ok received " + received + " sent " + sent);
                }
            }
            return;
        }
        long length = Long.parseLong(args[3]);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(args[1], Integer.parseInt(args[2])), 10_000);
            socket.setSoTimeout(60_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeLong(length);
            String sent = bulk ? blast(out, length) : send(out, CLIENT_SEED, length);
            String received = bulk ? count(socket.getInputStream(), length) : expect(socket.getInputStream(), SERVER_SEED, length);
            System.out.println("ok sent " + sent + " received " + received);
        }
    }

    /** {@code length} bytes from one buffer; returns the count as the digest's stand-in. */
    private static String blast(OutputStream out, long length) throws IOException {
        byte[] chunk = new byte[65536];
        for (long left = length; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
        out.flush();
        return Long.toString(length);
    }

    /** Reads exactly {@code length} bytes. */
    private static String count(InputStream in, long length) throws IOException {
        byte[] chunk = new byte[65536];
        for (long left = length; left > 0;) {
            int r = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (r < 0) {
                throw new IOException("the stream ended " + left + " bytes early");
            }
            left -= r;
        }
        return Long.toString(length);
    }

    private static String send(OutputStream out, long seed, long length) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        byte[] chunk = new byte[16384];
        for (long left = length; left > 0;) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(chunk);
            out.write(chunk, 0, n);
            digest.update(chunk, 0, n);
            left -= n;
        }
        out.flush();
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String expect(InputStream in, long seed, long length) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        byte[] expected = new byte[16384];
        byte[] chunk = new byte[16384];
        for (long left = length; left > 0;) {
            int n = (int) Math.min(chunk.length, left);
            random.nextBytes(expected);
            int read = 0;
            while (read < n) {
                int r = in.read(chunk, read, n - read);
                if (r < 0) {
                    throw new IOException("the stream ended " + (left - read) + " bytes early");
                }
                read += r;
            }
            for (int i = 0; i < n; i++) {
                if (chunk[i] != expected[i]) {
                    throw new IOException("byte " + (length - left + i) + " differs");
                }
            }
            digest.update(chunk, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
