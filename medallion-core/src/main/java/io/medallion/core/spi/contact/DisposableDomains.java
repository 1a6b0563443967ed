package io.medallion.core.spi.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domains of disposable (throw-away) email providers, with an allow list for false positives.
 *
 * <p>A domain counts as disposable when it, or any parent of it, is blocked: {@code
 * x.mailinator.com} is disposable because {@code mailinator.com} is listed. The most specific
 * listing wins, and the allow list wins a tie, so allowing {@code corp.example.com} exempts it from
 * a blocked {@code example.com}. Names are compared in lower-case ASCII (IDNs as punycode).
 * Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * DisposableDomains domains = DisposableDomains.load(
 *     Path.of("disposable_email_blocklist.conf"), Path.of("allowlist.conf"));
 * domains.isDisposable("mailinator.com"); // true
 * }</pre>
 */
public final class DisposableDomains {
  private static final Logger LOG = LoggerFactory.getLogger(DisposableDomains.class);
  private static final DisposableDomains NONE = new DisposableDomains(Set.of(), Set.of(), "none");
  private static final String PACKAGED = "/io/medallion/core/spi/contact/";

  private final Set<String> blocked;
  private final Set<String> allowed;
  private final String description;

  private DisposableDomains(Set<String> blocked, Set<String> allowed, String description) {
    this.blocked = blocked;
    this.allowed = allowed;
    this.description = description;
  }

  /** Loads the packaged lists on first use only, once per JVM (the holder-class idiom). */
  private static final class Packaged {
    static final DisposableDomains LISTS = loadPackaged();
  }

  /**
   * Returns the packaged lists: the disposable-email-domains project's block list (CC0) and its
   * allow list, loaded once per JVM on first use. The validator's default.
   *
   * <pre>{@code
   * DisposableDomains.defaults().isDisposable("mailinator.com"); // true
   * }</pre>
   *
   * @return the packaged lists, or {@link #none()} with a warning when the jar was built without
   *     them
   */
  public static DisposableDomains defaults() {
    return Packaged.LISTS;
  }

  /**
   * Returns an instance that blocks nothing; the validator's default.
   *
   * <pre>{@code
   * DisposableDomains.none().isDisposable("mailinator.com"); // false
   * }</pre>
   *
   * @return the empty instance
   */
  public static DisposableDomains none() {
    return NONE;
  }

  /**
   * Creates an instance from domain names in memory.
   *
   * <pre>{@code
   * DisposableDomains.of(Set.of("mailinator.com"), Set.of());
   * }</pre>
   *
   * @param blocked the disposable domains
   * @param allowed domains never to report, even when they or a parent are blocked
   * @return the instance
   * @throws IllegalArgumentException if an entry is not a domain name
   */
  public static DisposableDomains of(Collection<String> blocked, Collection<String> allowed) {
    Set<String> blockedNames = normalize(blocked, "blocked");
    Set<String> allowedNames = normalize(allowed, "allowed");
    return new DisposableDomains(
        blockedNames, allowedNames, counts("given", blockedNames.size(), allowedNames.size()));
  }

  /**
   * Loads a block list file: one domain per line, blank lines and {@code #} comments ignored.
   *
   * <pre>{@code
   * DisposableDomains.load(Path.of("disposable_email_blocklist.conf"));
   * }</pre>
   *
   * @param blockList the block list, UTF-8
   * @return the instance
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is not a domain name
   */
  public static DisposableDomains load(Path blockList) throws IOException {
    Set<String> blocked = read(blockList);
    return new DisposableDomains(
        blocked, Set.of(), counts(blockList.getFileName().toString(), blocked.size(), 0));
  }

  /**
   * Loads a block list and an allow list, both one domain per line with {@code #} comments.
   *
   * <pre>{@code
   * DisposableDomains.load(Path.of("disposable_email_blocklist.conf"), Path.of("allowlist.conf"));
   * }</pre>
   *
   * @param blockList the block list, UTF-8
   * @param allowList the allow list, UTF-8
   * @return the instance
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException if a line is not a domain name
   */
  public static DisposableDomains load(Path blockList, Path allowList) throws IOException {
    Set<String> blocked = read(blockList);
    Set<String> allowed = read(allowList);
    return new DisposableDomains(
        blocked,
        allowed,
        counts(blockList.getFileName().toString(), blocked.size(), allowed.size()));
  }

  /**
   * Returns these lists with another's added: a domain is blocked when either blocks it, allowed
   * when either allows it.
   *
   * <pre>{@code
   * DisposableDomains.defaults().extendedWith(DisposableDomains.load(Path.of("ours.conf")));
   * }</pre>
   *
   * @param more the lists to add
   * @return the union
   */
  public DisposableDomains extendedWith(DisposableDomains more) {
    Set<String> allBlocked = new HashSet<>(blocked);
    allBlocked.addAll(more.blocked);
    Set<String> allAllowed = new HashSet<>(allowed);
    allAllowed.addAll(more.allowed);
    return new DisposableDomains(
        Set.copyOf(allBlocked), Set.copyOf(allAllowed), description + " + " + more.description);
  }

  /**
   * Says where the lists come from and how long they are, for reports.
   *
   * <pre>{@code
   * DisposableDomains.none().description(); // "none"
   * }</pre>
   *
   * @return e.g. {@code "disposable-email-domains of 2026-08-21 (8335 domains, 189 allowed)"}
   */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }

  /**
   * Tells whether mail at a domain is throw-away.
   *
   * <pre>{@code
   * domains.isDisposable("inbox.mailinator.com"); // true: a subdomain of a listed domain
   * }</pre>
   *
   * @param domain a domain name, in any case; Unicode names are compared in punycode
   * @return whether the domain or its nearest listed parent is blocked and not allowed; {@code
   *     false} for a Unicode name that is not a valid IDN, since no such name can be listed
   */
  public boolean isDisposable(String domain) {
    String ascii;
    try {
      ascii = toAscii(domain);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return blockedEntry(ascii.toLowerCase(Locale.ROOT)) != null;
  }

  /**
   * Returns the listed name that makes a domain disposable, or {@code null}.
   *
   * @param domain a lower-case ASCII domain name
   */
  String blockedEntry(String domain) {
    if (blocked.isEmpty()) {
      return null;
    }
    String suffix = domain;
    while (true) {
      if (allowed.contains(suffix)) {
        return null;
      }
      if (blocked.contains(suffix)) {
        return suffix;
      }
      int dot = suffix.indexOf('.');
      if (dot < 0) {
        return null;
      }
      suffix = suffix.substring(dot + 1);
    }
  }

  private static Set<String> read(Path file) throws IOException {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Set<String> domains = read(lines, file.getFileName().toString());
      LOG.debug("Loaded {} domains from {}", domains.size(), file);
      return domains;
    }
  }

  /** Reads one domain a line in one pass; blank lines and {@code #} comments are skipped. */
  private static Set<String> read(BufferedReader lines, String name) throws IOException {
    Set<String> domains = new HashSet<>();
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      int hash = line.indexOf('#');
      String entry = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!entry.isEmpty()) {
        domains.add(entry(entry, name + " line " + number));
      }
    }
    return Set.copyOf(domains);
  }

  private static DisposableDomains loadPackaged() {
    try (InputStream about = packaged("disposable-domains.properties");
        InputStream blockList = packaged("disposable_email_blocklist.conf");
        InputStream allowList = packaged("allowlist.conf")) {
      if (about == null || blockList == null || allowList == null) {
        LOG.warn(
            "This build has no packaged disposable-email-domain lists; no domain counts as"
                + " disposable unless a list is configured");
        return NONE;
      }
      Properties source = new Properties();
      source.load(new InputStreamReader(about, StandardCharsets.UTF_8));
      Set<String> blocked = read(reader(blockList), "disposable_email_blocklist.conf");
      Set<String> allowed = read(reader(allowList), "allowlist.conf");
      return new DisposableDomains(
          blocked,
          allowed,
          counts(
              source.getProperty("source") + " of " + source.getProperty("date"),
              blocked.size(),
              allowed.size()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the packaged disposable-domain lists", e);
    }
  }

  private static InputStream packaged(String name) {
    return DisposableDomains.class.getResourceAsStream(PACKAGED + name);
  }

  private static BufferedReader reader(InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static String counts(String source, int blocked, int allowed) {
    return source
        + " ("
        + blocked
        + (blocked == 1 ? " domain" : " domains")
        + (allowed == 0 ? "" : ", " + allowed + " allowed")
        + ")";
  }

  private static Set<String> normalize(Collection<String> entries, String what) {
    Set<String> domains = new HashSet<>(entries.size() * 2);
    for (String entry : entries) {
      domains.add(entry(entry, what + " entry"));
    }
    return Set.copyOf(domains);
  }

  private static String entry(String entry, String where) {
    String name = entry == null ? "" : entry.strip();
    try {
      name = toAscii(name).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      name = "";
    }
    if (name.isEmpty() || !isDomainName(name)) {
      throw new IllegalArgumentException(
          where
              + ": "
              + (entry == null ? "null" : Texts.quote(entry))
              + " is not a domain name; expected dot-separated labels of letters, digits and"
              + " hyphens");
    }
    return name;
  }

  private static boolean isDomainName(String name) {
    int labelLength = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return false;
        }
        labelLength = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        labelLength++;
      } else {
        return false;
      }
    }
    return labelLength > 0;
  }

  private static String toAscii(String domain) {
    for (int i = 0; i < domain.length(); i++) {
      if (domain.charAt(i) >= 0x80) {
        return IDN.toASCII(domain);
      }
    }
    return domain;
  }
}
