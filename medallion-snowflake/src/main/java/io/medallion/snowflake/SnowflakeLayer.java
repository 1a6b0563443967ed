package io.medallion.snowflake;

import io.medallion.Pipeline;
import io.medallion.Problems;
import io.medallion.SetOnce;
import io.medallion.catalog.CatalogConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Snowflake consumption layer of a pipeline: which objects expose its tables in Snowflake and
 * how. An immutable definition; {@link #plan()} turns it into the ordered statements, nothing is
 * applied until {@link SnowflakeApply} is asked to.
 *
 * <p>Every setting Snowflake needs and the definition does not give (the IAM role, an S3 location
 * for an embedded lake, the AWS account) becomes a named placeholder such as {@code
 * <<AWS_ROLE_ARN>>}, listed at the top of the script, so a plan always prints whole.
 *
 * <pre>{@code
 * SnowflakeLayer layer = SnowflakeLayer.builder(pipeline, catalog, "s3://acme-lake/medallion")
 *     .database("ANALYTICS")
 *     .awsRoleArn("arn:aws:iam::123456789012:role/snowflake-lake")
 *     .facts(LakeFacts.read(runtime, pipeline))
 *     .build();
 * Files.writeString(Path.of("snowflake.sql"), layer.plan().script());
 * }</pre>
 */
public final class SnowflakeLayer {
  /** Account-level names are referenced inside literals too, so they stay plain identifiers. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,199}");

  private final Builder settings;

  private SnowflakeLayer(Builder builder) {
    this.settings = builder.copy();
  }

  /**
   * Starts a layer definition.
   *
   * @param pipeline the pipeline whose tables are exposed
   * @param catalog the catalog the lake's tables are registered in
   * @param storageLocation the warehouse root on S3, e.g. {@code s3://acme-lake/medallion}; any
   *     other location (an embedded lake's folder) is shown as a placeholder
   * @return a builder
   */
  public static Builder builder(Pipeline pipeline, CatalogConfig catalog, String storageLocation) {
    return new Builder(pipeline, catalog, storageLocation);
  }

  /**
   * A builder holding every setting of this layer, to derive a changed copy.
   *
   * <pre>{@code
   * SnowflakeLayer classic = layer.toBuilder().exposure(Exposure.CLASSIC_COPY).build();
   * }</pre>
   *
   * @return a builder that builds an equal layer until a setting is changed
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Plans the statements: the write-profile check first, then every object in dependency order.
   *
   * @return the plan
   */
  public SnowflakePlan plan() {
    return new PlanWriter(settings).write();
  }

  /**
   * Builds a {@link SnowflakeLayer}. Each setting is set once; setting one again is a validation
   * problem naming both values. {@link #build()} reports every problem at once.
   */
  public static final class Builder {
    final Pipeline pipeline;
    final CatalogConfig catalog;
    final String storageLocation;
    String database = "MEDALLION";
    Exposure exposure = Exposure.ICEBERG_TABLES;
    GlueAccess glueAccess = GlueAccess.ICEBERG_REST;
    String awsRoleArn;
    String externalId;
    String region;
    String awsAccountId;
    boolean autoRefresh = true;
    String readerRole = "MEDALLION_READER";
    String piiReaderRole = "MEDALLION_PII_READER";
    String ownerRole = "SYSADMIN";
    String metricSchedule = "60 MINUTE";
    LakeFacts facts;
    WriteProfile writeProfile = WriteProfile.defaults();
    final Set<ObjectKind> omitted = EnumSet.noneOf(ObjectKind.class);
    private SetOnce given = new SetOnce();

    private Builder(Pipeline pipeline, CatalogConfig catalog, String storageLocation) {
      this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      this.storageLocation = Objects.requireNonNull(storageLocation, "storageLocation");
    }

    /**
     * Names the Snowflake database the layer's schemas go in; also the prefix of the account
     * objects ({@code <DATABASE>_VOLUME}, {@code <DATABASE>_CATALOG}).
     *
     * @param name a plain identifier, default {@code MEDALLION}
     * @return this builder
     */
    public Builder database(String name) {
      this.database = given.set("database", Objects.requireNonNull(name, "database"));
      return this;
    }

    /**
     * Chooses how bronze and silver tables are exposed.
     *
     * @param how the exposure, default {@link Exposure#ICEBERG_TABLES}
     * @return this builder
     */
    public Builder exposure(Exposure how) {
      this.exposure = given.set("exposure", Objects.requireNonNull(how, "exposure"));
      return this;
    }

    /**
     * Chooses how Snowflake reaches a Glue catalog.
     *
     * @param access the access, default {@link GlueAccess#ICEBERG_REST}
     * @return this builder
     */
    public Builder glueAccess(GlueAccess access) {
      this.glueAccess = given.set("glueAccess", Objects.requireNonNull(access, "glueAccess"));
      return this;
    }

    /**
     * Sets the IAM role Snowflake assumes for the lake's storage and the Glue catalog.
     *
     * @param arn e.g. {@code arn:aws:iam::123456789012:role/snowflake-lake}
     * @return this builder
     */
    public Builder awsRoleArn(String arn) {
      this.awsRoleArn = given.set("awsRoleArn", Objects.requireNonNull(arn, "awsRoleArn"));
      return this;
    }

    /**
     * Sets the external id the role's trust policy expects.
     *
     * @param id the external id
     * @return this builder
     */
    public Builder externalId(String id) {
      this.externalId = given.set("externalId", Objects.requireNonNull(id, "externalId"));
      return this;
    }

    /**
     * Sets the AWS region; by default the catalog's or the storage settings' region.
     *
     * @param name e.g. {@code eu-west-1}
     * @return this builder
     */
    public Builder region(String name) {
      this.region = given.set("region", Objects.requireNonNull(name, "region"));
      return this;
    }

    /**
     * Sets the AWS account owning the Glue catalog; by default the Glue catalog id.
     *
     * @param id the 12-digit account id
     * @return this builder
     */
    public Builder awsAccountId(String id) {
      this.awsAccountId = given.set("awsAccountId", Objects.requireNonNull(id, "awsAccountId"));
      return this;
    }

    /**
     * Turns auto-refresh off: each Iceberg table is then refreshed by an explicit statement.
     *
     * @param enabled false to refresh by statement, default true (object-store catalogs always
     *     refresh by statement)
     * @return this builder
     */
    public Builder autoRefresh(boolean enabled) {
      this.autoRefresh = given.set("autoRefresh", enabled);
      return this;
    }

    /**
     * Names the role granted read access to the gold views.
     *
     * @param role a plain identifier, default {@code MEDALLION_READER}
     * @return this builder
     */
    public Builder readerRole(String role) {
      this.readerRole = given.set("readerRole", Objects.requireNonNull(role, "readerRole"));
      return this;
    }

    /**
     * Names the role that sees personal columns unmasked.
     *
     * @param role a plain identifier, default {@code MEDALLION_PII_READER}
     * @return this builder
     */
    public Builder piiReaderRole(String role) {
      this.piiReaderRole =
          given.set("piiReaderRole", Objects.requireNonNull(role, "piiReaderRole"));
      return this;
    }

    /**
     * Names the role that applies the plan and so owns the views: views read personal columns
     * unmasked through it, so gold aggregates are exact while readers see no personal value.
     *
     * @param role a plain identifier, default {@code SYSADMIN}
     * @return this builder
     */
    public Builder ownerRole(String role) {
      this.ownerRole = given.set("ownerRole", Objects.requireNonNull(role, "ownerRole"));
      return this;
    }

    /**
     * Sets how often the data metric functions run.
     *
     * @param schedule a Snowflake schedule, default {@code 60 MINUTE}
     * @return this builder
     */
    public Builder metricSchedule(String schedule) {
      this.metricSchedule =
          given.set("metricSchedule", Objects.requireNonNull(schedule, "metricSchedule"));
      return this;
    }

    /**
     * Gives the lake's facts: current metadata files and data files, and the write-profile check.
     * Without them the plan shows placeholders for both and checks no table.
     *
     * @param lake the facts, from {@link LakeFacts#read}
     * @return this builder
     */
    public Builder facts(LakeFacts lake) {
      this.facts = given.set("facts", Objects.requireNonNull(lake, "facts"));
      return this;
    }

    /**
     * Sets the write profile tables are checked against.
     *
     * @param profile the profile, default {@link WriteProfile#defaults()}
     * @return this builder
     */
    public Builder writeProfile(WriteProfile profile) {
      this.writeProfile =
          given.set("writeProfile", Objects.requireNonNull(profile, "writeProfile"));
      return this;
    }

    /**
     * Leaves kinds of statements out of the plan, e.g. the external volume and catalog integration
     * when an administrator created them, or the grants when roles are managed elsewhere. Adds to
     * the kinds left out before.
     *
     * <pre>{@code
     * layer.omit(ObjectKind.EXTERNAL_VOLUME, ObjectKind.CATALOG_INTEGRATION);
     * }</pre>
     *
     * @param kinds the kinds of statements to leave out
     * @return this builder
     */
    public Builder omit(ObjectKind... kinds) {
      omitted.addAll(List.of(kinds));
      return this;
    }

    /**
     * Forgets the kinds given to {@link #omit}, so that every statement is planned again.
     *
     * <pre>{@code
     * SnowflakeLayer whole = layer.toBuilder().clearOmitted().build();
     * }</pre>
     *
     * @return this builder
     */
    public Builder clearOmitted() {
      omitted.clear();
      return this;
    }

    /**
     * Validates the settings and builds the layer.
     *
     * @return the layer
     * @throws io.medallion.ValidationException listing every problem
     */
    public SnowflakeLayer build() {
      Problems problems = given.problems();
      plainName(problems, "database", database);
      plainName(problems, "readerRole", readerRole);
      plainName(problems, "piiReaderRole", piiReaderRole);
      plainName(problems, "ownerRole", ownerRole);
      problems.check(
          metricSchedule.matches("[0-9]{1,4} MINUTE|USING CRON [0-9*/,\\- ]+ [A-Za-z_/]+"),
          "metricSchedule '"
              + metricSchedule
              + "' must be '<n> MINUTE' or 'USING CRON <expression> <time zone>'");
      problems.throwIfAny("Snowflake layer of pipeline " + pipeline.name());
      return new SnowflakeLayer(this);
    }

    Optional<String> awsRoleArn() {
      return Optional.ofNullable(awsRoleArn);
    }

    Optional<String> externalId() {
      return Optional.ofNullable(externalId);
    }

    Optional<LakeFacts> facts() {
      return Optional.ofNullable(facts);
    }

    private static void plainName(Problems problems, String setting, String value) {
      problems.check(
          PLAIN_NAME.matcher(value).matches(),
          setting
              + " '"
              + value
              + "' must be a plain identifier: a letter or '_', then letters, digits or '_'");
    }

    private Builder copy() {
      Builder copy = new Builder(pipeline, catalog, storageLocation);
      copy.database = database;
      copy.exposure = exposure;
      copy.glueAccess = glueAccess;
      copy.awsRoleArn = awsRoleArn;
      copy.externalId = externalId;
      copy.region = region;
      copy.awsAccountId = awsAccountId;
      copy.autoRefresh = autoRefresh;
      copy.readerRole = readerRole;
      copy.piiReaderRole = piiReaderRole;
      copy.ownerRole = ownerRole;
      copy.metricSchedule = metricSchedule;
      copy.facts = facts;
      copy.writeProfile = writeProfile;
      copy.omitted.addAll(omitted);
      // A copy handed out by toBuilder() may set each property once more.
      copy.given = new SetOnce();
      return copy;
    }
  }
}
