package io.medallion.samples.randomuser;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Formats instants as the API does ({@code 1966-06-26T11:50:25.558Z}) and computes ages. */
final class Timestamps {

  private Timestamps() {}

  static String iso(long epochMillis) {
    LocalDateTime time = utc(epochMillis);
    char[] out = "0000-00-00T00:00:00.000Z".toCharArray();
    put(out, 0, time.getYear(), 4);
    put(out, 5, time.getMonthValue(), 2);
    put(out, 8, time.getDayOfMonth(), 2);
    put(out, 11, time.getHour(), 2);
    put(out, 14, time.getMinute(), 2);
    put(out, 17, time.getSecond(), 2);
    put(out, 20, time.getNano() / 1_000_000, 3);
    return new String(out);
  }

  /** Whole years from {@code fromMillis} to {@code toMillis}, counted to the millisecond. */
  static int yearsBetween(long fromMillis, long toMillis) {
    return (int) ChronoUnit.YEARS.between(utc(fromMillis), utc(toMillis));
  }

  private static LocalDateTime utc(long epochMillis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(epochMillis, 1000L),
        (int) Math.floorMod(epochMillis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
