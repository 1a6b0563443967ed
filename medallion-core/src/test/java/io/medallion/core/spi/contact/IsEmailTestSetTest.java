package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.spi.contact.EmailVerdict.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs Dominic Sayers' is_email test set (BSD-3, {@code contact-validation/isemail/tests.xml}).
 *
 * <p>Each case has a category saying how far the address is from a plain, deliverable one. Our
 * practical subset maps categories to outcomes:
 *
 * <pre>
 * category                 expected  why
 * ISEMAIL_VALID_CATEGORY   valid     plain addresses
 * ISEMAIL_DNSWARN          valid     syntax is fine; only DNS would object, and DNS is off here
 * ISEMAIL_RFC5321          invalid   quoted local parts, address literals, numeric or bare TLDs:
 *                                    legal SMTP, but rejected by our subset on purpose
 * ISEMAIL_CFWS             invalid   comments and folding whitespace: a field holds a bare address
 * ISEMAIL_DEPREC           invalid   obsolete RFC 822 syntax
 * ISEMAIL_RFC5322          invalid   header grammar only: too long, domain literals, bad domains
 * ISEMAIL_ERR              invalid   not an address
 * </pre>
 *
 * <p>{@link #DEVIATIONS} lists the cases where we knowingly disagree with that mapping, each with
 * the reason we give instead; a test checks that the table still matches what the validator does.
 */
class IsEmailTestSetTest {
  private static final Map<String, Boolean> VALID_BY_CATEGORY =
      Map.of(
          "ISEMAIL_VALID_CATEGORY", true,
          "ISEMAIL_DNSWARN", true,
          "ISEMAIL_RFC5321", false,
          "ISEMAIL_CFWS", false,
          "ISEMAIL_DEPREC", false,
          "ISEMAIL_RFC5322", false,
          "ISEMAIL_ERR", false);

  /**
   * Cases whose category maps to valid but which we reject. All are about the domain: is_email
   * checks its syntax only, while we also require a name under a TLD in the IANA list.
   */
  private static final Map<String, Deviation> DEVIATIONS =
      Map.of(
          "5",
          new Deviation(
              Reason.DOMAIN_SYNTAX, "test@io: a bare TLD takes no mail in practice (RFC 7085)"),
          "13",
          new Deviation(Reason.UNKNOWN_TLD, "test@iana.a: 'a' is not a TLD"),
          "33",
          new Deviation(Reason.UNKNOWN_TLD, "test@iana.co-uk: 'co-uk' is not a TLD"),
          "37",
          new Deviation(Reason.UNKNOWN_TLD, "a@a.b.c...u.v: 'v' is not a TLD"),
          "38",
          new Deviation(
              Reason.UNKNOWN_TLD, "a@...: the 61-letter last label 'abc...ghi' is not a TLD"),
          "100",
          new Deviation(
              Reason.UNKNOWN_TLD,
              "test@xn--hxajbheg2az3al.xn--jxalpdlp: an IANA test TLD (Greek 'test'), removed from"
                  + " the root zone in 2013"));

  private final EmailValidator validator = EmailValidator.builder().build();

  /** One test case, with control pictures already turned back into control characters. */
  private record Case(String id, String address, String category, String diagnosis) {}

  /** A case where we disagree with the category's outcome, and the reason we report. */
  private record Deviation(Reason reason, String why) {}

  private static List<Case> cases() throws Exception {
    Path file = ContactData.require("contact-validation/isemail/tests.xml");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    NodeList tests = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("test");
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < tests.getLength(); i++) {
      Element test = (Element) tests.item(i);
      cases.add(
          new Case(
              test.getAttribute("id"),
              fromControlPictures(text(test, "address")),
              text(test, "category"),
              text(test, "diagnosis")));
    }
    return cases;
  }

  private static String text(Element test, String tag) {
    NodeList nodes = test.getElementsByTagName(tag);
    assertThat(nodes.getLength()).as("<%s> in test %s", tag, test.getAttribute("id")).isOne();
    return nodes.item(0).getTextContent();
  }

  /**
   * XML 1.0 cannot hold most ASCII control characters, so the file writes U+2400 + c ("SYMBOL FOR
   * NULL" onwards) for control character c, as its header notes explain.
   */
  private static String fromControlPictures(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= '\u2400' && c <= '\u241f' ? (char) (c - '\u2400') : c);
    }
    return out.toString();
  }

  @Test
  void readTestSet_controlPictures_becomeControlCharacters() throws Exception {
    Map<String, String> byId = new HashMap<>();
    for (Case c : cases()) {
      byId.put(c.id(), c.address());
    }
    assertThat(byId).hasSize(164);
    assertThat(byId.get("1")).isEmpty();
    assertThat(byId.get("136")).isEqualTo("\u0007@iana.org");
    assertThat(byId.get("141")).isEqualTo("\r\ntest@iana.org");
    assertThat(byId.get("85")).isEqualTo(" test @iana.org");
  }

  @Test
  void validate_isemailTestSet_matchesCategoryOutcome() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (Case c : cases()) {
      Boolean categoryValid = VALID_BY_CATEGORY.get(c.category());
      assertThat(categoryValid).as("category %s of test %s", c.category(), c.id()).isNotNull();
      boolean expected = categoryValid != DEVIATIONS.containsKey(c.id());
      EmailVerdict verdict = validator.validate(c.address());
      if (verdict.valid() != expected) {
        mismatches.add(
            "test "
                + c.id()
                + " ("
                + c.diagnosis()
                + ") expected "
                + (expected ? "valid" : "invalid")
                + " but got "
                + (verdict.valid() ? "valid" : verdict.message()));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void validate_isemailDeviations_rejectedForTheListedReason() throws Exception {
    Map<String, Case> byId = new HashMap<>();
    for (Case c : cases()) {
      byId.put(c.id(), c);
    }
    DEVIATIONS.forEach(
        (id, deviation) -> {
          Case c = byId.get(id);
          assertThat(c).as("deviation for missing test %s", id).isNotNull();
          assertThat(VALID_BY_CATEGORY.get(c.category())).as("category of test %s", id).isTrue();
          assertThat(validator.validate(c.address()).reason())
              .as("test %s: %s", id, deviation.why())
              .isEqualTo(deviation.reason());
        });
  }
}
