package io.medallion.samples.randomuser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Draws the {@code login} object: a version 4 uuid, an adjective-animal-number username, a common
 * password, an 8-character salt, and the MD5, SHA-1 and SHA-256 of password followed by salt, which
 * is what the API hashes. One instance reuses its digests, so it belongs to one thread.
 */
final class Logins {

  private static final List<String> ADJECTIVES =
      List.of(
          "beautiful",
          "big",
          "black",
          "blue",
          "brown",
          "crazy",
          "golden",
          "green",
          "happy",
          "heavy",
          "lazy",
          "orange",
          "organic",
          "purple",
          "red",
          "sad",
          "silver",
          "ticklish",
          "tiny",
          "white",
          "yellow");
  private static final List<String> ANIMALS =
      List.of(
          "bear",
          "bird",
          "butterfly",
          "cat",
          "dog",
          "duck",
          "elephant",
          "fish",
          "frog",
          "goose",
          "gorilla",
          "koala",
          "ladybug",
          "leopard",
          "lion",
          "meercat",
          "monkey",
          "mouse",
          "ostrich",
          "panda",
          "peacock",
          "rabbit",
          "snake",
          "swan",
          "tiger",
          "wolf",
          "zebra");
  private static final List<String> PASSWORDS =
      List.of(
          "0420",
          "2626",
          "963852",
          "a1b2c3d4",
          "airforce",
          "bluebell",
          "country",
          "disco",
          "dreamer",
          "drowssap",
          "fishing",
          "fossil",
          "ghost1",
          "giggles",
          "goodtime",
          "hannah1",
          "hippo",
          "ironman",
          "iverson3",
          "jake",
          "karma",
          "killkill",
          "links",
          "lucas1",
          "mariner",
          "mikemike",
          "monaco",
          "morgan1",
          "native",
          "niners",
          "nomad",
          "pasadena",
          "pepito",
          "perfect",
          "photoes",
          "printer",
          "ravens",
          "rockstar",
          "roger",
          "sawyer",
          "season",
          "slow",
          "susan",
          "testing1",
          "think",
          "trucker",
          "wayne1",
          "wilson",
          "wood",
          "yaya",
          "zaqwsx",
          "zzzz");
  private static final String SALT_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final MessageDigest md5 = digest("MD5");
  private final MessageDigest sha1 = digest("SHA-1");
  private final MessageDigest sha256 = digest("SHA-256");

  void fill(Person person, SplittableRandom random) {
    person.uuid = uuid(random.nextLong(), random.nextLong());
    person.username =
        ADJECTIVES.get(random.nextInt(ADJECTIVES.size()))
            + ANIMALS.get(random.nextInt(ANIMALS.size()))
            + (100 + random.nextInt(900));
    person.password = PASSWORDS.get(random.nextInt(PASSWORDS.size()));
    char[] salt = new char[8];
    for (int i = 0; i < salt.length; i++) {
      salt[i] = SALT_CHARACTERS.charAt(random.nextInt(SALT_CHARACTERS.length()));
    }
    person.salt = new String(salt);
    byte[] salted = (person.password + person.salt).getBytes(StandardCharsets.UTF_8);
    person.md5 = hex(md5.digest(salted));
    person.sha1 = hex(sha1.digest(salted));
    person.sha256 = hex(sha256.digest(salted));
  }

  private static String uuid(long high, long low) {
    long versioned = (high & ~0xF000L) | 0x4000L;
    long variant = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(versioned, variant).toString();
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5, SHA-1 and SHA-256.
      throw new IllegalStateException("Cannot create " + algorithm + " digest", e);
    }
  }
}
