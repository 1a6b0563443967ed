package io.medallion.kafka;

import io.medallion.Problems;
import io.medallion.catalog.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where a stream reads and how it commits: an immutable definition of a Kafka source for a bronze
 * table. Client properties pass through to the consumer (SASL and SSL settings included); values of
 * secret-looking keys are masked in {@link #toString()}.
 *
 * <pre>{@code
 * KafkaStream users =
 *     KafkaStream.builder("127.0.0.1:9092", "medallion-users")
 *         .topics("randomuser")
 *         .startAt(StartPosition.earliest())
 *         .commitEvery(50_000, 32 << 20, Duration.ofSeconds(10))
 *         .property("security.protocol", "SASL_SSL")
 *         .build();
 * }</pre>
 */
public final class KafkaStream {
  /** Default largest message accepted: 8 MiB; larger ones are dead letters. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 << 20;

  private static final Set<String> MANAGED =
      Set.of(
          "bootstrap.servers",
          "group.id",
          "enable.auto.commit",
          "key.deserializer",
          "value.deserializer",
          "auto.offset.reset");

  private final String bootstrapServers;
  private final String group;
  private final List<String> topics;
  private final Optional<Pattern> topicPattern;
  private final Map<String, String> properties;
  private final int maxMessageBytes;
  private final StartPosition startPosition;
  private final long commitRecords;
  private final long commitBytes;
  private final Duration commitInterval;
  private final int maxFailedCommits;
  private final int downstreamEveryCommits;
  private final Duration downstreamInterval;
  private final Duration brokerTimeout;
  private final Optional<Duration> lagAlert;

  private KafkaStream(Builder builder, Optional<Pattern> pattern) {
    this.bootstrapServers = builder.bootstrapServers;
    this.group = builder.group;
    this.topics = List.copyOf(builder.topics);
    this.topicPattern = pattern;
    this.properties = Map.copyOf(builder.properties);
    this.maxMessageBytes = builder.maxMessageBytes;
    this.startPosition = builder.startPosition;
    this.commitRecords = builder.commitRecords;
    this.commitBytes = builder.commitBytes;
    this.commitInterval = builder.commitInterval;
    this.maxFailedCommits = builder.maxFailedCommits;
    this.downstreamEveryCommits = builder.downstreamEveryCommits;
    this.downstreamInterval = builder.downstreamInterval;
    this.brokerTimeout = builder.brokerTimeout;
    this.lagAlert = Optional.ofNullable(builder.lagAlert);
  }

  /**
   * Starts a definition.
   *
   * @param bootstrapServers the brokers, {@code host:port[,host:port...]}
   * @param group the consumer group; instances with the same group share the partitions
   * @return a builder
   */
  public static Builder builder(String bootstrapServers, String group) {
    return new Builder(bootstrapServers, group);
  }

  /**
   * Starts a builder holding this definition's values; each single-valued setting may be set once
   * more.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(bootstrapServers, group);
    builder.topics.addAll(topics);
    builder.topicPattern = topicPattern.map(Pattern::pattern).orElse(null);
    builder.properties.putAll(properties);
    builder.maxMessageBytes = maxMessageBytes;
    builder.startPosition = startPosition;
    builder.commitRecords = commitRecords;
    builder.commitBytes = commitBytes;
    builder.commitInterval = commitInterval;
    builder.maxFailedCommits = maxFailedCommits;
    builder.downstreamEveryCommits = downstreamEveryCommits;
    builder.downstreamInterval = downstreamInterval;
    builder.brokerTimeout = brokerTimeout;
    builder.lagAlert = lagAlert.orElse(null);
    return builder;
  }

  /**
   * Returns the brokers.
   *
   * @return the brokers
   */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Returns the consumer group.
   *
   * @return the consumer group
   */
  public String group() {
    return group;
  }

  /**
   * Returns the topics, empty when a pattern is given.
   *
   * @return the topics, empty when a pattern is given
   */
  public List<String> topics() {
    return topics;
  }

  /**
   * Returns the topic pattern, when topics are matched rather than listed.
   *
   * @return the topic pattern, when topics are matched rather than listed
   */
  public Optional<Pattern> topicPattern() {
    return topicPattern;
  }

  /**
   * Returns the client properties passed through to the consumer.
   *
   * @return the client properties passed through to the consumer
   */
  public Map<String, String> properties() {
    return properties;
  }

  /**
   * Returns the largest message accepted, in bytes.
   *
   * @return the largest message accepted, in bytes
   */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /**
   * Returns where a partition without a recorded offset starts.
   *
   * @return where a partition without a recorded offset starts
   */
  public StartPosition startPosition() {
    return startPosition;
  }

  /**
   * Returns the records that trigger a commit.
   *
   * @return the records that trigger a commit
   */
  public long commitRecords() {
    return commitRecords;
  }

  /**
   * Returns the message bytes that trigger a commit; also bounds what a batch holds.
   *
   * @return the message bytes that trigger a commit; also bounds what a batch holds
   */
  public long commitBytes() {
    return commitBytes;
  }

  /**
   * Returns the time after which a batch with anything in it commits.
   *
   * @return the time after which a batch with anything in it commits
   */
  public Duration commitInterval() {
    return commitInterval;
  }

  /**
   * Returns the consecutive failed commits after which the stream stops.
   *
   * @return the consecutive failed commits after which the stream stops
   */
  public int maxFailedCommits() {
    return maxFailedCommits;
  }

  /**
   * Returns after how many bronze commits the pipeline's silver and gold tables run.
   *
   * @return after how many bronze commits the pipeline's silver and gold tables run
   */
  public int downstreamEveryCommits() {
    return downstreamEveryCommits;
  }

  /**
   * Returns the time after which silver and gold run even with fewer commits.
   *
   * @return the time after which silver and gold run even with fewer commits
   */
  public Duration downstreamInterval() {
    return downstreamInterval;
  }

  /**
   * Returns how long the brokers may be unreachable before the stream stops.
   *
   * @return how long the brokers may be unreachable before the stream stops
   */
  public Duration brokerTimeout() {
    return brokerTimeout;
  }

  /**
   * Returns the lag past which the stream raises an alert through the runtime's alert sinks.
   *
   * @return the lag, empty when the stream raises no lag alert
   */
  public Optional<Duration> lagAlert() {
    return lagAlert;
  }

  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    properties.forEach(
        (key, value) -> shown.put(key, Secret.isSecretSetting(key) ? "****" : value));
    return "KafkaStream{bootstrapServers="
        + bootstrapServers
        + ", group="
        + group
        + ", topics="
        + (topicPattern.isPresent() ? "/" + topicPattern.get().pattern() + "/" : topics)
        + ", properties="
        + shown
        + ", startAt="
        + startPosition
        + "}";
  }

  /**
   * Builds a {@link KafkaStream}. Single-valued settings are set once; {@link #topics} and {@link
   * #property} add.
   */
  public static final class Builder {
    private final String bootstrapServers;
    private final String group;
    private final Set<String> given = new LinkedHashSet<>();
    private final Problems problems = new Problems();
    private final List<String> topics = new ArrayList<>();
    private String topicPattern;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private StartPosition startPosition = StartPosition.earliest();
    private long commitRecords = 50_000;
    private long commitBytes = 32L << 20;
    private Duration commitInterval = Duration.ofSeconds(10);
    private int maxFailedCommits = 3;
    private int downstreamEveryCommits = 1;
    private Duration downstreamInterval = Duration.ZERO;
    private Duration brokerTimeout = Duration.ofSeconds(60);
    private Duration lagAlert;

    private Builder(String bootstrapServers, String group) {
      this.bootstrapServers = bootstrapServers;
      this.group = group;
    }

    /**
     * Adds topics to read.
     *
     * @param names topic names
     * @return this builder
     */
    public Builder topics(String... names) {
      topics.addAll(List.of(names));
      return this;
    }

    /**
     * Reads every topic whose name matches a regular expression, including topics created later.
     *
     * @param regex the pattern
     * @return this builder
     */
    public Builder topicPattern(String regex) {
      setting("topicPattern", regex);
      this.topicPattern = regex;
      return this;
    }

    /**
     * Adds a client property passed through to the consumer, e.g. {@code security.protocol} or
     * {@code sasl.jaas.config}; the stream's own settings (group, deserializers, offsets) cannot be
     * overridden.
     *
     * @param key the property
     * @param value its value
     * @return this builder
     */
    public Builder property(String key, String value) {
      if (properties.containsKey(key)) {
        problems.add("property " + key + " is set twice; set it once");
      }
      properties.put(key, value);
      return this;
    }

    /**
     * Sets the largest message accepted; a larger one becomes a dead letter keeping its first
     * bytes. The default is 8 MiB.
     *
     * @param bytes the limit, at least 1 KiB
     * @return this builder
     */
    public Builder maxMessageBytes(int bytes) {
      setting("maxMessageBytes", bytes);
      this.maxMessageBytes = bytes;
      return this;
    }

    /**
     * Sets where partitions without a recorded offset start; the default is the earliest.
     *
     * @param position the position
     * @return this builder
     */
    public Builder startAt(StartPosition position) {
      setting("startAt", position);
      this.startPosition = Objects.requireNonNull(position, "position");
      return this;
    }

    /**
     * Sets when a batch commits: after this many records, message bytes, or time since its first
     * message, whichever comes first; a batch also commits when partitions are revoked and when the
     * stream closes. Defaults: 50,000 records, 32 MiB, 10 seconds.
     *
     * @param records records per commit, at least 1
     * @param bytes message bytes per commit, at least 1 KiB
     * @param interval the longest a message waits for its commit, more than zero
     * @return this builder
     */
    public Builder commitEvery(long records, long bytes, Duration interval) {
      setting("commitEvery", records + " records, " + bytes + " bytes, " + interval);
      this.commitRecords = records;
      this.commitBytes = bytes;
      this.commitInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Sets how many commits in a row may fail before the stream stops and throws; the default is 3.
     *
     * @param failures at least 1
     * @return this builder
     */
    public Builder maxFailedCommits(int failures) {
      setting("maxFailedCommits", failures);
      this.maxFailedCommits = failures;
      return this;
    }

    /**
     * Sets when the pipeline's silver and gold tables run after bronze commits: after this many
     * commits, or once this much time passed since they last ran, whichever comes first. The
     * default runs them after every commit.
     *
     * @param commits bronze commits between runs, at least 1
     * @param interval the longest wait between runs while commits arrive; zero for no time trigger
     * @return this builder
     */
    public Builder downstreamEvery(int commits, Duration interval) {
      setting("downstreamEvery", commits + " commits, " + interval);
      this.downstreamEveryCommits = commits;
      this.downstreamInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Sets how long the brokers may be unreachable before the stream stops with an exception; the
     * default is 60 seconds.
     *
     * @param timeout more than zero
     * @return this builder
     */
    public Builder brokerTimeout(Duration timeout) {
      setting("brokerTimeout", timeout);
      this.brokerTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Raises a {@code stream-lag} alert through the runtime's alert sinks when a table falls
     * further behind the topic than this (the time between its last commit or run and the newest
     * message timestamp it holds); one alert per table until its lag is back within the limit. Off
     * by default; the runtime needs {@code MedallionRuntime.Builder.alerts(...)}.
     *
     * <pre>{@code
     * KafkaStream.builder(brokers, "medallion").topics("users").lagAlert(Duration.ofMinutes(5));
     * }</pre>
     *
     * @param limit more than zero
     * @return this builder
     */
    public Builder lagAlert(Duration limit) {
      setting("lagAlert", limit);
      this.lagAlert = Objects.requireNonNull(limit, "limit");
      return this;
    }

    private void setting(String property, Object value) {
      if (!given.add(property)) {
        problems.add(property + " is set twice, the second time to " + value + "; set it once");
      }
    }

    /**
     * Validates and builds the definition.
     *
     * @return the stream
     * @throws io.medallion.ValidationException listing every problem
     */
    public KafkaStream build() {
      Problems all = new Problems();
      all.addAll(problems.messages());
      all.check(
          bootstrapServers != null && !bootstrapServers.isBlank(),
          "bootstrapServers is empty; give host:port of at least one broker");
      all.check(group != null && !group.isBlank(), "group is empty; name the consumer group");
      all.check(
          !topics.isEmpty() || topicPattern != null,
          "no topics: give topics(...) or topicPattern(...)");
      all.check(
          topics.isEmpty() || topicPattern == null,
          "both topics " + topics + " and topicPattern " + topicPattern + " given; give one");
      Set<String> distinct = new LinkedHashSet<>();
      for (String topic : topics) {
        all.check(
            topic != null && !topic.isBlank(), "topic name " + topic + " is blank; name a topic");
        all.check(distinct.add(topic), "topic " + topic + " is listed twice");
      }
      Optional<Pattern> pattern = Optional.empty();
      if (topicPattern != null) {
        try {
          pattern = Optional.of(Pattern.compile(topicPattern));
        } catch (PatternSyntaxException e) {
          all.add(
              "topicPattern "
                  + topicPattern
                  + " is not a regular expression: "
                  + e.getDescription());
        }
      }
      for (String key : properties.keySet()) {
        all.check(
            !MANAGED.contains(key),
            "property "
                + key
                + " is managed by the stream (offsets live in the bronze table); use the builder's"
                + " settings instead");
      }
      all.check(
          maxMessageBytes >= 1024, "maxMessageBytes must be at least 1024, got " + maxMessageBytes);
      all.check(commitRecords >= 1, "commitEvery records must be at least 1, got " + commitRecords);
      all.check(commitBytes >= 1024, "commitEvery bytes must be at least 1024, got " + commitBytes);
      all.check(
          commitInterval.compareTo(Duration.ZERO) > 0,
          "commitEvery interval must be more than zero, got " + commitInterval);
      all.check(
          maxFailedCommits >= 1, "maxFailedCommits must be at least 1, got " + maxFailedCommits);
      all.check(
          downstreamEveryCommits >= 1,
          "downstreamEvery commits must be at least 1, got " + downstreamEveryCommits);
      all.check(
          !downstreamInterval.isNegative(),
          "downstreamEvery interval must not be negative, got " + downstreamInterval);
      all.check(
          brokerTimeout.compareTo(Duration.ZERO) > 0,
          "brokerTimeout must be more than zero, got " + brokerTimeout);
      all.check(
          lagAlert == null || lagAlert.compareTo(Duration.ZERO) > 0,
          "lagAlert must be more than zero, got " + lagAlert);
      all.throwIfAny("kafka stream of group " + group);
      return new KafkaStream(this, pattern);
    }
  }
}
