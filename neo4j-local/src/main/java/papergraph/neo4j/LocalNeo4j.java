package papergraph.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs the Neo4j Community engine in this JVM with Bolt on 127.0.0.1 only.
 *
 * Usage: LocalNeo4j --data DIR --port N [--pagecache 256m] [--tx-timeout 30s] [--tx-log-retention "256M size"]
 *
 * Prints "READY bolt://127.0.0.1:N" once Bolt accepts connections, then blocks
 * until SIGTERM/SIGINT, when it shuts the database down cleanly (so no store
 * recovery is needed on the next start).
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 7687;
        String pageCache = "256m";
        String txTimeout = "0s";
        String txLogRetention = "256M size";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache" -> pageCache = args[++i];
                case "--tx-timeout" -> txTimeout = args[++i];
                case "--tx-log-retention" -> txLogRetention = args[++i];
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (data == null) fail("--data DIR is required");
        if (portInUse(port)) fail("port " + port + " on 127.0.0.1 is already in use");
        Files.createDirectories(data);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data.toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                // Loopback-only development instance: no users to provision.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, parseDuration(txTimeout))
                // Transaction logs: Neo4j keeps two days of them by default, as much
                // as the store itself after a bulk load. A local instance needs them
                // only for recovery, so keep a bounded amount (db.tx_log.rotation.
                // retention_policy), in files small enough to prune in steps, and
                // checkpoint (when pruning happens) every 5 minutes, not 15.
                .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogRetention)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
                // Bolt's Netty event loops otherwise wait a 5 s quiet period each on shutdown
                // (10 s per stop); our clients have disconnected by then.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // A local development instance reports nothing to Neo4j's usage statistics.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
            stopped.countDown();
        }, "papergraph-neo4j-shutdown"));

        long deadline = System.currentTimeMillis() + 120_000;
        while (!portInUse(port)) {
            if (System.currentTimeMillis() > deadline) fail("Bolt did not open on port " + port);
            Thread.sleep(50);
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase();
        if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        if (v.endsWith("s")) return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        if (v.endsWith("m")) return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(v));
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void fail(String message) {
        System.err.println("ERROR " + message);
        System.exit(2);
    }
}
