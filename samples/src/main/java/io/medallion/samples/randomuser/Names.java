package io.medallion.samples.randomuser;

import java.util.List;

/**
 * A pool of names together with the ASCII spelling each takes in an e-mail address, worked out once
 * so that drawing a name costs nothing.
 */
record Names(List<String> spellings, List<String> emailParts) {

  Names {
    spellings = List.copyOf(spellings);
    emailParts = List.copyOf(emailParts);
  }

  /** Names separated by {@code |}. */
  static Names of(String names) {
    List<String> spellings = List.of(names.split("\\|"));
    return new Names(spellings, spellings.stream().map(EmailSpelling::of).toList());
  }

  int size() {
    return spellings.size();
  }
}
