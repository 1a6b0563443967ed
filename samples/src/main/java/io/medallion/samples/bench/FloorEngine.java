package io.medallion.samples.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;

/**
 * The floor: the same job as a straightforward single-threaded program would write it, with Jackson
 * and Iceberg's generic Parquet writers and no framework: parse, write bronze, map, de-duplicate in
 * a map, write silver, aggregate gold in maps.
 */
final class FloorEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile(BenchJob.EMAIL);

  private static final Schema BRONZE =
      new Schema(
          Types.NestedField.optional(1, "batch_id", Types.StringType.get()),
          Types.NestedField.optional(2, "ingested_at", Types.TimestampType.withZone()),
          Types.NestedField.optional(3, "source_name", Types.StringType.get()),
          Types.NestedField.optional(4, "source_coordinate", Types.StringType.get()),
          Types.NestedField.optional(5, "record_index", Types.LongType.get()),
          Types.NestedField.optional(6, "payload", Types.StringType.get()));

  private static final String[] TEXT_COLUMNS = {
    "user_id",
    "first_name",
    "last_name",
    "gender",
    "email",
    "nationality",
    "phone",
    "country",
    "state",
    "city",
    "postcode",
    "generation",
    "tenure"
  };

  private static final Schema SILVER = silverSchema();

  private FloorEngine() {}

  private static Schema silverSchema() {
    List<Types.NestedField> fields = new ArrayList<>();
    int id = 1;
    for (String name : TEXT_COLUMNS) {
      fields.add(Types.NestedField.optional(id++, name, Types.StringType.get()));
    }
    fields.add(Types.NestedField.optional(id++, "age", Types.IntegerType.get()));
    fields.add(Types.NestedField.optional(id++, "born_at", Types.TimestampType.withZone()));
    fields.add(Types.NestedField.optional(id++, "registered_at", Types.TimestampType.withZone()));
    fields.add(Types.NestedField.optional(id++, "latitude", Types.DoubleType.get()));
    fields.add(Types.NestedField.optional(id++, "longitude", Types.DoubleType.get()));
    fields.add(Types.NestedField.optional(id++, "email_valid", Types.BooleanType.get()));
    fields.add(Types.NestedField.optional(id++, "phone_valid", Types.BooleanType.get()));
    fields.add(Types.NestedField.optional(id++, "completeness", Types.DoubleType.get()));
    fields.add(Types.NestedField.optional(id, "score", Types.DoubleType.get()));
    return new Schema(fields);
  }

  static void run(Path input, Path work, StageMeter meter) throws Exception {
    Path bronzeFile = work.resolve("bronze.parquet");
    Path silverFile = work.resolve("silver.parquet");
    Path goldDir = work.resolve("gold");
    Files.createDirectories(goldDir);
    meter.measure("bronze", () -> writeBronze(input, bronzeFile));
    List<Record> users = new ArrayList<>();
    meter.measure("silver", () -> writeSilver(input, silverFile, users));
    meter.measure("gold", () -> writeGold(users, goldDir));
  }

  private static long writeBronze(Path input, Path file) throws IOException {
    String batch = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Record template = GenericRecord.create(BRONZE);
    try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        FileAppender<Record> out = appender(file, BRONZE)) {
      String line;
      long index = 0;
      while ((line = lines.readLine()) != null) {
        JSON.readTree(line);
        Record row = template.copy();
        row.set(0, batch);
        row.set(1, now);
        row.set(2, input.toString());
        row.set(3, "line " + (index + 1));
        row.set(4, index++);
        row.set(5, line);
        out.add(row);
      }
    }
    return Files.size(file);
  }

  private static long writeSilver(Path input, Path file, List<Record> kept) throws IOException {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, Record> latest = new HashMap<>();
    Record template = GenericRecord.create(SILVER);
    try (BufferedReader lines = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        Record row = map(JSON.readTree(line), template.copy(), today);
        String key = (String) row.getField("user_id");
        Record previous = latest.get(key);
        if (previous == null || !isBefore(row, previous)) {
          latest.put(key, row);
        }
      }
    }
    try (FileAppender<Record> out = appender(file, SILVER)) {
      for (Record row : latest.values()) {
        out.add(row);
        kept.add(row);
      }
    }
    return Files.size(file);
  }

  private static boolean isBefore(Record row, Record other) {
    OffsetDateTime a = (OffsetDateTime) row.getField("registered_at");
    OffsetDateTime b = (OffsetDateTime) other.getField("registered_at");
    return a != null && b != null && a.isBefore(b);
  }

  private static Record map(JsonNode user, Record row, LocalDate today) {
    String nat = text(user, "nat");
    String email = text(user, "email");
    email = email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    String phone = e164(text(user, "phone"), nat);
    OffsetDateTime born = time(user.path("dob").path("date"));
    OffsetDateTime registered = time(user.path("registered").path("date"));
    row.setField("user_id", text(user.path("login"), "uuid"));
    row.setField("first_name", strip(text(user.path("name"), "first")));
    row.setField("last_name", strip(text(user.path("name"), "last")));
    row.setField("gender", text(user, "gender"));
    row.setField("email", email);
    row.setField("nationality", nat);
    row.setField("phone", phone);
    JsonNode location = user.path("location");
    row.setField("country", text(location, "country"));
    row.setField("state", text(location, "state"));
    row.setField("city", text(location, "city"));
    JsonNode postcode = location.path("postcode");
    row.setField(
        "postcode", postcode.isMissingNode() || postcode.isNull() ? null : postcode.asText());
    JsonNode age = user.path("dob").path("age");
    row.setField("age", age.isInt() ? age.intValue() : null);
    row.setField("born_at", born);
    row.setField("registered_at", registered);
    row.setField("latitude", number(location.path("coordinates").path("latitude")));
    row.setField("longitude", number(location.path("coordinates").path("longitude")));
    row.setField("generation", born == null ? null : BenchJob.generation(born));
    if (registered != null) {
      long years = ChronoUnit.YEARS.between(registered.toLocalDate(), today);
      row.setField("tenure", years < 2 ? "new" : years < 10 ? "established" : "veteran");
    }
    boolean emailValid = email != null && EMAIL.matcher(email).matches();
    boolean phoneValid = phone != null && phone.startsWith("+");
    row.setField("email_valid", email == null ? null : emailValid);
    row.setField("phone_valid", phone == null ? null : phoneValid);
    int present = 0;
    for (String column : BenchJob.REQUIRED) {
      Object value = row.getField(column);
      if (value != null && !(value instanceof String s && s.isBlank())) {
        present++;
      }
    }
    double completeness = present / (double) BenchJob.REQUIRED.size();
    row.setField("completeness", completeness);
    row.setField(
        "score", 0.5 * completeness + 0.3 * (emailValid ? 1 : 0) + 0.2 * (phoneValid ? 1 : 0));
    return row;
  }

  private static long writeGold(List<Record> users, Path dir) throws IOException {
    Map<List<Object>, double[]> groups = new HashMap<>();
    Map<LocalDate, long[]> months = new TreeMap<>();
    for (Record user : users) {
      double[] group =
          groups.computeIfAbsent(
              java.util.Arrays.asList(user.getField("country"), user.getField("generation")),
              k -> new double[4]);
      group[0]++;
      if (user.getField("age") instanceof Integer age) {
        group[1] += age;
        group[2]++;
      }
      group[3] += (Double) user.getField("score");
      OffsetDateTime registered = (OffsetDateTime) user.getField("registered_at");
      if (registered != null) {
        months.computeIfAbsent(registered.toLocalDate().withDayOfMonth(1), k -> new long[1])[0]++;
      }
    }
    Schema byCountry =
        new Schema(
            Types.NestedField.optional(1, "country", Types.StringType.get()),
            Types.NestedField.optional(2, "generation", Types.StringType.get()),
            Types.NestedField.optional(3, "users", Types.LongType.get()),
            Types.NestedField.optional(4, "avg_age", Types.DoubleType.get()),
            Types.NestedField.optional(5, "avg_score", Types.DoubleType.get()));
    Path first = dir.resolve("by_country_generation.parquet");
    try (FileAppender<Record> out = appender(first, byCountry)) {
      for (Map.Entry<List<Object>, double[]> group : groups.entrySet()) {
        Record row = GenericRecord.create(byCountry);
        double[] v = group.getValue();
        row.set(0, group.getKey().get(0));
        row.set(1, group.getKey().get(1));
        row.set(2, (long) v[0]);
        row.set(3, v[2] == 0 ? null : v[1] / v[2]);
        row.set(4, v[3] / v[0]);
        out.add(row);
      }
    }
    Schema monthly =
        new Schema(
            Types.NestedField.optional(1, "month", Types.DateType.get()),
            Types.NestedField.optional(2, "registrations", Types.LongType.get()),
            Types.NestedField.optional(3, "registrations_to_date", Types.LongType.get()));
    Path second = dir.resolve("monthly.parquet");
    try (FileAppender<Record> out = appender(second, monthly)) {
      long running = 0;
      for (Map.Entry<LocalDate, long[]> month : months.entrySet()) {
        running += month.getValue()[0];
        Record row = GenericRecord.create(monthly);
        row.set(0, month.getKey());
        row.set(1, month.getValue()[0]);
        row.set(2, running);
        out.add(row);
      }
    }
    return Files.size(first) + Files.size(second);
  }

  private static FileAppender<Record> appender(Path file, Schema schema) throws IOException {
    return Parquet.write(org.apache.iceberg.Files.localOutput(file.toFile()))
        .schema(schema)
        .createWriterFunc(GenericParquetWriter::create)
        .set("write.parquet.compression-codec", "zstd")
        .overwrite()
        .build();
  }

  private static String e164(String raw, String region) {
    if (raw == null || region == null) {
      return raw;
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(raw, region);
      return PHONES.isValidNumber(number)
          ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
          : raw.strip();
    } catch (NumberParseException e) {
      return raw.strip();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  private static String strip(String text) {
    return text == null ? null : text.strip();
  }

  private static Double number(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return node.isTextual() ? Double.valueOf(node.textValue()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static OffsetDateTime time(JsonNode node) {
    return node.isTextual() ? OffsetDateTime.parse(node.textValue()) : null;
  }
}
