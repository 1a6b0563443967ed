package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show} and {@code history} on a generated RandomUser lake loaded in two runs. */
class ShowCommandTest {
  private static final Pattern SNAPSHOT_LINE = Pattern.compile("(?m)^(\\d+)(?: \\(current\\))?  ");

  @TempDir static Path dir;
  private static String lake;

  @BeforeAll
  static void buildLake() {
    lake = dir.resolve("lake").toString();
    for (String seed : List.of("1", "2")) {
      Cli.Result run =
          Cli.run("randomuser", "--users", "150", "--seed", seed, "--lake", lake, "--no-report");
      assertThat(run.exitCode()).as(run.err()).isZero();
    }
  }

  @Test
  void show_columnsWhereLimit_printsAnAlignedTableAndWhatWasRead() {
    Cli.Result result =
        Cli.run(
            "show",
            "--lake",
            lake,
            "silver.users",
            "--columns",
            "user_id,nationality,age",
            "--where",
            "nationality = 'CH' and age >= 18",
            "--limit",
            "3");

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines.get(0)).matches("user_id +\\| nationality \\| age");
    assertThat(lines.get(1)).matches("-+ \\| -+ \\| -+");
    assertThat(lines.subList(2, 5)).allSatisfy(line -> assertThat(line).contains("| CH "));
    assertThat(lines.get(5))
        .matches("3 rows of silver.users at snapshot \\d+ \\(\\d+ data files read\\)");
  }

  @Test
  void show_csvAndJson_printEveryMatchingRowInBothFormats() throws IOException {
    String[] args = {
      "show", "--lake", lake, "gold.users_by_country_generation", "--limit", "0", "--format"
    };

    Cli.Result csv = Cli.run(Cli.append(args, "csv"));
    Cli.Result json = Cli.run(Cli.append(args, "JSON"));

    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(json.exitCode()).as(json.err()).isZero();
    List<String> csvLines = csv.out().lines().toList();
    List<String> jsonLines = json.out().lines().toList();
    assertThat(csvLines.get(0)).startsWith("country,generation,");
    assertThat(csvLines).hasSize(jsonLines.size() + 1);
    JsonNode first = new ObjectMapper().readTree(jsonLines.get(0));
    assertThat(first.fieldNames()).toIterable().startsWith("country", "generation");
    Cli.Result timestamps =
        Cli.run(
            "show",
            "--lake",
            lake,
            "silver.users",
            "--columns",
            "user_id,registered_at,age",
            "--where",
            "registered_at is not null",
            "--limit",
            "1",
            "--format",
            "json");
    assertThat(timestamps.out().strip())
        .matches(
            "\\{\"user_id\":\"[^\"]+\",\"registered_at\":\"\\d{4}-[0-9T:.-]+Z\",\"age\":\\d+}");
  }

  @Test
  void history_thenShowAsOf_listsSnapshotsWithMarkersAndReadsTheOlderOne() {
    Cli.Result history = Cli.run("history", "--lake", lake, "silver.users");

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.out())
        .contains("(current)", "medallion.consumed.bronze.randomuser_raw = ")
        .containsPattern("(?m)^\\d+ \\(current\\)  \\S+  \\w+ +\\+\\d+ -\\d+ rows, \\d+ live$")
        .containsPattern("\\d+ snapshots of .*silver\\.users");
    List<String> ids = new ArrayList<>();
    Matcher ids_ = SNAPSHOT_LINE.matcher(history.out());
    while (ids_.find()) {
      ids.add(ids_.group(1));
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(2);

    Cli.Result older =
        Cli.run(
            "show",
            "--lake",
            lake,
            "silver.users",
            "--as-of",
            ids.get(0),
            "--limit",
            "0",
            "--format",
            "csv",
            "--columns",
            "user_id");
    Cli.Result current =
        Cli.run(
            "show",
            "--lake",
            lake,
            "silver.users",
            "--limit",
            "0",
            "--format",
            "csv",
            "--columns",
            "user_id");

    assertThat(older.exitCode()).as(older.err()).isZero();
    assertThat(older.out().lines().count()).isLessThan(current.out().lines().count());
  }

  @Test
  void show_badWhereOrUnknownColumn_isAUsageErrorNamingIt() {
    Cli.Result badToken = Cli.run("show", "--lake", lake, "silver.users", "--where", "age >> 3");
    Cli.Result unknown =
        Cli.run("show", "--lake", lake, "silver.users", "--columns", "user_id,shoe_size");
    Cli.Result mismatch = Cli.run("show", "--lake", lake, "silver.users", "--where", "age = 'old'");
    Cli.Result snapshot = Cli.run("show", "--lake", lake, "silver.users", "--as-of", "42");

    assertThat(badToken.exitCode()).isEqualTo(2);
    assertThat(badToken.err()).contains("found '>' at character 6");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("column 'shoe_size' is not in the table; its columns are");
    assertThat(mismatch.exitCode()).isEqualTo(2);
    assertThat(mismatch.err())
        .contains("filter column 'age' is int and cannot be compared with 'old'");
    assertThat(snapshot.exitCode()).isEqualTo(2);
    assertThat(snapshot.err()).contains("snapshot 42 is not in the table's history");
  }

  @Test
  void showAndHistory_missingLakeOrTable_failWithoutCreatingAnything() {
    Path nowhere = dir.resolve("no-lake");

    Cli.Result noLake = Cli.run("show", "--lake", nowhere.toString(), "silver.users");
    Cli.Result noTable = Cli.run("history", "--lake", lake, "silver.nothing");
    Cli.Result badName = Cli.run("show", "--lake", lake, "users");

    assertThat(noLake.exitCode()).isEqualTo(4);
    assertThat(noLake.err()).contains("there is no lake there, so nothing to show");
    assertThat(nowhere).doesNotExist();
    assertThat(noTable.exitCode()).isEqualTo(1);
    assertThat(noTable.err()).contains("silver.nothing does not exist in");
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("TABLE: Cannot parse table id 'users'");
  }
}
