package io.medallion.samples.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RandomUserGeneratorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant REFERENCE = Instant.parse("2024-06-01T00:00:00Z");
  private static final Set<String> ALL_NATS =
      Set.of(
          "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IR", "MX", "NL",
          "NO", "NZ", "RS", "TR", "UA", "US");
  private static final Set<String> TEXT_POSTCODE_NATS = Set.of("CA", "GB", "NL", "NO");
  private static final Set<String> NATS_WITHOUT_ID = Set.of("IR", "NZ", "TR", "UA");
  private static final Pattern UUID_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  private static final Pattern ISO_MILLIS =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  private static final Pattern OFFSET = Pattern.compile("[+-]?[1-9]?\\d:\\d{2}");
  private static final Pattern COORDINATE = Pattern.compile("-?\\d{1,3}\\.\\d{4}");
  private static final Pattern LETTER = Pattern.compile("[A-Za-z]");

  @Test
  void records_sameSeed_identicalOutput() throws IOException {
    RandomUserGenerator generator = RandomUserGenerator.withSeed(42).referenceInstant(REFERENCE);

    assertThat(strings(generator.records(1_000)))
        .isEqualTo(
            strings(RandomUserGenerator.withSeed(42).referenceInstant(REFERENCE).records(1_000)));
    assertThat(ndjson(generator, 1_000)).isEqualTo(ndjson(generator, 1_000));
  }

  @Test
  void records_differentSeeds_differentPeople() {
    Set<String> first = uuids(parse(RandomUserGenerator.withSeed(1).records(500)));
    Set<String> second = uuids(parse(RandomUserGenerator.withSeed(2).records(500)));

    assertThat(first).doesNotContainAnyElementsOf(second);
  }

  @Test
  void records_2000_coverAll21Nationalities() {
    Set<String> nats = new HashSet<>();
    for (JsonNode user : parse(RandomUserGenerator.withSeed(3).records(2_000))) {
      nats.add(user.get("nat").asText());
    }

    assertThat(nats).isEqualTo(ALL_NATS);
  }

  @Test
  void records_anyRecord_hasApi14FieldsInOrderWithTheirJsonTypes() {
    for (JsonNode user : parse(clean(4).records(2_000))) {
      assertThat(names(user))
          .containsExactly(
              "gender",
              "name",
              "location",
              "email",
              "login",
              "dob",
              "registered",
              "phone",
              "cell",
              "id",
              "picture",
              "nat");
      assertThat(user.get("gender").asText()).isIn("male", "female");
      assertThat(names(user.get("name"))).containsExactly("title", "first", "last");
      assertAllText(user.get("name"));

      JsonNode location = user.get("location");
      assertThat(names(location))
          .containsExactly(
              "street", "city", "state", "country", "postcode", "coordinates", "timezone");
      assertThat(names(location.get("street"))).containsExactly("number", "name");
      assertThat(location.at("/street/number").isInt()).isTrue();
      assertThat(location.at("/street/name").isTextual()).isTrue();
      assertThat(location.get("city").isTextual()).isTrue();
      assertThat(location.get("state").isTextual()).isTrue();
      assertThat(location.get("country").isTextual()).isTrue();
      assertThat(names(location.get("coordinates"))).containsExactly("latitude", "longitude");
      assertThat(location.at("/coordinates/latitude").asText()).matches(COORDINATE);
      assertThat(Double.parseDouble(location.at("/coordinates/latitude").asText()))
          .isBetween(-90.0, 90.0);
      assertThat(location.at("/coordinates/longitude").asText()).matches(COORDINATE);
      assertThat(names(location.get("timezone"))).containsExactly("offset", "description");
      assertThat(location.at("/timezone/offset").asText()).matches(OFFSET);

      assertThat(user.get("email").isTextual()).isTrue();
      JsonNode login = user.get("login");
      assertThat(names(login))
          .containsExactly("uuid", "username", "password", "salt", "md5", "sha1", "sha256");
      assertAllText(login);
      assertThat(login.get("uuid").asText()).matches(UUID_V4);
      assertThat(login.get("salt").asText()).hasSize(8);

      for (String date : List.of("dob", "registered")) {
        assertThat(names(user.get(date))).containsExactly("date", "age");
        assertThat(user.get(date).get("date").asText()).matches(ISO_MILLIS);
        assertThat(user.get(date).get("age").isInt()).isTrue();
      }
      assertThat(user.get("phone").isTextual()).isTrue();
      assertThat(user.get("cell").isTextual()).isTrue();
      assertThat(names(user.get("id"))).containsExactly("name", "value");
      assertThat(user.at("/id/name").isTextual()).isTrue();
      assertThat(names(user.get("picture"))).containsExactly("large", "medium", "thumbnail");
      assertThat(user.at("/picture/large").asText())
          .matches("https://randomuser.me/api/portraits/(men|women)/\\d{1,2}\\.jpg");
      assertThat(user.get("nat").asText()).isIn(ALL_NATS);
    }
  }

  @Test
  void records_postcode_isTextOnlyForCaGbNlNo() {
    for (JsonNode user : parse(clean(5).records(2_000))) {
      String nat = user.get("nat").asText();
      JsonNode postcode = user.at("/location/postcode");

      if (TEXT_POSTCODE_NATS.contains(nat)) {
        assertThat(postcode.isTextual()).as("%s postcode %s", nat, postcode).isTrue();
      } else {
        assertThat(postcode.isInt()).as("%s postcode %s", nat, postcode).isTrue();
      }
    }
  }

  @Test
  void records_idValue_isNullOnlyForNatsWithoutId() {
    for (JsonNode user : parse(clean(6).records(2_000))) {
      String nat = user.get("nat").asText();

      if (NATS_WITHOUT_ID.contains(nat)) {
        assertThat(user.at("/id/name").asText()).isEmpty();
        assertThat(user.at("/id/value").isNull()).isTrue();
      } else {
        assertThat(user.at("/id/name").asText()).isNotEmpty();
        assertThat(user.at("/id/value").isTextual()).isTrue();
      }
    }
  }

  @Test
  void records_login_hashesPasswordFollowedBySalt() {
    for (JsonNode user : parse(RandomUserGenerator.withSeed(7).records(200))) {
      JsonNode login = user.get("login");
      String salted = login.get("password").asText() + login.get("salt").asText();

      assertThat(login.get("md5").asText()).isEqualTo(hash("MD5", salted));
      assertThat(login.get("sha1").asText()).isEqualTo(hash("SHA-1", salted));
      assertThat(login.get("sha256").asText()).isEqualTo(hash("SHA-256", salted));
    }
  }

  @Test
  void records_ages_countWholeYearsUntilReferenceInstant() {
    Instant reference = Instant.parse("2030-01-15T12:00:00Z");
    for (JsonNode user : parse(clean(8).referenceInstant(reference).records(2_000))) {
      for (String date : List.of("dob", "registered")) {
        OffsetDateTime when = OffsetDateTime.parse(user.get(date).get("date").asText());

        assertThat(user.get(date).get("age").asInt())
            .isEqualTo(ChronoUnit.YEARS.between(when, reference.atOffset(ZoneOffset.UTC)));
        assertThat(when.toInstant()).isBefore(reference);
      }
      assertThat(user.at("/dob/age").asInt()).isBetween(21, 80);
    }
  }

  @Test
  void records_noDirt_areCompleteWellFormedAndUnique() {
    List<JsonNode> users = parse(clean(9).records(5_000));

    assertThat(uuids(users)).hasSize(users.size());
    for (JsonNode user : users) {
      assertThat(user.has("email")).isTrue();
      assertThat(isMalformedEmail(user.get("email").asText())).isFalse();
      assertThat(hasLetter(user)).as(user.toString()).isFalse();
      assertThat(isInconsistentAge(user)).isFalse();
      if (!NATS_WITHOUT_ID.contains(user.get("nat").asText())) {
        assertThat(user.at("/id/value").isNull()).isFalse();
      }
    }
  }

  @Test
  void records_dirt_ratesRoughlyHonoured() {
    Dirt dirt = new Dirt(0.05, 0.04, 0.03, 0.06, 0.05, 0.07);
    List<JsonNode> users =
        parse(
            RandomUserGenerator.withSeed(10)
                .dirt(dirt)
                .referenceInstant(REFERENCE)
                .records(20_000));

    Set<String> seen = new HashSet<>();
    int missing = 0;
    int malformed = 0;
    int letters = 0;
    int withId = 0;
    int nullIds = 0;
    int duplicates = 0;
    int inconsistent = 0;
    for (JsonNode user : users) {
      if (!user.has("email")) {
        missing++;
      } else if (isMalformedEmail(user.get("email").asText())) {
        malformed++;
      }
      letters += hasLetter(user) ? 1 : 0;
      if (!NATS_WITHOUT_ID.contains(user.get("nat").asText())) {
        withId++;
        nullIds += user.at("/id/value").isNull() ? 1 : 0;
      }
      duplicates += seen.add(user.at("/login/uuid").asText()) ? 0 : 1;
      inconsistent += isInconsistentAge(user) ? 1 : 0;
    }

    double total = users.size();
    assertThat(missing / total).isBetween(0.04, 0.06);
    assertThat(malformed / total).isBetween(0.03, 0.05);
    assertThat(letters / total).isBetween(0.02, 0.04);
    assertThat(nullIds / (double) withId).isBetween(0.05, 0.07);
    assertThat(duplicates / total).isBetween(0.04, 0.06);
    assertThat(inconsistent / total).isBetween(0.06, 0.08);
  }

  @Test
  void records_duplicates_repeatEarlierUuidWithLaterRegistrationAndAChange() {
    Dirt duplicatesOnly = new Dirt(0, 0, 0, 0, 0.1, 0);
    List<JsonNode> users =
        parse(RandomUserGenerator.withSeed(11).dirt(duplicatesOnly).records(3_000));

    Map<String, JsonNode> originals = new HashMap<>();
    int duplicates = 0;
    for (JsonNode user : users) {
      JsonNode original = originals.putIfAbsent(user.at("/login/uuid").asText(), user);
      if (original == null) {
        continue;
      }
      duplicates++;
      assertThat(user.get("name")).isEqualTo(original.get("name"));
      assertThat(user.get("dob")).isEqualTo(original.get("dob"));
      assertThat(Instant.parse(user.at("/registered/date").asText()))
          .isAfter(Instant.parse(original.at("/registered/date").asText()));
      assertThat(withoutRegistered(user)).isNotEqualTo(withoutRegistered(original));
    }
    assertThat(duplicates).isBetween(200, 400);
  }

  @Test
  void records_changingDirt_keepsThePeopleUnderneath() {
    List<JsonNode> clean = parse(clean(12).records(2_000));
    List<JsonNode> dirty = parse(RandomUserGenerator.withSeed(12).records(2_000));

    Set<String> seen = new HashSet<>();
    for (int i = 0; i < dirty.size(); i++) {
      String uuid = dirty.get(i).at("/login/uuid").asText();
      if (seen.add(uuid)) {
        assertThat(uuid).isEqualTo(clean.get(i).at("/login/uuid").asText());
        assertThat(dirty.get(i).get("name")).isEqualTo(clean.get(i).get("name"));
      }
    }
  }

  @Test
  void records_cleanPhones_validForTheirRegionInLibphonenumber() throws NumberParseException {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    Map<String, int[]> validByNat = new TreeMap<>();
    for (JsonNode user : parse(clean(13).records(4_200))) {
      String nat = user.get("nat").asText();
      int[] counts = validByNat.computeIfAbsent(nat, n -> new int[2]);
      for (String field : List.of("phone", "cell")) {
        counts[1]++;
        if (phones.isValidNumberForRegion(phones.parse(user.get(field).asText(), nat), nat)) {
          counts[0]++;
        }
      }
    }

    assertThat(validByNat).hasSize(21);
    validByNat.forEach(
        (nat, counts) -> assertThat(counts[0] / (double) counts[1]).as(nat).isGreaterThan(0.95));
  }

  @Test
  void writeNdjson_anyCount_writesOneRecordPerLine() throws IOException {
    RandomUserGenerator generator = RandomUserGenerator.withSeed(14);

    assertThat(ndjson(generator, 300))
        .isEqualTo(String.join("\n", strings(generator.records(300))) + "\n");
    assertThat(ndjson(generator, 0)).isEmpty();
  }

  @Test
  void writeResponse_page_isTheApiEnvelope() throws IOException {
    StringWriter out = new StringWriter();
    RandomUserGenerator.withSeed(255).writeResponse(out, 25, 3);

    JsonNode response = MAPPER.readTree(out.toString());
    assertThat(names(response)).containsExactly("results", "info");
    assertThat(response.get("results")).hasSize(25);
    assertThat(response.get("info"))
        .isEqualTo(
            MAPPER.readTree(
                "{\"seed\":\"00000000000000ff\",\"results\":25,\"page\":3,\"version\":\"1.4\"}"));
  }

  @Test
  void writeResponse_secondPage_continuesTheFirst() throws IOException {
    RandomUserGenerator generator = RandomUserGenerator.withSeed(15);
    List<String> twoPages = strings(generator.records(40));

    List<String> pages = new ArrayList<>();
    for (int page = 1; page <= 2; page++) {
      StringWriter out = new StringWriter();
      generator.writeResponse(out, 20, page);
      MAPPER.readTree(out.toString()).get("results").forEach(user -> pages.add(user.toString()));
    }

    assertThat(pages).isEqualTo(twoPages);
  }

  @Test
  void records_negativeCount_throwsIllegalArgument() {
    assertThatThrownBy(() -> RandomUserGenerator.withSeed(1).records(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be at least 0, got -1");
  }

  @Test
  void writeResponse_pageZero_throwsIllegalArgument() {
    assertThatThrownBy(
            () -> RandomUserGenerator.withSeed(1).writeResponse(new StringWriter(), 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be at least 1, got 0");
  }

  @Test
  void referenceInstant_before1900_throwsIllegalArgument() {
    Instant tooEarly = Instant.parse("1899-12-31T00:00:00Z");

    assertThatThrownBy(() -> RandomUserGenerator.withSeed(1).referenceInstant(tooEarly))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "referenceInstant must be between 1900-01-01T00:00:00Z and 9999-01-01T00:00:00Z,"
                + " got 1899-12-31T00:00:00Z");
  }

  @Test
  void records_pastTheEnd_throwsNoSuchElement() {
    Iterator<String> records = RandomUserGenerator.withSeed(1).records(1);
    records.next();

    assertThat(records.hasNext()).isFalse();
    assertThatThrownBy(records::next).isInstanceOf(NoSuchElementException.class);
  }

  private static RandomUserGenerator clean(long seed) {
    return RandomUserGenerator.withSeed(seed).dirt(Dirt.none()).referenceInstant(REFERENCE);
  }

  private static String ndjson(RandomUserGenerator generator, int count) throws IOException {
    StringWriter out = new StringWriter();
    generator.writeNdjson(out, count);
    return out.toString();
  }

  private static List<String> strings(Iterator<String> records) {
    List<String> list = new ArrayList<>();
    records.forEachRemaining(list::add);
    return list;
  }

  private static List<JsonNode> parse(Iterator<String> records) {
    List<JsonNode> users = new ArrayList<>();
    records.forEachRemaining(
        record -> {
          try {
            users.add(MAPPER.readTree(record));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    return users;
  }

  private static List<String> names(JsonNode object) {
    assertThat(object.isObject()).as("%s is an object", object).isTrue();
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertAllText(JsonNode object) {
    object.forEach(value -> assertThat(value.isTextual()).as("%s is text", value).isTrue());
  }

  private static Set<String> uuids(List<JsonNode> users) {
    Set<String> uuids = new TreeSet<>();
    users.forEach(user -> uuids.add(user.at("/login/uuid").asText()));
    return uuids;
  }

  private static boolean isMalformedEmail(String email) {
    return email.indexOf('@') < 0
        || email.indexOf('@') != email.lastIndexOf('@')
        || email.contains(" ");
  }

  private static boolean hasLetter(JsonNode user) {
    return LETTER.matcher(user.get("phone").asText()).find()
        || LETTER.matcher(user.get("cell").asText()).find();
  }

  private static boolean isInconsistentAge(JsonNode user) {
    OffsetDateTime birth = OffsetDateTime.parse(user.at("/dob/date").asText());
    return user.at("/dob/age").asInt()
        != ChronoUnit.YEARS.between(birth, REFERENCE.atOffset(ZoneOffset.UTC));
  }

  private static JsonNode withoutRegistered(JsonNode user) {
    JsonNode copy = user.deepCopy();
    ((ObjectNode) copy).remove("registered");
    return copy;
  }

  private static String hash(String algorithm, String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
