package dev.nexo.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with only the Bolt connector, bound to loopback.
 *
 * <p>Usage: {@code LocalNeo4j <storeDir> <boltPort> [pageCacheMegabytes]}. It prints one line
 * starting with {@code NEXO_NEO4J_STARTED} when Bolt is up, stops cleanly on SIGINT/SIGTERM and
 * also when its standard input closes, which is how it notices that the Node parent died.
 */
public final class LocalNeo4j {
  private static final String LOOPBACK = "127.0.0.1";
  /** Exit codes read by the Node side (server/neo4j/localServer.ts). */
  private static final int EXIT_USAGE = 2;
  private static final int EXIT_PORT_TAKEN = 3;
  private static final int EXIT_START_FAILED = 4;

  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j <storeDir> <boltPort> [pageCacheMegabytes]");
      System.exit(EXIT_USAGE);
    }
    Path storeDir = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 512;

    // Neo4j would only report a taken port deep inside a start-up stack trace; say it plainly.
    if (!isPortFree(port)) {
      System.err.println("NEXO_NEO4J_PORT_TAKEN port " + port + " on " + LOOPBACK + " is already in use");
      System.exit(EXIT_PORT_TAKEN);
    }

    DatabaseManagementService service;
    try {
      service =
          new DatabaseManagementServiceBuilder(storeDir)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, port))
              .setConfig(BoltConnector.advertised_address, new SocketAddress(LOOPBACK, port))
              .setConfig(HttpConnector.enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
              .build();
    } catch (RuntimeException e) {
      System.err.println("NEXO_NEO4J_START_FAILED " + rootMessage(e));
      System.exit(EXIT_START_FAILED);
      return;
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  stopped.countDown();
                },
                "nexo-neo4j-shutdown"));

    // Touch the default database so that "started" means queries can run.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000);
    System.out.println("NEXO_NEO4J_STARTED bolt://" + LOOPBACK + ":" + port + " store=" + storeDir);
    System.out.flush();

    watchParent(System.in);
    stopped.await();
  }

  /** Exits (running the shutdown hook) once standard input reaches end of file. */
  private static void watchParent(InputStream stdin) {
    Thread watcher =
        new Thread(
            () -> {
              try {
                byte[] buffer = new byte[256];
                while (stdin.read(buffer) != -1) {
                  // The parent never writes; anything read is ignored.
                }
              } catch (IOException ignored) {
                // A broken pipe means the same as end of file: the parent is gone.
              }
              System.exit(0);
            },
            "nexo-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static boolean isPortFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
