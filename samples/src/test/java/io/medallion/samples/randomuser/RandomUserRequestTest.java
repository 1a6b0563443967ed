package io.medallion.samples.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomUserRequestTest {

  private static final URI BASE = URI.create("https://randomuser.me/api/");

  @Test
  void queryString_allParameters_renderedInOrderAndEncoded() {
    RandomUserRequest request =
        RandomUserRequest.builder()
            .version("1.4")
            .exc(List.of("login", "picture"))
            .inc(List.of("name", "email", "login"))
            .nat(List.of("us", "GB", "US"))
            .seed("a b&c")
            .page(2)
            .results(50)
            .build();

    assertThat(request.queryString())
        .isEqualTo(
            "results=50&page=2&seed=a+b%26c&nat=us,gb&inc=name,email,login&exc=login,picture");
    assertThat(request.nat()).containsExactly("US", "GB");
  }

  @Test
  void queryString_noParameters_isEmpty() {
    assertThat(RandomUserRequest.builder().build().queryString()).isEmpty();
  }

  @Test
  void toUri_withVersion_addsPathSegmentBeforeQuery() {
    RandomUserRequest request = RandomUserRequest.builder().version("1.4").results(10).build();

    assertThat(request.toUri(BASE))
        .isEqualTo(URI.create("https://randomuser.me/api/1.4/?results=10"));
  }

  @Test
  void toUri_withoutParameters_isTheBase() {
    assertThat(RandomUserRequest.builder().build().toUri(BASE)).isEqualTo(BASE);
  }

  @Test
  void toBuilder_unchanged_buildsEqualRequest() {
    RandomUserRequest request =
        RandomUserRequest.builder().results(5).seed("x").nat(List.of("fr")).build();

    assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(request.toBuilder().page(2).build()).isNotEqualTo(request);
  }

  @Test
  void results_zero_throwsNamingValueAndRange() {
    assertThatThrownBy(() -> RandomUserRequest.builder().results(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results must be between 1 and 5000, got 0");
  }

  @Test
  void results_aboveApiLimit_throws() {
    assertThatThrownBy(() -> RandomUserRequest.builder().results(5_001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("results must be between 1 and 5000, got 5001");
  }

  @Test
  void page_zero_throws() {
    assertThatThrownBy(() -> RandomUserRequest.builder().page(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be at least 1, got 0");
  }

  @Test
  void seed_blank_throws() {
    assertThatThrownBy(() -> RandomUserRequest.builder().seed(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seed must not be blank, got ' '");
  }

  @Test
  void nat_unknownCode_throwsListingAllowedCodes() {
    assertThatThrownBy(() -> RandomUserRequest.builder().nat(List.of("us", "xx")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "nat must be one of AU, BR, CA, CH, DE, DK, ES, FI, FR, GB, IE, IN, IR, MX, NL, NO, NZ,"
                + " RS, TR, UA, US, got xx");
  }

  @Test
  void inc_unknownField_throwsListingAllowedFields() {
    assertThatThrownBy(() -> RandomUserRequest.builder().inc(List.of("age")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "inc field must be one of cell, dob, email, gender, id, location, login, name, nat,"
                + " phone, picture, registered, got age");
  }

  @Test
  void version_notDotted_throws() {
    assertThatThrownBy(() -> RandomUserRequest.builder().version("latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("version must look like 1.4, got 'latest'");
  }
}
