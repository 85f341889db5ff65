package org.secplane.driver.linux.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.secplane.driver.DatagramPort;

/** A UDP endpoint through Java's {@link DatagramChannel}: blocking receive, which {@link #close} unblocks. */
final class LinuxDatagramPort implements DatagramPort {

    private final DatagramChannel channel;
    private final InetSocketAddress local;

    LinuxDatagramPort(InetSocketAddress bind) throws IOException {
        channel = DatagramChannel.open(bind.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET
                : StandardProtocolFamily.INET6);
        try {
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw new IOException("bind UDP " + bind + ": " + e.getMessage(), e);
        }
        local = (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress receive(ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        try {
            InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
            buffer.limit(buffer.position()).position(start);
            return source;
        } catch (ClosedChannelException closed) { // includes AsynchronousCloseException
            return null;
        }
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress destination) throws IOException {
        channel.send(datagram, destination);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "udp " + local;
    }
}
