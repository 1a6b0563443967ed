package io.medallion.core.internal.quality;

import java.util.Set;

/**
 * Email and phone validity, as the rule evaluator needs them: null when valid, else a short reason
 * naming the offending part.
 */
public interface ContactChecks {
  /**
   * Checks an email address.
   *
   * @param address the address, already standardized
   * @return null when valid, else why not
   */
  String emailProblem(String address);

  /**
   * Checks a phone number for a region.
   *
   * @param phone the number as given or standardized
   * @param region the ISO 3166 region code, or null
   * @param types allowed types in lower case ({@code "mobile"}, {@code "fixed_line"}); empty: any
   * @return null when valid, else why not
   */
  String phoneProblem(String phone, String region, Set<String> types);
}
