package io.medallion.samples.randomuser;

/**
 * One generated record, field by field as the API 1.4 sends it. It is a reused, mutable holder
 * because a million records should not cost a million builders; {@link RecordWriter} writes it.
 */
final class Person {
  Nationality nationality;
  boolean male;
  String title;
  String first;
  String last;

  /** The ASCII local-part spelling of the first name, as the API builds e-mail addresses. */
  String emailFirst;

  String emailLast;
  int streetNumber;
  String streetName;
  String city;
  String state;

  /** The postcode when the nationality sends it as a string; otherwise {@link #postcodeNumber}. */
  String postcodeText;

  int postcodeNumber;
  String latitude;
  String longitude;
  Timezone timezone;

  /** {@code null} when the record has no e-mail field at all. */
  String email;

  String uuid;
  String username;
  String password;
  String salt;
  String md5;
  String sha1;
  String sha256;
  long dobMillis;
  int dobAge;
  long registeredMillis;
  int registeredAge;
  String phone;
  String cell;
  String idName;

  /** {@code null} is written as JSON null, as the API does for nationalities without an id. */
  String idValue;

  int picture;
}
