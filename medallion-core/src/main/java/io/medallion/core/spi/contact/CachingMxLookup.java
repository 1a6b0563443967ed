package io.medallion.core.spi.contact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded least-recently-used cache in front of another {@link MxLookup}.
 *
 * <p>The lock guards only the map: the delegate is asked outside it, so a slow DNS answer for one
 * domain never blocks lookups of others. Two threads missing the same domain at once may both ask
 * the delegate; that costs one extra query and keeps the code free of per-key futures.
 */
final class CachingMxLookup implements MxLookup {
  private final MxLookup delegate;
  private final Map<String, Result> cache;

  CachingMxLookup(MxLookup delegate, int maxCachedDomains) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (maxCachedDomains < 1) {
      throw new IllegalArgumentException(
          "maxCachedDomains must be at least 1, but was " + maxCachedDomains);
    }
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
            return size() > maxCachedDomains;
          }
        };
  }

  @Override
  public Result lookup(String domain) {
    synchronized (cache) {
      Result cached = cache.get(domain);
      if (cached != null) {
        return cached;
      }
    }
    Result result =
        Objects.requireNonNull(delegate.lookup(domain), () -> "MX lookup of '" + domain + "'");
    if (result != Result.UNKNOWN) {
      synchronized (cache) {
        cache.put(domain, result);
      }
    }
    return result;
  }
}
