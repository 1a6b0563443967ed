package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.catalog.CatalogConfig;
import io.medallion.catalog.PlannedChange;
import io.medallion.catalog.PlannedChange.Kind;
import io.medallion.catalog.RegistrationPlan;
import io.medallion.core.internal.catalog.IcebergCatalogs;
import io.medallion.core.internal.iceberg.TableStore;
import io.medallion.core.spi.JsonSource;
import io.medallion.schema.ColumnType;
import io.medallion.schema.PartitionField;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every catalog must do for medallion: create, load, list, evolve, register, drop, commit
 * concurrently and register idempotently. Each subclass supplies one catalog, fresh per test.
 */
abstract class CatalogContractTest {
  static final Pipeline PEOPLE =
      Pipeline.builder("people")
          .owner("data-team@example.com")
          .describeNamespace("gold", "BI-ready people aggregates")
          .tables(
              TestPipelines.RAW,
              TestPipelines.PEOPLE,
              TestPipelines.BY_COUNTRY,
              TestPipelines.BY_YEAR)
          .build();

  private static final TableId CONTACTS = TableId.of("silver", "contacts");

  @TempDir Path dir;
  CatalogConfig config;

  /** Returns a configuration for a catalog with no tables, using {@code dir} for its files. */
  abstract CatalogConfig freshCatalog(Path dir) throws Exception;

  /** Whether namespaces keep a description; file-system catalogs keep none. */
  boolean keepsNamespaceDescriptions() {
    return true;
  }

  /** Whether the catalog can register existing metadata; file-system catalogs cannot. */
  boolean registersExistingTables() {
    return true;
  }

  @BeforeEach
  void prepareCatalog() throws Exception {
    config = freshCatalog(dir);
  }

  MedallionRuntime open() {
    return MedallionRuntime.builder().lake(dir.resolve("local")).catalog(config).build();
  }

  @Test
  void registerAll_emptyCatalog_createsNamespacesAndTablesWithDocsAndProperties()
      throws IOException {
    RegistrationPlan plan;
    try (MedallionRuntime runtime = open()) {
      plan = runtime.registerAll(PEOPLE);
    }

    assertThat(plan.conflicts()).isEmpty();
    assertThat(plan.changes())
        .filteredOn(change -> change.kind() == Kind.CREATE_TABLE)
        .extracting(PlannedChange::target)
        .containsExactly(
            "bronze.people_raw",
            "bronze.people_raw_dead_letter",
            "silver.people",
            "silver.people_quarantine",
            "silver.people_quality_metrics",
            "gold.people_by_country",
            "gold.people_by_birth_year");
    try (Handle catalog = new Handle(config)) {
      Table people = catalog.load(TestPipelines.PEOPLE.id());
      assertThat(people.properties())
          .containsEntry("medallion.layer", "silver")
          .containsEntry("owner", "data-team@example.com")
          .containsEntry("medallion.pipeline", "people")
          .containsEntry("medallion.source", "bronze.people_raw")
          .containsEntry("write.parquet.compression-codec", "zstd");
      assertThat(((HasTableOperations) people).operations().current().formatVersion()).isEqualTo(2);
      assertThat(people.properties().get("medallion.quality-policy"))
          .isEqualTo("5 rules (1 critical), 0 dataset rules; min score 0.5, else QUARANTINE");
      assertThat(people.schema().findField("quality_score").doc())
          .isEqualTo("Weighted quality score in [0, 1]");
      assertThat(catalog.load(TableId.of("bronze", "people_raw_dead_letter")).properties())
          .containsEntry("medallion.layer", "dead_letter");
      if (keepsNamespaceDescriptions()) {
        assertThat(catalog.namespaces().loadNamespaceMetadata(Namespace.of("gold")))
            .containsEntry("comment", "BI-ready people aggregates");
        assertThat(catalog.namespaces().loadNamespaceMetadata(Namespace.of("silver")))
            .containsEntry("comment", "Medallion silver tables of pipeline people");
      }
    }
  }

  @Test
  void registerAll_secondCall_changesNothing() throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.registerAll(PEOPLE);
      String before = metadataFile(runtime.table(TestPipelines.PEOPLE.id()));

      RegistrationPlan again = runtime.registerAll(PEOPLE);

      assertThat(again.isEmpty()).as(again.describe()).isTrue();
      assertThat(again.describe()).endsWith(": nothing to change");
      assertThat(metadataFile(runtime.table(TestPipelines.PEOPLE.id()))).isEqualTo(before);
    }
  }

  @Test
  void planRegistration_dryRun_changesNothing() throws IOException {
    RegistrationPlan plan;
    try (MedallionRuntime runtime = open()) {
      plan = runtime.planRegistration(PEOPLE);
    }

    assertThat(plan.changes()).extracting(PlannedChange::kind).contains(Kind.CREATE_TABLE);
    try (Handle catalog = new Handle(config)) {
      assertThat(catalog.catalog().tableExists(identifier(TestPipelines.PEOPLE.id()))).isFalse();
    }
  }

  @Test
  void run_thenAnotherRuntime_loadsAndListsTheTables() throws IOException {
    try (MedallionRuntime writer = open()) {
      writer.ingest(TestPipelines.RAW, people("a", "b", "c"));
      writer.run(PEOPLE);
    }

    try (MedallionRuntime reader = open()) {
      assertThat(TableReads.rows(reader.table(TestPipelines.PEOPLE.id()))).hasSize(3);
      assertThat(TableReads.rows(reader.table(TestPipelines.BY_COUNTRY.id())))
          .extracting(row -> row.getField("people"))
          .containsExactly(3L);
    }
    try (Handle catalog = new Handle(config)) {
      assertThat(catalog.catalog().listTables(Namespace.of("silver")))
          .extracting(TableIdentifier::name)
          .containsExactlyInAnyOrder("people", "people_quarantine", "people_quality_metrics");
    }
  }

  @Test
  void registerAll_definitionGainedAColumnAndAWiderType_evolvesTheTable() throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.ingest(TestPipelines.RAW, people("a"));
      runtime.run(contacts(false, ColumnType.INT, true));

      RegistrationPlan plan = runtime.registerAll(contacts(true, ColumnType.LONG, true));
      runtime.ingest(TestPipelines.RAW, people("b"));
      runtime.run(contacts(true, ColumnType.LONG, true));

      assertThat(plan.changes())
          .extracting(PlannedChange::toString)
          .contains(
              "ADD_COLUMN silver.contacts: add column 'phone' string",
              "WIDEN_COLUMN silver.contacts: widen column 'age' from int to long");
      assertThat(plan.changes()).extracting(PlannedChange::kind).contains(Kind.MOVE_COLUMN);
      Table table = runtime.table(CONTACTS);
      assertThat(table.schema().columns().subList(0, 4))
          .extracting(field -> field.name() + " " + field.type())
          .containsExactly("id string", "email string", "age long", "phone string");
      List<Record> rows = TableReads.rows(table);
      assertThat(rows)
          .extracting(row -> row.getField("id") + " " + row.getField("phone"))
          .containsExactlyInAnyOrder("a null", "b +41791234567");
    }
  }

  @Test
  void registerAll_incompatibleDefinition_failsListingEachDifferenceAndChangesNothing()
      throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.ingest(TestPipelines.RAW, people("a"));
      runtime.run(contacts(false, ColumnType.INT, true));
      String before = metadataFile(runtime.table(CONTACTS));
      Pipeline incompatible = contacts(false, ColumnType.STRING, false);

      RegistrationPlan dryRun = runtime.planRegistration(incompatible);

      assertThat(dryRun.conflicts())
          .containsExactly(
              "silver.contacts: column 'age' is int in the table but string in the definition,"
                  + " and Iceberg can only widen int to long, float to double and decimal"
                  + " precision",
              "silver.contacts: column 'email' string is in the table but not in the"
                  + " definition; add it back, or drop it with Iceberg's"
                  + " updateSchema().deleteColumn() if its data may go");
      assertThatThrownBy(() -> runtime.registerAll(incompatible))
          .isInstanceOf(MedallionException.class)
          .hasMessageStartingWith("Cannot register pipeline contacts in ")
          .hasMessageContaining("column 'age' is int in the table but string")
          .hasMessageContaining("column 'email' string is in the table but not in the definition");
      assertThat(metadataFile(runtime.table(CONTACTS))).isEqualTo(before);
    }
  }

  @Test
  void publish_embeddedLake_registersEveryTableWithoutCopyingThenFollowsNewCommits()
      throws IOException {
    try (MedallionRuntime laptop = MedallionRuntime.builder().lake(dir.resolve("laptop")).build()) {
      laptop.ingest(TestPipelines.RAW, people("a", "b"));
      laptop.run(PEOPLE);
      if (!registersExistingTables()) {
        assertThatThrownBy(() -> laptop.publish(PEOPLE, config))
            .isInstanceOf(MedallionException.class)
            .hasMessageContaining(
                "is a file-system catalog, which cannot register existing tables");
        return;
      }

      RegistrationPlan first = laptop.publish(PEOPLE, config);
      RegistrationPlan second = laptop.publish(PEOPLE, config);
      laptop.ingest(TestPipelines.RAW, people("c"));
      laptop.run(PEOPLE);
      RegistrationPlan third = laptop.publish(PEOPLE, config);
      RegistrationPlan fourth = laptop.publish(PEOPLE, config);

      assertThat(first.changes())
          .filteredOn(change -> change.kind() == Kind.REGISTER_TABLE)
          .hasSize(7);
      assertThat(second.isEmpty()).as(second.describe()).isTrue();
      assertThat(third.changes())
          .extracting(PlannedChange::kind)
          .containsOnly(Kind.UPDATE_REGISTRATION);
      assertThat(fourth.isEmpty()).as(fourth.describe()).isTrue();
      try (Handle catalog = new Handle(config)) {
        Table people = catalog.load(TestPipelines.PEOPLE.id());
        Table source = laptop.table(TestPipelines.PEOPLE.id());
        // Moved by a commit (JDBC, Glue), the entry's metadata file is a copy of the source's.
        assertThat(people.uuid()).isEqualTo(source.uuid());
        assertThat(people.currentSnapshot().snapshotId())
            .isEqualTo(source.currentSnapshot().snapshotId());
        assertThat(TableReads.rows(people)).hasSize(3);
      }
    }
  }

  @Test
  void registerAll_afterIngestCreatedTheNamespace_describesIt() throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.ingest(TestPipelines.RAW, people("a"));

      RegistrationPlan plan = runtime.registerAll(PEOPLE);

      if (keepsNamespaceDescriptions()) {
        assertThat(plan.changes())
            .extracting(PlannedChange::toString)
            .contains(
                "SET_PROPERTIES bronze: set comment=Medallion bronze tables of pipeline people");
        try (Handle catalog = new Handle(config)) {
          assertThat(catalog.namespaces().loadNamespaceMetadata(Namespace.of("bronze")))
              .containsEntry("comment", "Medallion bronze tables of pipeline people");
        }
      }
    }
  }

  @Test
  void registerAll_newOwnerAndColumnDoc_setsThemWithoutANewSnapshot() throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.ingest(TestPipelines.RAW, people("a"));
      runtime.run(contacts(false, ColumnType.INT, true));
      Long snapshot = runtime.table(CONTACTS).currentSnapshot().snapshotId();
      SilverTable documented = contactsBuilder().doc("email", "Lower-cased email address").build();
      Pipeline changed =
          Pipeline.builder("contacts")
              .owner("crm-team@example.com")
              .tables(TestPipelines.RAW, documented)
              .build();

      RegistrationPlan plan = runtime.registerAll(changed);

      assertThat(plan.changes())
          .extracting(PlannedChange::toString)
          .contains(
              "UPDATE_COLUMN_DOC silver.contacts: describe column 'email' as 'Lower-cased email"
                  + " address'",
              "SET_PROPERTIES silver.contacts: set {owner=crm-team@example.com}");
      Table table = runtime.table(CONTACTS);
      assertThat(table.schema().findField("email").doc()).isEqualTo("Lower-cased email address");
      assertThat(table.properties()).containsEntry("owner", "crm-team@example.com");
      assertThat(table.currentSnapshot().snapshotId()).isEqualTo(snapshot);
      assertThat(runtime.registerAll(changed).isEmpty()).isTrue();
    }
  }

  @Test
  void registerAll_secondPipelineSharingTheBronzeTable_leavesItsOwnershipAlone()
      throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.registerAll(PEOPLE);
      RegistrationPlan other =
          runtime.registerAll(
              Pipeline.builder("other")
                  .owner("other-team@example.com")
                  .tables(TestPipelines.RAW)
                  .build());

      assertThat(other.changes()).isEmpty();
      assertThat(runtime.table(TestPipelines.RAW.id()).properties())
          .containsEntry("medallion.pipeline", "people")
          .containsEntry("owner", "data-team@example.com");
    }
  }

  @Test
  void registerAll_otherPartitioning_isAConflict() throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.registerAll(contacts(false, ColumnType.INT, true));
      SilverTable partitioned =
          contactsBuilder().partitionBy(PartitionField.identity("country")).build();

      RegistrationPlan plan =
          runtime.planRegistration(
              Pipeline.builder("contacts").tables(TestPipelines.RAW, partitioned).build());

      assertThat(plan.conflicts())
          .containsExactly(
              "silver.contacts: partitioning is [] in the table but [identity(country)] in the"
                  + " definition; evolve it with Iceberg's updateSpec()");
    }
  }

  @Test
  void dropTable_registeredTable_isGone() throws IOException {
    try (MedallionRuntime runtime = open()) {
      runtime.registerAll(PEOPLE);
      try (Handle catalog = new Handle(config)) {
        assertThat(catalog.catalog().dropTable(identifier(TestPipelines.BY_YEAR.id()), true))
            .isTrue();
      }
      assertThat(runtime.exists(TestPipelines.BY_YEAR.id())).isFalse();
      assertThat(runtime.planRegistration(PEOPLE).changes())
          .extracting(PlannedChange::toString)
          .containsExactly("CREATE_TABLE gold.people_by_birth_year: gold table with 3 columns");
    }
  }

  @Test
  void ingest_twoRuntimesCommitConcurrently_bothSucceedAndNoRowIsLost() throws Exception {
    int batches = 6;
    try (MedallionRuntime setup = open()) {
      setup.registerAll(PEOPLE);
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (MedallionRuntime first = open();
        MedallionRuntime second = open()) {
      List<Future<?>> done = new ArrayList<>();
      for (MedallionRuntime runtime : List.of(first, second)) {
        String prefix = runtime == first ? "x" : "y";
        done.add(
            threads.submit(
                () -> {
                  for (int batch = 0; batch < batches; batch++) {
                    runtime.ingest(
                        TestPipelines.RAW, people(prefix + batch + "a", prefix + batch + "b"));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      List<Record> rows = TableReads.rows(first.table(TestPipelines.RAW.id()));
      assertThat(rows).hasSize(2 * batches * 2);
      assertThat(rows.stream().map(row -> row.getField("batch_id")).distinct().count())
          .isEqualTo(2L * batches);
    } finally {
      threads.shutdownNow();
    }
  }

  /** The first version of the contacts table, to change in one respect. */
  private static SilverTable.Builder contactsBuilder() {
    return SilverTable.builder(CONTACTS, TestPipelines.RAW)
        .map("id", ColumnType.STRING, "id")
        .map("email", ColumnType.STRING, "email")
        .map("age", ColumnType.INT, "age")
        .map("country", ColumnType.STRING, "country");
  }

  /** The contacts pipeline, optionally with a phone column, an age type, and the email. */
  private static Pipeline contacts(boolean withPhone, ColumnType ageType, boolean withEmail) {
    SilverTable.Builder builder =
        SilverTable.builder(CONTACTS, TestPipelines.RAW).map("id", ColumnType.STRING, "id");
    if (withEmail) {
      builder.map("email", ColumnType.STRING, "email");
    }
    builder.map("age", ageType, "age");
    if (withPhone) {
      builder.map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("country"));
    }
    builder.map("country", ColumnType.STRING, "country");
    return Pipeline.builder("contacts").tables(TestPipelines.RAW, builder.build()).build();
  }

  static JsonSource people(String... ids) {
    StringBuilder lines = new StringBuilder();
    for (String id : ids) {
      lines
          .append("{\"id\":\"")
          .append(id)
          .append("\",\"name\":\"ada\",\"email\":\"")
          .append(id)
          .append("@example.com\",\"country\":\"CH\",\"phone\":\"079 123 45 67\",\"age\":36,")
          .append("\"dob\":\"1990-12-10T08:00:00Z\",\"updated\":\"2024-01-01T00:00:00Z\"}\n");
    }
    return JsonSource.stream(
        "people-" + ids[0] + ".ndjson",
        new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  private static String metadataFile(Table table) {
    return ((HasTableOperations) table).operations().current().metadataFileLocation();
  }

  private static TableIdentifier identifier(TableId id) {
    return TableStore.identifier(id);
  }

  /** The catalog opened directly, as another tool would see it. */
  record Handle(Catalog catalog) implements Closeable {
    Handle(CatalogConfig config) {
      this(IcebergCatalogs.open(config));
    }

    Table load(TableId id) {
      return catalog.loadTable(identifier(id));
    }

    SupportsNamespaces namespaces() {
      return (SupportsNamespaces) catalog;
    }

    @Override
    public void close() throws IOException {
      if (catalog instanceof Closeable closeable) {
        closeable.close();
      }
    }
  }
}
