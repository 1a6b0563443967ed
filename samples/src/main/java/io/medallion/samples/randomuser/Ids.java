package io.medallion.samples.randomuser;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * National id formats. Ids that encode the birth date or gender (DK, NO, DE, FR, FI) are derived
 * from the person, and the Spanish, Finnish and French ones carry their real check characters; the
 * rest follow the API's layout with random digits.
 */
final class Ids {

  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final String HETU_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private Ids() {}

  /** An id drawn from a {@link Template} pattern, such as {@code "###-##-####"} for a US SSN. */
  static IdFormat template(String pattern) {
    Template template = Template.of(pattern);
    return (person, random) -> template.fill(random);
  }

  /** Danish CPR: {@code DDMMYY-NNNN}. */
  static String danishCpr(Person person, SplittableRandom random) {
    return ddmmyy(person) + "-" + digits(random.nextInt(10_000), 4);
  }

  /** Norwegian fødselsnummer: {@code DDMMYYNNNNN}. */
  static String norwegianFodselsnummer(Person person, SplittableRandom random) {
    return ddmmyy(person) + digits(random.nextInt(100_000), 5);
  }

  /** German Sozialversicherungsnummer: area, birth date, initial of the surname, serial. */
  static String germanSocialInsurance(Person person, SplittableRandom random) {
    char initial = Character.toUpperCase(person.emailLast.charAt(0));
    return digits(random.nextInt(100), 2)
        + " "
        + ddmmyy(person)
        + " "
        + initial
        + " "
        + digits(random.nextInt(1_000), 3);
  }

  /** Spanish DNI: eight digits and their check letter. */
  static String spanishDni(Person person, SplittableRandom random) {
    int number = random.nextInt(100_000_000);
    return digits(number, 8) + "-" + DNI_LETTERS.charAt(number % 23);
  }

  /** Finnish HETU: birth date, century sign, a serial odd for men, and its check character. */
  static String finnishHetu(Person person, SplittableRandom random) {
    LocalDate birth = birthDate(person);
    int serial = 2 + 2 * random.nextInt(449) + (person.male ? 1 : 0);
    String date = ddmmyy(person);
    char century = birth.getYear() < 1900 ? '+' : birth.getYear() < 2000 ? '-' : 'A';
    int check = (int) (Long.parseLong(date + digits(serial, 3)) % HETU_CHECKS.length());
    return date + century + digits(serial, 3) + HETU_CHECKS.charAt(check);
  }

  /** French INSEE number: gender, birth year and month, place and order, then the key. */
  static String frenchInsee(Person person, SplittableRandom random) {
    LocalDate birth = birthDate(person);
    long number =
        (person.male ? 1L : 2L) * 1_000_000_000_000L
            + (birth.getYear() % 100) * 10_000_000_000L
            + birth.getMonthValue() * 100_000_000L
            + (1 + random.nextInt(95)) * 1_000_000L
            + random.nextInt(1_000_000);
    return number + " " + digits(97 - number % 97, 2);
  }

  private static LocalDate birthDate(Person person) {
    return LocalDate.ofEpochDay(Math.floorDiv(person.dobMillis, MILLIS_PER_DAY));
  }

  private static String ddmmyy(Person person) {
    LocalDate birth = birthDate(person);
    return digits(birth.getDayOfMonth(), 2)
        + digits(birth.getMonthValue(), 2)
        + digits(birth.getYear() % 100, 2);
  }

  private static String digits(long value, int width) {
    String text = Long.toString(value);
    return "0".repeat(Math.max(0, width - text.length())) + text;
  }
}
