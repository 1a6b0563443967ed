package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phones and cells of the real RandomUser development responses, validated for each user's
 * nationality. RandomUser makes up most digits, so many numbers are rightly invalid; the test pins
 * what must hold for every number and logs the share valid per nationality.
 */
class RandomUserPhonesTest {
  private static final Logger LOG = LoggerFactory.getLogger(RandomUserPhonesTest.class);

  /**
   * Valid numbers outside their nationality's numbering plan. RandomUser writes Iranian numbers as
   * {@code 0NN-NNNNNNNN}, but {@code 00} is Iran's international call prefix, so libphonenumber
   * (like a phone in Iran) dials these two abroad: New Caledonia (+687) and Myanmar (+95). They are
   * valid numbers, just not Iranian ones. Listed one by one rather than excused by a rule, so that
   * any new case fails the test.
   */
  private static final Map<String, String> DIALED_ABROAD =
      Map.of("006-87330753", "+687330753", "009-56120634", "+956120634");

  /** Valid and total counts for one nationality. */
  private static final class Tally {
    int valid;
    int total;
  }

  @Test
  void validate_randomUserPhones_lettersRejectedAndValidOnesInNationalPlan() throws IOException {
    PhoneValidator validator = new PhoneValidator();
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    ObjectMapper json = new ObjectMapper();
    Map<String, Tally> byNat = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int withLetters = 0;
    Map<String, String> dialedAbroad = new TreeMap<>();
    for (Path file : ContactData.randomUserDevFiles()) {
      JsonNode root = json.readTree(file.toFile());
      for (JsonNode user : root.isArray() ? root : root.get("results")) {
        String nat = user.get("nat").asText();
        for (String field : List.of("phone", "cell")) {
          String number = user.get(field).asText();
          PhoneVerdict verdict = validator.validate(number, nat);
          Tally tally = byNat.computeIfAbsent(nat, n -> new Tally());
          tally.total++;
          String where = file.getFileName() + " " + nat + " " + field + " '" + number + "': ";
          if (number.chars().anyMatch(Character::isLetter)) {
            withLetters++;
            if (verdict.valid() || !verdict.reason().contains("letters")) {
              failures.add(where + "letters not reported: " + verdict);
            }
          } else if (verdict.valid()) {
            tally.valid++;
            String prefix = "+" + util.getCountryCodeForRegion(nat.toUpperCase(Locale.ROOT));
            if (DIALED_ABROAD.containsKey(number)) {
              dialedAbroad.put(number, verdict.e164());
            } else if (!verdict.e164().startsWith(prefix)) {
              failures.add(where + "E.164 " + verdict.e164() + " is not under " + prefix);
            }
          } else if (verdict.reason() == null || verdict.e164() != null) {
            failures.add(where + "invalid without a reason, or with an E.164 form: " + verdict);
          }
        }
      }
    }
    byNat.forEach(
        (nat, tally) ->
            LOG.info(
                "{}: {}/{} valid ({}%)",
                nat,
                tally.valid,
                tally.total,
                String.format(Locale.ROOT, "%.1f", 100.0 * tally.valid / tally.total)));
    assertThat(byNat).hasSize(21);
    assertThat(withLetters).as("numbers with letters seen").isPositive();
    assertThat(failures).isEmpty();
    assertThat(dialedAbroad).isEqualTo(DIALED_ABROAD);
  }
}
