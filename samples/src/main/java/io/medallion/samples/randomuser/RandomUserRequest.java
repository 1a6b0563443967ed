package io.medallion.samples.randomuser;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLEncoder;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parameters of one request to the RandomUser API; every parameter is optional. Immutable.
 *
 * <pre>{@code
 * RandomUserRequest request =
 *     RandomUserRequest.builder()
 *         .results(500)
 *         .seed("medallion")
 *         .page(2)
 *         .nat(List.of("us", "gb"))
 *         .version("1.4")
 *         .build();
 * request.queryString(); // "results=500&page=2&seed=medallion&nat=us,gb"
 * }</pre>
 */
public final class RandomUserRequest {

  /** The most results the API returns in one response. */
  public static final int MAX_RESULTS = 5_000;

  /** The nationality codes the API 1.4 knows, in upper case. */
  public static final SortedSet<String> NATIONALITIES =
      Collections.unmodifiableSortedSet(
          new TreeSet<>(Nationalities.ALL.stream().map(Nationality::code).toList()));

  /** The field names that {@code inc} and {@code exc} accept. */
  public static final SortedSet<String> FIELDS =
      Collections.unmodifiableSortedSet(
          new TreeSet<>(
              List.of(
                  "gender",
                  "name",
                  "location",
                  "email",
                  "login",
                  "registered",
                  "dob",
                  "phone",
                  "cell",
                  "id",
                  "picture",
                  "nat")));

  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");

  private final Integer results;
  private final Integer page;
  private final String seed;
  private final List<String> nat;
  private final List<String> inc;
  private final List<String> exc;
  private final String version;

  private RandomUserRequest(Builder builder) {
    this.results = builder.results;
    this.page = builder.page;
    this.seed = builder.seed;
    this.nat = builder.nat;
    this.inc = builder.inc;
    this.exc = builder.exc;
    this.version = builder.version;
  }

  /**
   * A builder with no parameters set, which asks the API for one random user.
   *
   * <pre>{@code
   * RandomUserRequest request = RandomUserRequest.builder().results(10).build();
   * }</pre>
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this request's parameters, to derive a changed copy.
   *
   * <pre>{@code
   * RandomUserRequest next = request.toBuilder().page(request.page().orElse(1) + 1).build();
   * }</pre>
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.results = results;
    builder.page = page;
    builder.seed = seed;
    builder.nat = nat;
    builder.inc = inc;
    builder.exc = exc;
    builder.version = version;
    return builder;
  }

  /**
   * How many users to ask for, for example {@code 5000}.
   *
   * @return the {@code results} parameter, if set
   */
  public OptionalInt results() {
    return results == null ? OptionalInt.empty() : OptionalInt.of(results);
  }

  /**
   * Which page of a seed's users to ask for, for example {@code 2}.
   *
   * @return the {@code page} parameter, if set
   */
  public OptionalInt page() {
    return page == null ? OptionalInt.empty() : OptionalInt.of(page);
  }

  /**
   * The seed that makes the API's answer repeatable, for example {@code "medallion"}.
   *
   * @return the {@code seed} parameter, if set
   */
  public Optional<String> seed() {
    return Optional.ofNullable(seed);
  }

  /**
   * The nationalities to draw from, in upper case, for example {@code [US, GB]}.
   *
   * @return the {@code nat} parameter; empty means all
   */
  public List<String> nat() {
    return nat;
  }

  /**
   * The only fields to include, for example {@code [name, email]}.
   *
   * @return the {@code inc} parameter; empty means all
   */
  public List<String> inc() {
    return inc;
  }

  /**
   * The fields to leave out, for example {@code [login, picture]}.
   *
   * @return the {@code exc} parameter; empty means none
   */
  public List<String> exc() {
    return exc;
  }

  /**
   * The API version to ask for, for example {@code "1.4"}; it becomes a path segment, as in {@code
   * https://randomuser.me/api/1.4/}.
   *
   * @return the version, if set
   */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /**
   * The URL-encoded query string, without the {@code ?}: parameters in the order {@code results},
   * {@code page}, {@code seed}, {@code nat} (in lower case, as the API documents it), {@code inc},
   * {@code exc}, with list values separated by commas.
   *
   * <pre>{@code
   * RandomUserRequest.builder().results(10).seed("a b").build().queryString();
   * // "results=10&seed=a+b"
   * }</pre>
   *
   * @return the query string, empty if no parameter is set
   */
  public String queryString() {
    StringJoiner query = new StringJoiner("&");
    if (results != null) {
      query.add("results=" + results);
    }
    if (page != null) {
      query.add("page=" + page);
    }
    if (seed != null) {
      query.add("seed=" + encode(seed));
    }
    addList(query, "nat", nat.stream().map(code -> code.toLowerCase(Locale.ROOT)).toList());
    addList(query, "inc", inc);
    addList(query, "exc", exc);
    return query.toString();
  }

  /**
   * Returns the full request URI under a base URI.
   *
   * <pre>{@code
   * request.toUri(URI.create("https://randomuser.me/api/")); // https://randomuser.me/api/1.4/?results=...
   * }</pre>
   *
   * @param baseUri the API root; must end with a slash
   * @return the request URI
   */
  public URI toUri(URI baseUri) {
    URI versioned = version == null ? baseUri : baseUri.resolve(version + "/");
    String query = queryString();
    return query.isEmpty() ? versioned : URI.create(versioned + "?" + query);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RandomUserRequest that
        && Objects.equals(results, that.results)
        && Objects.equals(page, that.page)
        && Objects.equals(seed, that.seed)
        && nat.equals(that.nat)
        && inc.equals(that.inc)
        && exc.equals(that.exc)
        && Objects.equals(version, that.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(results, page, seed, nat, inc, exc, version);
  }

  @Override
  public String toString() {
    return "RandomUserRequest{"
        + (version == null ? "" : "version=" + version + ", ")
        + "query="
        + queryString()
        + "}";
  }

  private static void addList(StringJoiner query, String name, List<String> values) {
    if (!values.isEmpty()) {
      StringJoiner joined = new StringJoiner(",");
      values.forEach(value -> joined.add(encode(value)));
      query.add(name + "=" + joined);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  /**
   * Builds a {@link RandomUserRequest}; each setter checks its value at once. Setters of lists
   * replace the previous list.
   *
   * <pre>{@code
   * RandomUserRequest request =
   *     RandomUserRequest.builder().results(100).nat(List.of("fr")).exc(List.of("login")).build();
   * }</pre>
   */
  public static final class Builder {
    private Integer results;
    private Integer page;
    private String seed;
    private List<String> nat = List.of();
    private List<String> inc = List.of();
    private List<String> exc = List.of();
    private String version;

    private Builder() {}

    /**
     * Sets how many users to ask for, for example {@code results(5000)}.
     *
     * @param results from 1 to {@value RandomUserRequest#MAX_RESULTS}
     * @return this builder
     * @throws IllegalArgumentException if {@code results} is out of range
     */
    public Builder results(int results) {
      if (results < 1 || results > MAX_RESULTS) {
        throw new IllegalArgumentException(
            "results must be between 1 and " + MAX_RESULTS + ", got " + results);
      }
      this.results = results;
      return this;
    }

    /**
     * Sets which page of the seed's users to ask for, for example {@code page(2)}.
     *
     * @param page from 1
     * @return this builder
     * @throws IllegalArgumentException if {@code page} is below 1
     */
    public Builder page(int page) {
      if (page < 1) {
        throw new IllegalArgumentException("page must be at least 1, got " + page);
      }
      this.page = page;
      return this;
    }

    /**
     * Sets the seed that makes the answer repeatable, for example {@code seed("medallion")}.
     *
     * @param seed any text that is not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code seed} is blank
     */
    public Builder seed(String seed) {
      Objects.requireNonNull(seed, "seed");
      if (seed.isBlank()) {
        throw new IllegalArgumentException("seed must not be blank, got '" + seed + "'");
      }
      this.seed = seed;
      return this;
    }

    /**
     * Sets the nationalities to draw from, for example {@code nat(List.of("us", "GB"))}; case does
     * not matter and repeats are dropped.
     *
     * @param nationalities codes from {@link RandomUserRequest#NATIONALITIES}; empty means all
     * @return this builder
     * @throws IllegalArgumentException if a code is unknown
     */
    public Builder nat(Collection<String> nationalities) {
      Set<String> codes = new LinkedHashSet<>();
      for (String code : nationalities) {
        String upper = Objects.requireNonNull(code, "nat code").toUpperCase(Locale.ROOT);
        if (!NATIONALITIES.contains(upper)) {
          throw new IllegalArgumentException(
              "nat must be one of " + String.join(", ", NATIONALITIES) + ", got " + code);
        }
        codes.add(upper);
      }
      this.nat = List.copyOf(codes);
      return this;
    }

    /**
     * Sets the only fields to include, for example {@code inc(List.of("name", "email"))}.
     *
     * @param fields names from {@link RandomUserRequest#FIELDS}; empty means all
     * @return this builder
     * @throws IllegalArgumentException if a field is unknown
     */
    public Builder inc(Collection<String> fields) {
      this.inc = fields("inc", fields);
      return this;
    }

    /**
     * Sets the fields to leave out, for example {@code exc(List.of("login"))}.
     *
     * @param fields names from {@link RandomUserRequest#FIELDS}; empty means none
     * @return this builder
     * @throws IllegalArgumentException if a field is unknown
     */
    public Builder exc(Collection<String> fields) {
      this.exc = fields("exc", fields);
      return this;
    }

    /**
     * Sets the API version to ask for, for example {@code version("1.4")}.
     *
     * @param version a version such as {@code 1.4}
     * @return this builder
     * @throws IllegalArgumentException if {@code version} is not two numbers joined by a dot
     */
    public Builder version(String version) {
      Objects.requireNonNull(version, "version");
      if (!VERSION.matcher(version).matches()) {
        throw new IllegalArgumentException("version must look like 1.4, got '" + version + "'");
      }
      this.version = version;
      return this;
    }

    /**
     * Builds the request; the builder can be reused.
     *
     * @return an immutable request
     */
    public RandomUserRequest build() {
      return new RandomUserRequest(this);
    }

    private static List<String> fields(String parameter, Collection<String> fields) {
      Set<String> names = new LinkedHashSet<>();
      for (String field : fields) {
        if (!FIELDS.contains(field)) {
          throw new IllegalArgumentException(
              parameter + " field must be one of " + String.join(", ", FIELDS) + ", got " + field);
        }
        names.add(field);
      }
      return List.copyOf(names);
    }
  }
}
