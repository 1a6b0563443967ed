package io.medallion.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Ports on 127.0.0.1 that nothing listens on at the moment they are picked. */
final class FreePorts {
  private FreePorts() {}

  /**
   * Picks distinct free ports.
   *
   * @param count how many
   * @return the ports, all different
   */
  static int[] pick(int count) {
    // All sockets stay open until every port is read, so the operating system cannot hand the same
    // port out twice; they are closed before the broker binds them.
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("No free port on 127.0.0.1 for the embedded Kafka broker", e);
    } finally {
      for (ServerSocket socket : sockets) {
        closeQuietly(socket);
      }
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a socket that only reserved a port cannot lose anything.
    }
  }
}
