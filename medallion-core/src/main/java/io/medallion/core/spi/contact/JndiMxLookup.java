package io.medallion.core.spi.contact;

import java.time.Duration;
import java.util.Hashtable;
import java.util.Objects;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the system's DNS servers through the JDK's JNDI DNS provider, one attempt per server, so
 * that a lookup takes at most the timeout per server and record type asked.
 */
final class JndiMxLookup implements MxLookup {
  private static final Logger LOG = LoggerFactory.getLogger(JndiMxLookup.class);
  private static final String[] MX = {"MX"};
  // Asked one type at a time: JNDI turns several types into one ANY query, which servers
  // following RFC 8482 answer with a stub instead of the records.
  private static final String[] A = {"A"};
  private static final String[] AAAA = {"AAAA"};

  // Never modified after construction; InitialDirContext clones it, so sharing it is safe.
  private final Hashtable<String, String> environment = new Hashtable<>();

  JndiMxLookup(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "DNS timeout must be between 1 ms and " + Integer.MAX_VALUE + " ms, but was " + timeout);
    }
    environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
    environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(timeout.toMillis()));
    environment.put("com.sun.jndi.dns.timeout.retries", "1");
  }

  @Override
  public Result lookup(String domain) {
    DirContext context = null;
    try {
      context = new InitialDirContext(environment);
      Attribute exchanges = context.getAttributes(domain, MX).get("MX");
      if (exchanges != null && exchanges.size() > 0) {
        return isNullMx(exchanges) ? Result.NONE : Result.MX;
      }
      return has(context, domain, A) || has(context, domain, AAAA)
          ? Result.ADDRESS_ONLY
          : Result.NONE;
    } catch (NameNotFoundException e) {
      return Result.NONE;
    } catch (NamingException e) {
      LOG.debug("DNS lookup of '{}' failed, so its mail exchanger is unknown", domain, e);
      return Result.UNKNOWN;
    } finally {
      close(context);
    }
  }

  private static boolean has(DirContext context, String domain, String[] type)
      throws NamingException {
    Attribute records = context.getAttributes(domain, type).get(type[0]);
    return records != null && records.size() > 0;
  }

  /** RFC 7505: a single MX record {@code 0 .} declares that the domain accepts no mail. */
  private static boolean isNullMx(Attribute exchanges) throws NamingException {
    if (exchanges.size() != 1) {
      return false;
    }
    // JNDI renders an MX record as "<preference> <exchange>".
    return String.valueOf(exchanges.get()).strip().endsWith(" .");
  }

  private static void close(DirContext context) {
    if (context == null) {
      return;
    }
    try {
      context.close();
    } catch (NamingException e) {
      LOG.debug("Closing a DNS context failed", e);
    }
  }
}
