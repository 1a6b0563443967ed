package io.medallion.core.spi.contact;

import java.time.Duration;

/**
 * Asks DNS whether a domain can receive mail. Off unless given to {@link
 * EmailValidator.Builder#mxLookup(MxLookup)}; implementations must be thread-safe.
 *
 * <pre>{@code
 * MxLookup dns = MxLookup.dns(Duration.ofSeconds(2), 10_000);
 * EmailValidator validator = EmailValidator.builder().mxLookup(dns).build();
 * }</pre>
 */
public interface MxLookup {
  /**
   * Looks up a domain that already passed the syntax, TLD and disposable checks.
   *
   * <pre>{@code
   * if (lookup.lookup("example.com") == MxLookup.Result.NONE) { ... }
   * }</pre>
   *
   * @param domain a lower-case ASCII domain name (IDNs in punycode)
   * @return what DNS said; {@link Result#UNKNOWN} when it could not be asked
   */
  Result lookup(String domain);

  /**
   * A JNDI DNS lookup of MX records, falling back to A and AAAA records as RFC 5321 section 5.1
   * does, with results cached per domain.
   *
   * <pre>{@code
   * MxLookup dns = MxLookup.dns(Duration.ofSeconds(2), 10_000);
   * }</pre>
   *
   * @param timeout how long to wait for one DNS answer; at least 1 ms
   * @param maxCachedDomains how many domains' results to keep (least recently used are dropped)
   * @return the lookup
   * @throws IllegalArgumentException if the timeout or cache size is out of range
   */
  static MxLookup dns(Duration timeout, int maxCachedDomains) {
    return cached(new JndiMxLookup(timeout), maxCachedDomains);
  }

  /**
   * Caches another lookup's definite answers, so that a column of addresses at a few domains asks
   * DNS once per domain. {@link Result#UNKNOWN} is not cached, so a timeout is retried.
   *
   * <pre>{@code
   * MxLookup cached = MxLookup.cached(domain -> MxLookup.Result.MX, 1_000);
   * }</pre>
   *
   * @param delegate the lookup to ask on a miss
   * @param maxCachedDomains how many domains to keep, at least 1; least recently used are dropped
   * @return the caching lookup
   * @throws IllegalArgumentException if {@code maxCachedDomains} is below 1
   */
  static MxLookup cached(MxLookup delegate, int maxCachedDomains) {
    return new CachingMxLookup(delegate, maxCachedDomains);
  }

  /**
   * What DNS says about a mail domain.
   *
   * <pre>{@code
   * boolean rejected = result == MxLookup.Result.NONE;
   * }</pre>
   */
  enum Result {
    /** The domain has at least one MX record naming a host. */
    MX,
    /** The domain has no MX record but has an A or AAAA record, the implicit mail host. */
    ADDRESS_ONLY,
    /** The domain does not exist, has neither MX nor address, or has a null MX (RFC 7505). */
    NONE,
    /** DNS did not answer in time or failed; the address is not rejected for this. */
    UNKNOWN
  }
}
