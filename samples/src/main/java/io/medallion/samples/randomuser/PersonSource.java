package io.medallion.samples.randomuser;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the record at any position of a seed's endless sequence. Each record has its own random
 * streams, derived from the seed and its position, so a page can be drawn without the pages before
 * it, and a duplicate can redraw the earlier record it repeats instead of remembering it: memory
 * stays constant however many records are drawn. One instance reuses one {@link Person}, so it
 * belongs to one thread.
 */
final class PersonSource {

  /** How far back a duplicate may reach for the record it repeats. */
  private static final int DUPLICATE_WINDOW = 1_000;

  private static final long DAY_MILLIS = 86_400_000L;
  private static final long YEAR_MILLIS = 365 * DAY_MILLIS + DAY_MILLIS / 4;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  // Separate streams per purpose, so that changing a dirt rate leaves everyone else's data alone.
  private static final long PERSON_STREAM = 1;
  private static final long DIRT_STREAM = 2;
  private static final long DUPLICATE_STREAM = 3;

  private final long seed;
  private final Dirt dirt;
  private final long referenceMillis;
  private final Logins logins = new Logins();
  private final Person person = new Person();

  PersonSource(long seed, Dirt dirt, long referenceMillis) {
    this.seed = mix(seed);
    this.dirt = dirt;
    this.referenceMillis = referenceMillis;
  }

  /** The record at {@code index}; the returned holder is overwritten by the next call. */
  Person at(long index) {
    SplittableRandom duplicateRandom = random(index, DUPLICATE_STREAM);
    if (isDuplicate(index, duplicateRandom)) {
      long original = index - 1 - duplicateRandom.nextInt((int) Math.min(index, DUPLICATE_WINDOW));
      while (isDuplicate(original, random(original, DUPLICATE_STREAM))) {
        original--;
      }
      draw(original);
      makeLaterVersion(duplicateRandom);
    } else {
      draw(index);
    }
    return person;
  }

  private boolean isDuplicate(long index, SplittableRandom duplicateRandom) {
    return index > 0 && duplicateRandom.nextDouble() < dirt.duplicate();
  }

  private void draw(long index) {
    SplittableRandom random = random(index, PERSON_STREAM);
    Person p = person;
    Nationality nat = Nationalities.ALL.get(random.nextInt(Nationalities.ALL.size()));
    p.nationality = nat;
    p.male = random.nextBoolean();
    p.title = pick(p.male ? nat.maleTitles() : nat.femaleTitles(), random);
    Names firsts = p.male ? nat.maleFirst() : nat.femaleFirst();
    int first = random.nextInt(firsts.size());
    p.first = firsts.spellings().get(first);
    p.emailFirst = firsts.emailParts().get(first);
    int last = random.nextInt(nat.last().size());
    p.last = nat.last().spellings().get(last);
    p.emailLast = nat.last().emailParts().get(last);
    drawAddress(random);
    p.latitude = degrees(random.nextInt(1_800_001) - 900_000);
    p.longitude = degrees(random.nextInt(3_600_001) - 1_800_000);
    p.timezone = pick(Timezone.ALL, random);
    p.email = p.emailFirst + "." + p.emailLast + "@example.com";
    logins.fill(p, random);
    // Adults from 21 to 79, registered within the last 20 years, as in the API's data; the extra
    // day keeps the youngest at 21 whatever the leap years in between.
    p.dobMillis =
        referenceMillis - 21 * YEAR_MILLIS - DAY_MILLIS - random.nextLong(58 * YEAR_MILLIS);
    p.dobAge = Timestamps.yearsBetween(p.dobMillis, referenceMillis);
    p.registeredMillis = referenceMillis - 1 - random.nextLong(20 * YEAR_MILLIS);
    p.registeredAge = Timestamps.yearsBetween(p.registeredMillis, referenceMillis);
    p.phone = pick(nat.phones(), random).fill(random);
    p.cell = pick(nat.cells(), random).fill(random);
    p.idName = nat.idName();
    p.idValue = nat.id() == null ? null : nat.id().value(p, random);
    p.picture = random.nextInt(100);
    spoil(random(index, DIRT_STREAM));
  }

  private void drawAddress(SplittableRandom random) {
    Person p = person;
    Nationality nat = p.nationality;
    p.streetNumber = 1 + random.nextInt(9_999);
    p.streetName = pick(nat.streets(), random);
    p.city = pick(nat.cities(), random);
    p.state = pick(nat.states(), random);
    PostcodeFormat postcode = nat.postcode();
    if (postcode.numeric()) {
      p.postcodeText = null;
      p.postcodeNumber = postcode.min() + random.nextInt(postcode.max() - postcode.min() + 1);
    } else {
      p.postcodeText = pick(postcode.patterns(), random).fill(random);
    }
  }

  private void spoil(SplittableRandom random) {
    Person p = person;
    double email = random.nextDouble();
    if (email < dirt.missingEmail()) {
      p.email = null;
    } else if (email < dirt.missingEmail() + dirt.malformedEmail()) {
      p.email = malformedEmail(random);
    }
    if (random.nextDouble() < dirt.phoneLetters()) {
      if (random.nextBoolean()) {
        p.phone = withLetter(p.phone, random);
      } else {
        p.cell = withLetter(p.cell, random);
      }
    }
    if (random.nextDouble() < dirt.nullId()) {
      p.idName = "";
      p.idValue = null;
    }
    if (random.nextDouble() < dirt.inconsistentAge()) {
      p.dobAge += (1 + random.nextInt(10)) * (random.nextBoolean() ? 1 : -1);
    }
  }

  private String malformedEmail(SplittableRandom random) {
    Person p = person;
    return switch (random.nextInt(3)) {
      case 0 -> p.emailFirst + "." + p.emailLast + "example.com";
      case 1 -> p.emailFirst + " " + p.emailLast + "@example.com";
      default -> p.emailFirst + "." + p.emailLast + "@@example.com";
    };
  }

  /** Turns the person into a later registration of the same account, with one field changed. */
  private void makeLaterVersion(SplittableRandom random) {
    Person p = person;
    p.registeredMillis += 1 + random.nextLong(referenceMillis - p.registeredMillis);
    p.registeredAge = Timestamps.yearsBetween(p.registeredMillis, referenceMillis);
    switch (random.nextInt(3)) {
      case 0 -> p.cell = pick(p.nationality.cells(), random).fill(random);
      case 1 -> drawAddress(random);
      default ->
          p.email = p.emailFirst + "." + p.emailLast + (1 + random.nextInt(99)) + "@example.com";
    }
  }

  private SplittableRandom random(long index, long stream) {
    return new SplittableRandom(mix(seed + index * GOLDEN_GAMMA + stream));
  }

  private static String withLetter(String number, SplittableRandom random) {
    int digits = (int) number.chars().filter(Character::isDigit).count();
    int target = random.nextInt(digits);
    char[] chars = number.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (Character.isDigit(chars[i]) && target-- == 0) {
        chars[i] = (char) ('A' + random.nextInt(26));
        break;
      }
    }
    return new String(chars);
  }

  /** Formats ten-thousandths of a degree as the API's four-decimal string, e.g. "-16.7282". */
  private static String degrees(int tenThousandths) {
    int magnitude = Math.abs(tenThousandths);
    String fraction = Integer.toString(magnitude % 10_000);
    return (tenThousandths < 0 ? "-" : "")
        + magnitude / 10_000
        + "."
        + "0".repeat(4 - fraction.length())
        + fraction;
  }

  private static <T> T pick(List<T> values, SplittableRandom random) {
    return values.get(random.nextInt(values.size()));
  }

  /** Stafford's variant 13 of the MurmurHash3 finalizer: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
