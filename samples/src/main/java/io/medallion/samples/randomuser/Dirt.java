package io.medallion.samples.randomuser;

/**
 * How often the {@link RandomUserGenerator} spoils a record, each as a probability from 0 to 1, so
 * that a pipeline's quality rules and de-duplication have something to catch.
 *
 * <pre>{@code
 * Dirt dirt = new Dirt(0.05, 0.02, 0.01, 0.01, 0.03, 0.01);
 * RandomUserGenerator generator = RandomUserGenerator.withSeed(7).dirt(dirt);
 * }</pre>
 *
 * <p>Independently of these rates, the records of the nationalities the API issues no id for (IR,
 * NZ, TR and UA) carry {@code {"name": "", "value": null}}, as the real API's do.
 *
 * @param missingEmail share of records without an {@code email} field
 * @param malformedEmail share of records whose e-mail has no {@code @}, a space, or two {@code @}
 * @param phoneLetters share of records where a letter replaces a digit of the phone or the cell, as
 *     in {@code "(067) U84-1350"}
 * @param nullId share of records whose id is {@code {"name": "", "value": null}}
 * @param duplicate share of records that repeat an earlier record's {@code login.uuid}, with a
 *     later {@code registered.date} and a changed cell, address or e-mail
 * @param inconsistentAge share of records whose {@code dob.age} does not match {@code dob.date}
 */
public record Dirt(
    double missingEmail,
    double malformedEmail,
    double phoneLetters,
    double nullId,
    double duplicate,
    double inconsistentAge) {

  /**
   * Checks that every rate is a probability.
   *
   * @param missingEmail share of records without an {@code email} field
   * @param malformedEmail share of records with a malformed e-mail
   * @param phoneLetters share of records with a letter in the phone or the cell
   * @param nullId share of records with a null id
   * @param duplicate share of records that repeat an earlier record's account
   * @param inconsistentAge share of records whose {@code dob.age} does not match {@code dob.date}
   * @throws IllegalArgumentException if a rate is outside 0 to 1, or the two e-mail rates add up to
   *     more than 1 (a record's e-mail is either missing or malformed, not both)
   */
  public Dirt {
    checkRate("missingEmail", missingEmail);
    checkRate("malformedEmail", malformedEmail);
    checkRate("phoneLetters", phoneLetters);
    checkRate("nullId", nullId);
    checkRate("duplicate", duplicate);
    checkRate("inconsistentAge", inconsistentAge);
    if (missingEmail + malformedEmail > 1) {
      throw new IllegalArgumentException(
          "missingEmail + malformedEmail must be at most 1, got "
              + missingEmail
              + " + "
              + malformedEmail);
    }
  }

  /**
   * A little of everything, about what a real feed shows: 2% missing and 2% malformed e-mails, 1%
   * phones with letters, 2% null ids, 1% duplicates and 1% inconsistent ages.
   *
   * @return the default rates
   */
  public static Dirt defaults() {
    return new Dirt(0.02, 0.02, 0.01, 0.02, 0.01, 0.01);
  }

  /**
   * No dirt at all: every record is complete, well-formed and unique.
   *
   * @return all rates zero
   */
  public static Dirt none() {
    return new Dirt(0, 0, 0, 0, 0, 0);
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + rate);
    }
  }
}
