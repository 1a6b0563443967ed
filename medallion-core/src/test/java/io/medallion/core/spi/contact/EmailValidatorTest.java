package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.core.spi.contact.EmailVerdict.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmailValidatorTest {
  private final EmailValidator validator = EmailValidator.builder().build();

  private static EmailVerdict rejected(EmailValidator validator, String address, Reason reason) {
    EmailVerdict verdict = validator.validate(address);
    assertThat(verdict.valid()).as(address).isFalse();
    assertThat(verdict.reason()).as(verdict.message()).isEqualTo(reason);
    return verdict;
  }

  private EmailVerdict rejected(String address, Reason reason) {
    return rejected(validator, address, reason);
  }

  @Test
  void validate_plainAddresses_valid() {
    for (String address :
        List.of(
            "anna@example.com",
            "Anna.Maria@Example.COM",
            "a@b.co",
            "first.last+tag@sub.domain.example.org",
            "o'brien@example.ie",
            "!#$%&'*+-/=?^_`{|}~@example.com",
            "xn--test@example.com",
            "user@c--n.com")) {
      assertThat(validator.validate(address)).as(address).isSameAs(EmailVerdict.VALID);
    }
  }

  @Test
  void validate_nullOrEmpty_empty() {
    rejected(null, Reason.EMPTY);
    rejected("", Reason.EMPTY);
  }

  @Test
  void validate_noAt_missingAt() {
    assertThat(rejected("anna.example.com", Reason.MISSING_AT).message())
        .isEqualTo("address 'anna.example.com' has no '@'");
  }

  @Test
  void validate_emptyParts_rejected() {
    rejected("@example.com", Reason.EMPTY_LOCAL_PART);
    rejected("anna@", Reason.EMPTY_DOMAIN);
  }

  @Test
  void validate_quotedLocalPart_rejected() {
    assertThat(rejected("\"john\"@example.com", Reason.QUOTED_LOCAL_PART).message())
        .isEqualTo(
            "local part '\"john\"' is quoted; only unquoted (dot-atom) local parts are accepted");
    rejected("\"john\".doe@example.com", Reason.QUOTED_LOCAL_PART);
    rejected("john\"@example.com", Reason.INVALID_LOCAL_CHAR);
    // Whitespace is looked for first, so the usual reason to quote is reported as whitespace.
    assertThat(rejected("\"john doe\"@example.com", Reason.WHITESPACE).message())
        .isEqualTo("local part '\"john doe\"' contains whitespace");
  }

  @Test
  void validate_domainLiteral_rejected() {
    assertThat(rejected("anna@[127.0.0.1]", Reason.DOMAIN_LITERAL).message())
        .isEqualTo("domain '[127.0.0.1]' is an address literal; only domain names are accepted");
    rejected("anna@[IPv6:::1]", Reason.DOMAIN_LITERAL);
  }

  @Test
  void validate_whitespace_namesWhereItIs() {
    assertThat(rejected(" anna@example.com", Reason.WHITESPACE).message())
        .isEqualTo("address ' anna@example.com' starts with whitespace");
    assertThat(rejected("anna@example.com\r\n", Reason.WHITESPACE).message())
        .isEqualTo("address 'anna@example.com<U+000D><U+000A>' ends with whitespace");
    assertThat(rejected("anna@exa mple.com", Reason.WHITESPACE).message())
        .isEqualTo("domain 'exa mple.com' contains whitespace");
    assertThat(rejected("an\tna@example.com", Reason.WHITESPACE).message())
        .isEqualTo("local part 'an<U+0009>na' contains whitespace");
    rejected("an\u00a0na@example.com", Reason.WHITESPACE);
    rejected("anna@example.com\u2003", Reason.WHITESPACE);
  }

  @Test
  void validate_controlCharacter_escapedInMessage() {
    assertThat(rejected("an\u0007na@example.com", Reason.CONTROL_CHARACTER).message())
        .isEqualTo("local part 'an<U+0007>na' contains control character U+0007");
    rejected("anna@exam\u007fple.com", Reason.CONTROL_CHARACTER);
    rejected("anna\u0085@example.com", Reason.CONTROL_CHARACTER);
  }

  @Test
  void validate_dotPlacement_rejected() {
    assertThat(rejected(".anna@example.com", Reason.DOT_PLACEMENT).message())
        .isEqualTo("local part '.anna' starts with a dot");
    assertThat(rejected("anna.@example.com", Reason.DOT_PLACEMENT).message())
        .isEqualTo("local part 'anna.' ends with a dot");
    assertThat(rejected("an..na@example.com", Reason.DOT_PLACEMENT).message())
        .isEqualTo("local part 'an..na' has two dots in a row");
    assertThat(rejected("anna@.example.com", Reason.DOT_PLACEMENT).message())
        .isEqualTo("domain '.example.com' starts with a dot");
    assertThat(rejected("anna@example.com.", Reason.DOT_PLACEMENT).message())
        .isEqualTo("domain 'example.com.' ends with a dot");
    assertThat(rejected("anna@example..com", Reason.DOT_PLACEMENT).message())
        .isEqualTo("domain 'example..com' has two dots in a row");
  }

  @Test
  void validate_invalidLocalChar_namesTheCharacter() {
    assertThat(rejected("an(na)@example.com", Reason.INVALID_LOCAL_CHAR).message())
        .isEqualTo(
            "local part 'an(na)' contains '('; allowed are letters, digits, dots and"
                + " !#$%&'*+-/=?^_`{|}~");
    rejected("a@b@example.com", Reason.INVALID_LOCAL_CHAR);
    rejected("an\\na@example.com", Reason.INVALID_LOCAL_CHAR);
  }

  @Test
  void validate_localPartOf64Octets_validButNot65() {
    assertThat(validator.validate("a".repeat(64) + "@example.com").valid()).isTrue();
    assertThat(rejected("a".repeat(65) + "@example.com", Reason.LOCAL_PART_TOO_LONG).message())
        .endsWith("is 65 octets long; at most 64 are allowed");
  }

  @Test
  void validate_localPartLength_countsUtf8Octets() {
    // 'ö' is two octets in UTF-8: 32 of them fill the 64 octets, 33 overflow with 33 characters.
    assertThat(validator.validate("ö".repeat(32) + "@example.com").valid()).isTrue();
    assertThat(rejected("ö".repeat(33) + "@example.com", Reason.LOCAL_PART_TOO_LONG).message())
        .contains("is 66 octets long");
  }

  /** A valid domain name of the given length, ending in {@code .com}. */
  private static String domainOfLength(int length) {
    String label = "a".repeat(63);
    String domain = label + "." + label + "." + label + "." + "b".repeat(length - 196) + ".com";
    assertThat(domain).hasSize(length);
    return domain;
  }

  @Test
  void validate_domainLength_limitIs253() {
    assertThat(rejected("a@" + domainOfLength(254), Reason.DOMAIN_TOO_LONG).message())
        .endsWith("is 254 characters long in ASCII; at most 253 are allowed");
    // 253 passes the domain limit but, with '@' and a local part, exceeds the address limit.
    rejected("a@" + domainOfLength(253), Reason.ADDRESS_TOO_LONG);
  }

  @Test
  void validate_addressLength_limitIs254() {
    assertThat(validator.validate("a@" + domainOfLength(252)).valid()).isTrue();
    assertThat(rejected("ab@" + domainOfLength(252), Reason.ADDRESS_TOO_LONG).message())
        .endsWith("is 255 octets long; at most 254 are allowed");
  }

  @Test
  void validate_invalidLabel_namesDomainAndLabel() {
    assertThat(rejected("anna@exa_mple.com", Reason.DOMAIN_SYNTAX).message())
        .isEqualTo(
            "domain 'exa_mple.com' has an invalid label 'exa_mple': '_' is not a letter, digit or"
                + " hyphen");
    assertThat(rejected("anna@-example.com", Reason.DOMAIN_SYNTAX).message())
        .isEqualTo(
            "domain '-example.com' has an invalid label '-example': it starts or ends with '-'");
    rejected("anna@example-.com", Reason.DOMAIN_SYNTAX);
    rejected("anna@" + "a".repeat(64) + ".com", Reason.DOMAIN_SYNTAX);
  }

  @Test
  void validate_singleLabelDomain_rejected() {
    assertThat(rejected("anna@localhost", Reason.DOMAIN_SYNTAX).message())
        .isEqualTo(
            "domain 'localhost' has a single label; a mail domain is a name under a top-level"
                + " domain");
  }

  @Test
  void validate_unknownTld_rejected() {
    assertThat(rejected("anna@example.invalidtld", Reason.UNKNOWN_TLD).message())
        .isEqualTo(
            "domain 'example.invalidtld' has top-level domain 'invalidtld', which is not in the"
                + " IANA root zone list");
    rejected("anna@10.0.0.1", Reason.UNKNOWN_TLD);
    rejected("anna@host.local", Reason.UNKNOWN_TLD);
  }

  @Test
  void validate_international_acceptedByDefault() {
    for (String address :
        List.of(
            "jörg@bücher.de",
            "δοκιμή@παράδειγμα.ελ",
            "okan.çetin@example.com",
            "مارال.حسینی@example.com",
            "用户@例子.中国",
            "anna@xn--bcher-kva.de")) {
      assertThat(validator.validate(address)).as(address).isSameAs(EmailVerdict.VALID);
    }
  }

  @Test
  void validate_internationalDisabled_nonAscii() {
    EmailValidator ascii = EmailValidator.builder().allowInternational(false).build();
    assertThat(rejected(ascii, "jörg@example.com", Reason.NON_ASCII).message())
        .isEqualTo(
            "local part 'jörg' contains non-ASCII character U+00F6 but international addresses"
                + " are disabled");
    assertThat(rejected(ascii, "joerg@bücher.de", Reason.NON_ASCII).message())
        .startsWith("domain 'bücher.de' contains non-ASCII character U+00FC");
    assertThat(ascii.validate("joerg@xn--bcher-kva.de").valid()).isTrue();
  }

  @Test
  void validate_idnHyphenHiddenByPunycode_rejected() {
    // IDN.toASCII turns "ü-" into "xn----dha", which has no hyphen at its edges.
    assertThat(rejected("anna@ü-.com", Reason.DOMAIN_SYNTAX).message())
        .isEqualTo("domain 'ü-.com' has an invalid label 'ü-': it starts or ends with '-'");
  }

  @Test
  void validate_idnUnknownTld_checkedInPunycode() {
    assertThat(rejected("anna@bücher.ünknöwn", Reason.UNKNOWN_TLD).message())
        .contains("top-level domain 'xn--nknwn-lua2b'");
  }

  @Test
  void validate_invisibleCharacters_rejected() {
    assertThat(rejected("an\u200bna@example.com", Reason.INVALID_LOCAL_CHAR).message())
        .isEqualTo(
            "local part 'an<U+200B>na' contains U+200B, which is invisible, private-use,"
                + " unassigned or half of a surrogate pair");
    // IDN.toASCII would silently drop it, turning a corrupted domain into a clean one.
    rejected("anna@exa\u200bmple.com", Reason.DOMAIN_SYNTAX);
    rejected("anna\ue000@example.com", Reason.INVALID_LOCAL_CHAR);
    rejected("anna\ud800@example.com", Reason.INVALID_LOCAL_CHAR);
  }

  @Test
  void validate_zeroWidthNonJoiner_accepted() {
    // Persian writes some names with ZWNJ (U+200C); it is a format character but not an error.
    assertThat(validator.validate("مهر\u200cناز@example.com").valid()).isTrue();
  }

  @Test
  void validate_supplementaryCharacters_countedAsFourOctets() {
    assertThat(validator.validate("😀".repeat(16) + "@example.com").valid()).isTrue();
    rejected("😀".repeat(17) + "@example.com", Reason.LOCAL_PART_TOO_LONG);
  }

  @Test
  void validate_disposableDomain_rejectedWithListedEntry() {
    EmailValidator strict =
        EmailValidator.builder()
            .disposableDomains(
                DisposableDomains.of(Set.of("mailinator.com"), Set.of("safe.mailinator.com")))
            .build();
    assertThat(rejected(strict, "anna@Mailinator.com", Reason.DISPOSABLE_DOMAIN).message())
        .isEqualTo(
            "domain 'Mailinator.com' is a disposable-address provider (listed as"
                + " 'mailinator.com')");
    rejected(strict, "anna@inbox.mailinator.com", Reason.DISPOSABLE_DOMAIN);
    assertThat(strict.validate("anna@safe.mailinator.com").valid()).isTrue();
    assertThat(strict.validate("anna@notmailinator.com").valid()).isTrue();
  }

  @Test
  void validate_defaultValidator_rejectsDomainsOfThePackagedList() {
    rejected(validator, "anna@mailinator.com", Reason.DISPOSABLE_DOMAIN);
    assertThat(validator.validate("anna@gmail.com").valid()).isTrue();
  }

  @Test
  void validate_mxNone_noMx() {
    List<String> asked = new ArrayList<>();
    EmailValidator dns =
        EmailValidator.builder()
            .mxLookup(
                domain -> {
                  asked.add(domain);
                  return MxLookup.Result.NONE;
                })
            .build();
    assertThat(rejected(dns, "anna@Bücher.de", Reason.NO_MX).message())
        .isEqualTo("domain 'Bücher.de' has no MX record and no address record in DNS");
    assertThat(asked).containsExactly("xn--bcher-kva.de");
  }

  @Test
  void validate_mxResults_onlyNoneRejects() {
    for (MxLookup.Result result :
        List.of(MxLookup.Result.MX, MxLookup.Result.ADDRESS_ONLY, MxLookup.Result.UNKNOWN)) {
      EmailValidator dns = EmailValidator.builder().mxLookup(domain -> result).build();
      assertThat(dns.validate("anna@example.com").valid()).as(result.name()).isTrue();
    }
  }

  @Test
  void validate_invalidOrDisposable_mxNotAsked() {
    AtomicInteger calls = new AtomicInteger();
    EmailValidator dns =
        EmailValidator.builder()
            .disposableDomains(DisposableDomains.of(Set.of("mailinator.com"), Set.of()))
            .mxLookup(
                domain -> {
                  calls.incrementAndGet();
                  return MxLookup.Result.MX;
                })
            .build();
    rejected(dns, "anna@exa_mple.com", Reason.DOMAIN_SYNTAX);
    rejected(dns, "anna@example.nosuchtld", Reason.UNKNOWN_TLD);
    rejected(dns, "anna@mailinator.com", Reason.DISPOSABLE_DOMAIN);
    assertThat(calls).hasValue(0);
    assertThat(dns.validate("anna@example.com").valid()).isTrue();
    assertThat(calls).hasValue(1);
  }

  @Test
  void validate_mxLookupNull_dnsStaysOff() {
    EmailValidator noDns = EmailValidator.builder().mxLookup(null).build();
    assertThat(noDns.validate("anna@example.com").valid()).isTrue();
  }

  @Test
  void validate_concurrentUse_sameVerdictsAsSequential() {
    List<String> addresses =
        List.of("anna@example.com", "an..na@example.com", "jörg@bücher.de", "a@b", " x@y.com");
    List<EmailVerdict> sequential = addresses.stream().map(validator::validate).toList();
    List<EmailVerdict> parallel =
        IntStream.range(0, 20_000)
            .parallel()
            .mapToObj(i -> validator.validate(addresses.get(i % addresses.size())))
            .toList();
    for (int i = 0; i < parallel.size(); i++) {
      assertThat(parallel.get(i)).isEqualTo(sequential.get(i % addresses.size()));
    }
  }

  @Test
  void validate_randomUserDevEmails_allValid() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> rejected = new ArrayList<>();
    int count = 0;
    for (Path file : ContactData.randomUserDevFiles()) {
      JsonNode root = json.readTree(file.toFile());
      for (JsonNode user : root.isArray() ? root : root.get("results")) {
        String email = user.get("email").asText();
        count++;
        EmailVerdict verdict = validator.validate(email);
        if (!verdict.valid()) {
          rejected.add(file.getFileName() + ": " + verdict.message());
        }
      }
    }
    assertThat(count).isPositive();
    assertThat(rejected).isEmpty();
  }
}
