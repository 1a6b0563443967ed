package io.medallion.core.internal.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.core.spi.contact.PhoneValidator;
import io.medallion.quality.FailedRule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.Derivation;
import io.medallion.table.EpochUnit;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilverMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SilverTable USERS =
      SilverTable.builder(
              TableId.of("silver", "users"),
              BronzeTable.builder(TableId.of("bronze", "raw")).build())
          .map("name", ColumnType.STRING, "name.first", Standardizer.TRIM, Standardizer.TITLE_CASE)
          .map("nat", ColumnType.STRING, "nat", Standardizer.UPPER_CASE)
          .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nat"))
          .map("email", ColumnType.STRING, "email", Standardizer.EMAIL, Standardizer.NULL_IF_BLANK)
          .map("postcode", ColumnType.STRING, "postcode")
          .map("latitude", ColumnType.DOUBLE, "lat")
          .map("street_number", ColumnType.LONG, "number")
          .mapFirst("born_at", ColumnType.TIMESTAMP_TZ, List.of("dob.date", "dob"))
          .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered")
          .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
          .derive("tenure", ColumnType.STRING, Derivation.tenure("registered_at"))
          .derive("age", ColumnType.INT, Derivation.yearsSince("born_at"))
          .derive("domain", ColumnType.STRING, Derivation.emailDomain("email"))
          .derive("complete", ColumnType.DOUBLE, Derivation.completeness(List.of("name", "email")))
          .build();

  private final SilverMapper mapper =
      new SilverMapper(USERS, LocalDate.of(2026, 1, 1), new PhoneValidator());

  private MappedRow map(String json) throws IOException {
    return mapper.map(JSON.readTree(json));
  }

  @Test
  void map_api14Record_typesStandardizesAndDerives() throws IOException {
    MappedRow row =
        map(
            "{\"name\":{\"first\":\"  jean-luc o'neil \"},\"nat\":\"ch\",\"phone\":\"079 123 45 67\","
                + "\"email\":\" Jean@Example.CH \",\"postcode\":8001,\"lat\":\"-34.2755\","
                + "\"number\":\"2479\",\"dob\":{\"date\":\"1966-06-26T11:50:25.558Z\",\"age\":59},"
                + "\"registered\":\"2020-03-01T00:00:00Z\"}");

    assertThat(row.typeErrors()).isEmpty();
    assertThat(row.get("name")).isEqualTo("Jean-Luc O'Neil");
    assertThat(row.get("phone")).isEqualTo("+41791234567");
    assertThat(row.get("email")).isEqualTo("jean@example.ch");
    assertThat(row.get("postcode")).isEqualTo("8001");
    assertThat(row.get("latitude")).isEqualTo(-34.2755);
    assertThat(row.get("street_number")).isEqualTo(2479L);
    assertThat(row.get("born_at")).isEqualTo(OffsetDateTime.parse("1966-06-26T11:50:25.558Z"));
    assertThat(row.get("generation")).isEqualTo("GenX");
    assertThat(row.get("tenure")).isEqualTo("established");
    assertThat(row.get("age")).isEqualTo(59);
    assertThat(row.get("domain")).isEqualTo("example.ch");
    assertThat(row.get("complete")).isEqualTo(1.0);
  }

  @Test
  void map_numberWithoutEpochUnit_isTypeProblemNamingColumnAndPath() throws IOException {
    MappedRow row = map("{\"dob\":12345}");

    assertThat(row.get("born_at")).isNull();
    assertThat(row.typeErrors())
        .containsExactly(
            FailedRule.typeProblem(
                "born_at",
                "cannot read number 12345 as timestamp_tz: the mapping declares no epoch unit"
                    + " for numbers at $.dob"));
  }

  @Test
  void map_numberWithDeclaredEpochUnit_readsThatUnit() throws IOException {
    SilverTable seconds =
        SilverTable.builder(USERS.id(), USERS.source())
            .mapFirst("born_at", ColumnType.TIMESTAMP_TZ, List.of("dob.date", "dob"))
            .epochUnit("born_at", EpochUnit.SECONDS)
            .map("registered_at", ColumnType.TIMESTAMP_TZ, "registered")
            .epochUnit("registered_at", EpochUnit.MILLISECONDS)
            .build();
    MappedRow row =
        new SilverMapper(seconds, LocalDate.of(2026, 1, 1), new PhoneValidator())
            .map(JSON.readTree("{\"dob\":491932027,\"registered\":1000}"));

    assertThat(row.typeErrors()).isEmpty();
    assertThat(row.get("born_at")).isEqualTo(OffsetDateTime.parse("1985-08-03T15:47:07Z"));
    assertThat(row.get("registered_at")).isEqualTo(OffsetDateTime.parse("1970-01-01T00:00:01Z"));
  }

  @Test
  void epochUnit_onUnmappedOrNonTimeColumn_isValidationProblem() {
    assertThatThrownBy(
            () ->
                SilverTable.builder(USERS.id(), USERS.source())
                    .map("name", ColumnType.STRING, "name")
                    .epochUnit("name", EpochUnit.SECONDS)
                    .epochUnit("born_at", EpochUnit.SECONDS)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(
            "epoch unit for 'name': the column is string; allowed only on timestamp_tz and date"
                + " columns")
        .hasMessageContaining(
            "epoch unit for 'born_at': no mapped column of that name; mapped columns: [name]");
  }

  @Test
  void map_olderVersions_readsSpaceSeparatedAndOffsetTimestamps() throws IOException {
    assertThat(map("{\"dob\":\"1962-11-28 05:03:12\"}").get("born_at"))
        .isEqualTo(OffsetDateTime.parse("1962-11-28T05:03:12Z"));
    assertThat(map("{\"dob\":\"1962-11-28T05:03:12+02:00\"}").get("born_at"))
        .isEqualTo(OffsetDateTime.parse("1962-11-28T03:03:12Z"));
  }

  @Test
  void map_phoneWithLettersOrInvalid_keptAsTrimmedText() throws IOException {
    assertThat(map("{\"nat\":\"UA\",\"phone\":\" (067) U84-1350 \"}").get("phone"))
        .isEqualTo("(067) U84-1350");
    assertThat(map("{\"nat\":\"CH\",\"phone\":\"123\"}").get("phone")).isEqualTo("123");
    assertThat(map("{\"phone\":\"079 123 45 67\"}").get("phone")).isEqualTo("079 123 45 67");
  }

  @Test
  void map_missingAndBlank_areNullAndCountAgainstCompleteness() throws IOException {
    MappedRow row = map("{\"name\":{\"first\":\"Ann\"},\"email\":\"   \"}");

    assertThat(row.get("email")).isNull();
    assertThat(row.get("domain")).isNull();
    assertThat(row.get("complete")).isEqualTo(0.5);
    assertThat(row.get("generation")).isNull();
  }

  @Test
  void map_wrongTypes_reportColumnValueAndPath() throws IOException {
    MappedRow row =
        map("{\"lat\":true,\"number\":\"12a\",\"dob\":{\"age\":3},\"registered\":\"soon\"}");

    assertThat(row.typeErrors())
        .extracting(FailedRule::toString)
        .containsExactly(
            "latitude_type: cannot read boolean true as double at $.lat",
            "street_number_type: cannot read string \"12a\" as long at $.number",
            "born_at_type: cannot read object as timestamp_tz at $.dob",
            "registered_at_type: cannot read string \"soon\" as timestamp_tz at $.registered");
  }

  @Test
  void generation_boundaries_followTheUsualCohorts() {
    assertThat(Derivations.generation(1945)).isEqualTo("Silent");
    assertThat(Derivations.generation(1946)).isEqualTo("Boomer");
    assertThat(Derivations.generation(1964)).isEqualTo("Boomer");
    assertThat(Derivations.generation(1965)).isEqualTo("GenX");
    assertThat(Derivations.generation(1980)).isEqualTo("GenX");
    assertThat(Derivations.generation(1981)).isEqualTo("Millennial");
    assertThat(Derivations.generation(1996)).isEqualTo("Millennial");
    assertThat(Derivations.generation(1997)).isEqualTo("GenZ");
    assertThat(Derivations.generation(2012)).isEqualTo("GenZ");
    assertThat(Derivations.generation(2013)).isEqualTo("Alpha");
  }

  @Test
  void tenure_boundaries_newEstablishedVeteran() throws IOException {
    assertThat(map("{\"registered\":\"2024-01-02T00:00:00Z\"}").get("tenure")).isEqualTo("new");
    assertThat(map("{\"registered\":\"2024-01-01T00:00:00Z\"}").get("tenure"))
        .isEqualTo("established");
    assertThat(map("{\"registered\":\"2016-01-02T00:00:00Z\"}").get("tenure"))
        .isEqualTo("established");
    assertThat(map("{\"registered\":\"2016-01-01T00:00:00Z\"}").get("tenure")).isEqualTo("veteran");
  }
}
