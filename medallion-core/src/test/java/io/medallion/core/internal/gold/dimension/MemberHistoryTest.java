package io.medallion.core.internal.gold.dimension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemberHistoryTest {

  private static Observation seen(long at, String email, String name) {
    return new Observation(at, new Object[] {email}, new Object[] {name});
  }

  /** Each version as "from-to email name", to compare a history in one assertion. */
  private static List<String> render(List<Version> versions) {
    return versions.stream()
        .map(v -> v.from() + ".." + v.lastSeen() + " " + v.tracked()[0] + " " + v.attributes()[0])
        .toList();
  }

  private static MemberHistory of(Observation... observations) {
    MemberHistory history = new MemberHistory();
    for (Observation observation : observations) {
      history.observe(observation);
    }
    return history;
  }

  @Test
  void versions_trackedChange_startsANewVersion() {
    MemberHistory history = of(seen(10, "a@x", "Ada"), seen(20, "b@x", "Ada"));

    assertThat(render(history.versions())).containsExactly("10..10 a@x Ada", "20..20 b@x Ada");
  }

  @Test
  void versions_untrackedChange_updatesTheVersionItFallsIn() {
    MemberHistory history = of(seen(10, "a@x", "Ada"), seen(20, "a@x", "Ada Lovelace"));

    assertThat(render(history.versions())).containsExactly("10..20 a@x Ada Lovelace");
  }

  @Test
  void versions_lateChange_splitsThePeriodItBelongsTo() {
    MemberHistory history =
        of(seen(10, "a@x", "Ada"), seen(30, "c@x", "Ada"), seen(20, "b@x", "Ada"));

    assertThat(render(history.versions()))
        .containsExactly("10..10 a@x Ada", "20..20 b@x Ada", "30..30 c@x Ada");
  }

  @Test
  void versions_lateChangeBeforeARepeat_endsWhereTheOldValuesWereSeenAgain() {
    // a@x seen at 10 and again at 40: a late b@x at 20 holds until a@x was seen again.
    MemberHistory stored = of(seen(10, "a@x", "Ada"), seen(40, "a@x", "Ada"));
    Version only = stored.versions().get(0);
    MemberHistory history = new MemberHistory();
    history.observeStored(only.from(), only.lastSeen(), only.tracked(), only.attributes());
    history.observe(seen(20, "b@x", "Ada"));

    assertThat(render(history.versions()))
        .containsExactly("10..10 a@x Ada", "20..20 b@x Ada", "40..40 a@x Ada");
  }

  @Test
  void versions_storedVersionsFedBackWithTheSameRow_areUnchanged() {
    List<Version> first =
        of(seen(10, "a@x", "Ada"), seen(15, "a@x", "Ada L"), seen(20, "b@x", "Ada L")).versions();
    MemberHistory again = new MemberHistory();
    for (Version version : first) {
      again.observeStored(
          version.from(), version.lastSeen(), version.tracked(), version.attributes());
    }
    again.observe(seen(20, "b@x", "Ada L"));

    assertThat(render(again.versions())).isEqualTo(render(first));
  }

  @Test
  void versions_olderRowInsideAVersion_keepsTheNewerAttributes() {
    MemberHistory history = new MemberHistory();
    history.observeStored(10, 30, new Object[] {"a@x"}, new Object[] {"Ada Lovelace"});
    history.observe(seen(20, "a@x", "Ada"));

    assertThat(render(history.versions())).containsExactly("10..30 a@x Ada Lovelace");
  }

  @Test
  void versions_twoStatesAtOneInstant_keepOneVersionChosenByValue() {
    MemberHistory history = of(seen(10, "b@x", "Ada"), seen(10, "a@x", "Ada"));
    MemberHistory reversed = of(seen(10, "a@x", "Ada"), seen(10, "b@x", "Ada"));

    assertThat(render(history.versions())).containsExactly("10..10 b@x Ada");
    assertThat(render(reversed.versions())).isEqualTo(render(history.versions()));
  }
}
