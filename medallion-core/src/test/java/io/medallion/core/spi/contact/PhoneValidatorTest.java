package io.medallion.core.spi.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhoneValidatorTest {
  private final PhoneValidator validator = new PhoneValidator();

  private PhoneVerdict rejected(String raw, String region) {
    PhoneVerdict verdict = validator.validate(raw, region);
    assertThat(verdict.valid()).as(raw + " in " + region).isFalse();
    assertThat(verdict.e164()).isNull();
    assertThat(verdict.type()).isEqualTo(PhoneType.UNKNOWN);
    return verdict;
  }

  @Test
  void validate_nationalNumbers_e164AndType() {
    assertThat(validator.validate("044 668 18 00", "CH"))
        .isEqualTo(new PhoneVerdict(true, true, PhoneType.FIXED_LINE, "+41446681800", null));
    assertThat(validator.validate("079 123 45 67", "CH").type()).isEqualTo(PhoneType.MOBILE);
    assertThat(validator.validate("0800 123 456", "CH").type()).isEqualTo(PhoneType.TOLL_FREE);
    assertThat(validator.validate("0900 123 456", "CH").type()).isEqualTo(PhoneType.OTHER);
    assertThat(validator.validate("(808)-476-1171", "US").type())
        .isEqualTo(PhoneType.FIXED_LINE_OR_MOBILE);
  }

  @Test
  void validate_regionCode_caseInsensitive() {
    assertThat(validator.validate("079 123 45 67", "ch").e164()).isEqualTo("+41791234567");
    assertThat(validator.validate("079 123 45 67", " Ch ").e164()).isEqualTo("+41791234567");
  }

  @Test
  void validate_internationalNumber_needsNoRegionAndMayBeForeign() {
    assertThat(validator.validate("+49 30 123456", null).e164()).isEqualTo("+4930123456");
    assertThat(validator.validate("+49 30 123456", "CH").e164()).isEqualTo("+4930123456");
    assertThat(validator.validate("0041 44 668 18 00", "CH").e164()).isEqualTo("+41446681800");
  }

  @Test
  void validate_internationalPrefixOfRegion_readAsDialedAbroad() {
    // 00 is Iran's international call prefix: from Iran this dials New Caledonia (+687).
    assertThat(validator.validate("006-87330753", "IR").e164()).isEqualTo("+687330753");
  }

  @Test
  void validate_letters_rejectedNamingThem() {
    PhoneVerdict verdict = rejected("(067) U84-1350", "UA");
    assertThat(verdict.reason()).isEqualTo("'(067) U84-1350' contains letters: U");
    assertThat(verdict.possible()).isFalse();
    assertThat(rejected("P58 A18-2129", "CA").reason()).endsWith("contains letters: P, A");
    // A vanity number is a valid number to libphonenumber, but not in a contact feed.
    assertThat(rejected("1-800-FLOWERS", "US").reason()).endsWith("letters: F, L, O, W, E, R, S");
    assertThat(rejected("+41 44 668 18 00 ext. 12", "CH").reason()).contains("letters: e, x, t");
  }

  @Test
  void validate_missingRegion_rejected() {
    assertThat(rejected("044 668 18 00", null).reason())
        .isEqualTo("missing region: '044 668 18 00' has no +country code and no region was given");
    assertThat(rejected("044 668 18 00", " ").reason()).startsWith("missing region");
  }

  @Test
  void validate_unknownRegion_rejected() {
    assertThat(rejected("044 668 18 00", "XX").reason())
        .isEqualTo(
            "unknown region 'XX'; expected an ISO 3166 alpha-2 code such as 'CH' that"
                + " libphonenumber supports");
    assertThat(rejected("+41 44 668 18 00", "Switzerland").reason())
        .startsWith("unknown region 'SWITZERLAND'");
  }

  @Test
  void validate_missingNumber_rejected() {
    assertThat(rejected(null, "CH").reason()).isEqualTo("missing number");
    assertThat(rejected("  ", "CH").reason()).isEqualTo("missing number");
  }

  @Test
  void validate_wrongLengthOrRange_reasonNamesRegion() {
    assertThat(rejected("12", "CH").reason()).isEqualTo("'12' is too short for region CH");
    assertThat(rejected("0791234567891234", "CH").reason())
        .isEqualTo("'0791234567891234' is too long for region CH");
    PhoneVerdict unassigned = rejected("099 123 45 67", "CH");
    assertThat(unassigned.reason()).isEqualTo("'099 123 45 67' is not a number for region CH");
    assertThat(unassigned.possible()).isTrue();
  }

  @Test
  void validate_foreignNumberInvalid_reasonNamesItsCountryCode() {
    assertThat(rejected("+1 800 123 4567", "CH").reason())
        .isEqualTo("'+1 800 123 4567' is not a number for country code +1");
    assertThat(rejected("+999 123", "CH").reason())
        .isEqualTo("'+999 123' has an unknown country code");
  }

  @Test
  void validate_notANumber_rejected() {
    assertThat(rejected("--", "CH").reason()).isEqualTo("'--' is not a phone number");
  }

  @Test
  void validate_sameInput_servedFromCache() {
    PhoneVerdict first = validator.validate("079 123 45 67", "CH");
    assertThat(validator.validate("079 123 45 67", "ch")).isSameAs(first);
  }

  @Test
  void validate_cacheFull_clearedAndRefilled() {
    PhoneValidator small = new PhoneValidator(2);
    PhoneVerdict first = small.validate("079 123 45 67", "CH");
    small.validate("079 123 45 68", "CH");
    assertThat(small.validate("079 123 45 67", "CH")).isSameAs(first);
    small.validate("079 123 45 69", "CH"); // third distinct value: clears the cache

    PhoneVerdict again = small.validate("079 123 45 67", "CH");

    assertThat(again).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void validate_cacheOff_computesEachTime() {
    PhoneValidator uncached = new PhoneValidator(0);
    PhoneVerdict first = uncached.validate("079 123 45 67", "CH");
    assertThat(uncached.validate("079 123 45 67", "CH")).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void constructor_negativeCacheSize_rejected() {
    assertThatThrownBy(() -> new PhoneValidator(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cacheSize must be 0 or more, but was -1");
  }

  @Test
  void verdict_contradictoryComponents_rejected() {
    assertThatThrownBy(() -> new PhoneVerdict(true, true, PhoneType.MOBILE, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PhoneVerdict(false, false, PhoneType.UNKNOWN, "+41", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validate_concurrentUseWithSmallCache_sameVerdictsAsUncached() {
    List<String> numbers =
        List.of("079 123 45 67", "044 668 18 00", "12", "(067) U84-1350", "099 123 45 67");
    PhoneValidator uncached = new PhoneValidator(0);
    PhoneValidator shared = new PhoneValidator(3);
    IntStream.range(0, 20_000)
        .parallel()
        .forEach(
            i -> {
              String number = numbers.get(i % numbers.size());
              assertThat(shared.validate(number, "CH")).isEqualTo(uncached.validate(number, "CH"));
            });
  }

  @Test
  void validate_e164FormOfAValidNumber_servedFromTheCache() {
    PhoneVerdict national = validator.validate("079 123 45 67", "CH");

    assertThat(validator.validate(national.e164(), "CH")).isSameAs(national);
  }
}
