package io.medallion.samples.randomuser;

import java.util.SplittableRandom;

/** Draws the value of a person's national id; some formats encode the birth date or gender. */
@FunctionalInterface
interface IdFormat {

  String value(Person person, SplittableRandom random);
}
