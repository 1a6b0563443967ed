package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One example mobile number per region from libphonenumber-js ({@code
 * contact-validation/libphonenumber-js/examples.mobile.json}, MIT), checked against Google's Java
 * metadata.
 */
class PhoneExamplesTest {
  /**
   * Regions where the two libraries' metadata disagree, with the type Google's Java metadata gives.
   * The test checks these still disagree exactly so, so the table cannot go stale.
   */
  private static final Map<String, PhoneType> KNOWN_DIFFERENCES =
      Map.of(
          // Tristan da Cunha: libphonenumber-js's mobile example 8999 is a fixed-line range in
          // libphonenumber 9.0.19 (Java).
          "TA", PhoneType.FIXED_LINE);

  @Test
  void validate_mobileExamplePerRegion_validMobileWithE164() throws IOException {
    JsonNode examples =
        new ObjectMapper()
            .readTree(
                ContactData.require("contact-validation/libphonenumber-js/examples.mobile.json")
                    .toFile());
    PhoneValidator validator = new PhoneValidator();
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    List<String> failures = new ArrayList<>();
    int count = 0;
    for (Map.Entry<String, JsonNode> example : examples.properties()) {
      String region = example.getKey();
      String number = example.getValue().asText();
      count++;
      PhoneVerdict verdict = validator.validate(number, region);
      String e164Prefix = "+" + util.getCountryCodeForRegion(region);
      boolean mobile =
          verdict.type() == PhoneType.MOBILE || verdict.type() == PhoneType.FIXED_LINE_OR_MOBILE;
      PhoneType knownType = KNOWN_DIFFERENCES.get(region);
      if (!verdict.valid()) {
        failures.add(region + " " + number + ": " + verdict.reason());
      } else if (!verdict.e164().startsWith(e164Prefix)) {
        failures.add(region + " " + number + ": E.164 " + verdict.e164() + " lacks " + e164Prefix);
      } else if (knownType == null && !mobile) {
        failures.add(region + " " + number + ": type " + verdict.type());
      } else if (knownType != null && verdict.type() != knownType) {
        failures.add(region + " " + number + ": known difference gone, type " + verdict.type());
      }
    }
    assertThat(count).isEqualTo(245);
    assertThat(failures).isEmpty();
  }
}
