package io.medallion.core.internal.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.medallion.schema.ColumnType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValuesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2015-06-22T09:32:12Z",
        "2015-06-22T09:32:12.1Z",
        "2015-06-22T09:32:12.123Z",
        "1993-07-20T09:44:18.674Z",
        "2024-02-29T23:59:59.999999Z",
        "2024-02-29T23:59:59.123456789Z",
        "0001-01-01T00:00:00Z",
        "2015-06-22T09:32:12+02:00",
        "2015-06-22T09:32Z"
      })
  void convert_isoTimestamps_readAsTheGeneralParserReadsThem(String text)
      throws ValueConversionException {
    Object value = JsonValues.convert(TextNode.valueOf(text), ColumnType.TIMESTAMP_TZ);

    assertThat(value)
        .isEqualTo(OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC))
        .extracting(time -> ((OffsetDateTime) time).getOffset())
        .isEqualTo(ZoneOffset.UTC);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2015-02-30T09:32:12Z",
        "2015-06-22T24:00:00Z",
        "2015-13-22T09:32:12Z",
        "2015-06-22T09:32:1xZ",
        "2015-06-22T09:32:12.1234567890Z"
      })
  void convert_malformedTimestamps_failNamingTheValue(String text) {
    assertThatThrownBy(() -> JsonValues.convert(TextNode.valueOf(text), ColumnType.TIMESTAMP_TZ))
        .isInstanceOf(ValueConversionException.class)
        .hasMessage("cannot read string \"" + text + "\" as timestamp_tz");
  }
}
