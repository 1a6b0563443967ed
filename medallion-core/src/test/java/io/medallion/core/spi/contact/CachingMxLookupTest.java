package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MX cache, tested with a fake lookup: unit tests never ask real DNS. */
class CachingMxLookupTest {
  /** Answers from a table and records every question. */
  private static final class FakeDns implements MxLookup {
    final List<String> asked = new ArrayList<>();
    final Map<String, Result> answers;

    FakeDns(Map<String, Result> answers) {
      this.answers = answers;
    }

    @Override
    public synchronized Result lookup(String domain) {
      asked.add(domain);
      return answers.getOrDefault(domain, Result.NONE);
    }
  }

  @Test
  void lookup_repeatedDomain_askedOnce() {
    FakeDns dns = new FakeDns(Map.of("example.com", MxLookup.Result.MX));
    MxLookup cached = MxLookup.cached(dns, 10);

    assertThat(cached.lookup("example.com")).isEqualTo(MxLookup.Result.MX);
    assertThat(cached.lookup("example.com")).isEqualTo(MxLookup.Result.MX);
    assertThat(cached.lookup("nowhere.example")).isEqualTo(MxLookup.Result.NONE);
    assertThat(cached.lookup("nowhere.example")).isEqualTo(MxLookup.Result.NONE);

    assertThat(dns.asked).containsExactly("example.com", "nowhere.example");
  }

  @Test
  void lookup_unknown_notCachedSoRetried() {
    FakeDns dns = new FakeDns(Map.of("slow.example", MxLookup.Result.UNKNOWN));
    MxLookup cached = MxLookup.cached(dns, 10);

    cached.lookup("slow.example");
    cached.lookup("slow.example");

    assertThat(dns.asked).containsExactly("slow.example", "slow.example");
  }

  @Test
  void lookup_overCapacity_evictsLeastRecentlyUsed() {
    FakeDns dns = new FakeDns(Map.of());
    MxLookup cached = MxLookup.cached(dns, 2);

    cached.lookup("a.example");
    cached.lookup("b.example");
    cached.lookup("a.example"); // a is now more recent than b
    cached.lookup("c.example"); // evicts b
    cached.lookup("a.example");
    cached.lookup("b.example");

    assertThat(dns.asked).containsExactly("a.example", "b.example", "c.example", "b.example");
  }

  @Test
  void validate_throughCache_dnsAskedOncePerDomain() {
    FakeDns dns = new FakeDns(Map.of("example.com", MxLookup.Result.MX));
    EmailValidator validator = EmailValidator.builder().mxLookup(MxLookup.cached(dns, 100)).build();

    assertThat(validator.validate("anna@example.com").valid()).isTrue();
    assertThat(validator.validate("bert@EXAMPLE.com").valid()).isTrue();
    assertThat(validator.validate("anna@nomail.com").reason()).isEqualTo(EmailVerdict.Reason.NO_MX);

    assertThat(dns.asked).containsExactly("example.com", "nomail.com");
  }

  @Test
  void cached_capacityBelowOne_rejected() {
    assertThatThrownBy(() -> MxLookup.cached(domain -> MxLookup.Result.MX, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCachedDomains must be at least 1, but was 0");
  }

  @Test
  void dns_timeoutOutOfRange_rejectedWithoutLookingAnythingUp() {
    assertThatThrownBy(() -> MxLookup.dns(Duration.ZERO, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DNS timeout must be between 1 ms and 2147483647 ms, but was PT0S");
  }
}
