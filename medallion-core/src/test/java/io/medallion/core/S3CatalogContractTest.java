package io.medallion.core;

import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.JdbcCatalogConfig;
import io.medallion.core.internal.catalog.S3ProxyServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract with every table file on S3: a JDBC catalog whose warehouse is a bucket of a real S3
 * server (S3Proxy on 127.0.0.1), one bucket per test.
 */
class S3CatalogContractTest extends CatalogContractTest {
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  @TempDir static Path s3Dir;
  private static S3ProxyServer s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.start(s3Dir);
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Override
  CatalogConfig freshCatalog(Path dir) {
    String bucket = "lake-" + BUCKETS.incrementAndGet();
    s3.createBucket(bucket);
    return JdbcCatalogConfig.builder(
            "jdbc:sqlite:" + dir.resolve("catalog.db"), "s3://" + bucket + "/medallion")
        .storage(s3.storage())
        .build();
  }
}
