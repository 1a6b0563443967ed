package io.medallion.samples.randomuser;

import java.util.List;

/**
 * What the generator knows about one of the API's nationalities: its names and places, and the
 * formats of its postcodes, phone numbers and national id. {@code id} is {@code null} for the
 * nationalities the API gives no id (IR, NZ, TR, UA), which it sends as {@code {"name": "",
 * "value": null}}.
 */
record Nationality(
    String code,
    String country,
    List<String> maleTitles,
    List<String> femaleTitles,
    Names maleFirst,
    Names femaleFirst,
    Names last,
    List<String> cities,
    List<String> states,
    List<String> streets,
    PostcodeFormat postcode,
    List<Template> phones,
    List<Template> cells,
    String idName,
    IdFormat id) {

  Nationality {
    maleTitles = List.copyOf(maleTitles);
    femaleTitles = List.copyOf(femaleTitles);
    cities = List.copyOf(cities);
    states = List.copyOf(states);
    streets = List.copyOf(streets);
    phones = List.copyOf(phones);
    cells = List.copyOf(cells);
  }
}
