package org.disclosuredesk.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.local.LocalBucket;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public channel's limits (Bucket4j token buckets, refilled greedily): per client address and
 * per submission. On MySQL/MariaDB the buckets live in {@code dd_rate_bucket}, so every node of a
 * cluster counts the same requests; the embedded H2 database serves one node only, so there they
 * live in this node's memory.
 */
@Component
public class RateLimits {

  /** One kind of limit: so many per period, per key. */
  public record Limit(String name, int perPeriod, Duration period) {

    /**
     * The bucket's id: the limit's size is part of it, because a shared bucket keeps the size it
     * was made with; a changed setting then starts fresh buckets instead of counting against the
     * old size.
     */
    String bucket(String key) {
      return name + ":" + perPeriod + "/" + period + ":" + key;
    }
  }

  private final MySQLSelectForUpdateBasedProxyManager<String> shared;
  private final Map<String, LocalBucket> local =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LocalBucket> eldest) {
              return size() > 100_000; // a bound on memory whatever the traffic
            }
          });

  public RateLimits(DataSource dataSource) {
    this.shared =
        DatabaseProduct.of(dataSource) == DatabaseProduct.MYSQL
            ? Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("dd_rate_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofMinutes(5)))
                .build()
            : null;
  }

  /** Takes one from the key's bucket, or 429 with the seconds until one is back. */
  public void take(Limit limit, String key, String message) {
    ConsumptionProbe probe = bucket(limit, limit.bucket(key));
    if (!probe.isConsumed()) {
      throw new TooManyRequestsException(
          message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }

  /** Whether the key's bucket is empty now, without taking from it. */
  public boolean exhausted(Limit limit, String key) {
    String id = limit.bucket(key);
    return shared != null
        ? shared.builder().build(id, () -> configuration(limit)).getAvailableTokens() <= 0
        : local.computeIfAbsent(id, k -> localBucket(limit)).getAvailableTokens() <= 0;
  }

  /**
   * The seconds until the key's bucket has one again (for a limit checked with {@link #exhausted}).
   */
  public Duration retryAfter(Limit limit, String key) {
    String id = limit.bucket(key);
    var bucket =
        shared != null
            ? shared.builder().build(id, () -> configuration(limit))
            : local.computeIfAbsent(id, k -> localBucket(limit));
    return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  /**
   * Buckets untouched long enough to be full again are the same as none: their rows go (any node
   * may do it).
   */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT5M")
  public void forgetFull() {
    if (shared != null) {
      while (shared.removeExpired(1000) == 1000) {
        // another batch
      }
    }
  }

  private ConsumptionProbe bucket(Limit limit, String id) {
    return shared != null
        ? shared.builder().build(id, () -> configuration(limit)).tryConsumeAndReturnRemaining(1)
        : local.computeIfAbsent(id, k -> localBucket(limit)).tryConsumeAndReturnRemaining(1);
  }

  private static BucketConfiguration configuration(Limit limit) {
    return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
  }

  private static LocalBucket localBucket(Limit limit) {
    return io.github.bucket4j.Bucket.builder().addLimit(bandwidth(limit)).build();
  }

  private static Bandwidth bandwidth(Limit limit) {
    return Bandwidth.builder()
        .capacity(limit.perPeriod())
        .refillGreedy(limit.perPeriod(), limit.period())
        .build();
  }
}
