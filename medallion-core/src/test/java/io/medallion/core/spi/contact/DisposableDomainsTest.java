package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.core.spi.contact.EmailVerdict.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisposableDomainsTest {
  private static final String FOLDER = "contact-validation/disposable-email-domains/";

  @Test
  void isDisposable_listedDomainAndSubdomains_true() {
    DisposableDomains domains = DisposableDomains.of(Set.of("Mailinator.com "), Set.of());
    assertThat(domains.isDisposable("mailinator.com")).isTrue();
    assertThat(domains.isDisposable("MAILINATOR.COM")).isTrue();
    assertThat(domains.isDisposable("a.b.mailinator.com")).isTrue();
    assertThat(domains.isDisposable("notmailinator.com")).isFalse();
    assertThat(domains.isDisposable("com")).isFalse();
  }

  @Test
  void isDisposable_mostSpecificListingWins() {
    DisposableDomains domains =
        DisposableDomains.of(
            Set.of("example.com", "tmp.corp.example.com"), Set.of("corp.example.com"));
    assertThat(domains.isDisposable("x.example.com")).isTrue();
    assertThat(domains.isDisposable("corp.example.com")).isFalse();
    assertThat(domains.isDisposable("mail.corp.example.com")).isFalse();
    assertThat(domains.isDisposable("tmp.corp.example.com")).isTrue();
  }

  @Test
  void isDisposable_listedOnBoth_allowWins() {
    DisposableDomains domains = DisposableDomains.of(Set.of("126.com"), Set.of("126.com"));
    assertThat(domains.isDisposable("126.com")).isFalse();
  }

  @Test
  void isDisposable_unicodeNames_comparedInPunycode() {
    DisposableDomains domains = DisposableDomains.of(Set.of("bücher.de"), Set.of());
    assertThat(domains.isDisposable("xn--bcher-kva.de")).isTrue();
    assertThat(domains.isDisposable("BÜCHER.de")).isTrue();
    assertThat(domains.isDisposable("a..ü")).isFalse();
  }

  @Test
  void none_blocksNothing() {
    assertThat(DisposableDomains.none().isDisposable("mailinator.com")).isFalse();
  }

  @Test
  void of_invalidEntry_namesEntryAndWhatIsAllowed() {
    assertThatThrownBy(() -> DisposableDomains.of(Set.of("mail inator.com"), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "blocked entry: 'mail inator.com' is not a domain name; expected dot-separated"
                + " labels of letters, digits and hyphens");
    assertThatThrownBy(() -> DisposableDomains.of(Set.of(), Set.of("a..b")))
        .hasMessageStartingWith("allowed entry: 'a..b' is not a domain name");
  }

  @Test
  void load_commentsAndBlankLines_ignored(@TempDir Path dir) throws IOException {
    Path block = dir.resolve("block.conf");
    Files.write(
        block,
        List.of("# disposable providers", "", "  mailinator.com  # the classic", "YOPMAIL.com"),
        StandardCharsets.UTF_8);
    Path allow = dir.resolve("allow.conf");
    Files.write(allow, List.of("# none blocked", "safe.yopmail.com"), StandardCharsets.UTF_8);

    DisposableDomains domains = DisposableDomains.load(block, allow);

    assertThat(domains.isDisposable("mailinator.com")).isTrue();
    assertThat(domains.isDisposable("yopmail.com")).isTrue();
    assertThat(domains.isDisposable("safe.yopmail.com")).isFalse();
    assertThat(DisposableDomains.load(block).isDisposable("safe.yopmail.com")).isTrue();
  }

  @Test
  void load_badLine_namesFileAndLine(@TempDir Path dir) throws IOException {
    Path block = dir.resolve("block.conf");
    Files.write(block, List.of("mailinator.com", "not_a domain"), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DisposableDomains.load(block))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("block.conf line 2: 'not_a domain' is not a domain name");
  }

  @Test
  void load_sharedLists_blockListedAndSubdomainsButNotAllowListed() throws IOException {
    Path blockList = ContactData.require(FOLDER + "disposable_email_blocklist.conf");
    Path allowList = ContactData.require(FOLDER + "allowlist.conf");

    DisposableDomains domains = DisposableDomains.load(blockList, allowList);

    assertThat(domains.isDisposable("mailinator.com")).isTrue();
    assertThat(domains.isDisposable("yopmail.com")).isTrue();
    assertThat(domains.isDisposable("inbox.guerrillamail.com")).isTrue();
    assertThat(domains.isDisposable("gmail.com")).isFalse();
    List<String> blocked = entries(blockList);
    List<String> allowed = entries(allowList);
    assertThat(blocked).hasSizeGreaterThan(8000);
    assertThat(blocked).allSatisfy(d -> assertThat(domains.isDisposable(d)).as(d).isTrue());
    assertThat(allowed).isNotEmpty();
    assertThat(allowed).allSatisfy(d -> assertThat(domains.isDisposable(d)).as(d).isFalse());
    assertThat(domains.isDisposable("bluewin.ch")).isFalse();
  }

  @Test
  void validate_sharedLists_disposableDomainRejected() throws IOException {
    DisposableDomains domains =
        DisposableDomains.load(
            ContactData.require(FOLDER + "disposable_email_blocklist.conf"),
            ContactData.require(FOLDER + "allowlist.conf"));
    EmailValidator validator = EmailValidator.builder().disposableDomains(domains).build();

    EmailVerdict verdict = validator.validate("anna@x.mailinator.com");

    assertThat(verdict.reason()).isEqualTo(Reason.DISPOSABLE_DOMAIN);
    assertThat(verdict.message()).contains("'x.mailinator.com'", "listed as 'mailinator.com'");
    assertThat(validator.validate("anna@bluewin.ch").valid()).isTrue();
  }

  private static List<String> entries(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  @Test
  void defaults_packagedList_blocksProvidersAndIsLoadedOnce() {
    DisposableDomains domains = DisposableDomains.defaults();

    assertThat(domains).isSameAs(DisposableDomains.defaults());
    assertThat(domains.isDisposable("mailinator.com")).isTrue();
    assertThat(domains.isDisposable("inbox.yopmail.com")).isTrue();
    assertThat(domains.isDisposable("gmail.com")).isFalse();
    assertThat(domains.isDisposable("bluewin.ch")).isFalse();
    assertThat(domains.description())
        .matches("disposable-email-domains of 2026-08-21 \\(\\d{4,} domains, \\d+ allowed\\)");
  }

  @Test
  void extendedWith_addsBlockedAndAllowedDomains_andSaysSo() {
    DisposableDomains extended =
        DisposableDomains.of(Set.of("mailinator.com"), Set.of())
            .extendedWith(DisposableDomains.of(Set.of("example.com"), Set.of("ok.example.com")));

    assertThat(extended.isDisposable("mailinator.com")).isTrue();
    assertThat(extended.isDisposable("example.com")).isTrue();
    assertThat(extended.isDisposable("ok.example.com")).isFalse();
    assertThat(extended.description()).isEqualTo("given (1 domain) + given (1 domain, 1 allowed)");
  }

  @Test
  void load_describesTheFileAndItsSize(@TempDir Path dir) throws IOException {
    Path block = dir.resolve("ours.conf");
    Files.write(block, List.of("a.example", "b.example"), StandardCharsets.UTF_8);

    assertThat(DisposableDomains.load(block).description()).isEqualTo("ours.conf (2 domains)");
    assertThat(DisposableDomains.none().description()).isEqualTo("none");
  }
}
