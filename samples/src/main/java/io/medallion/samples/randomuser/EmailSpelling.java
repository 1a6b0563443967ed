package io.medallion.samples.randomuser;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Spells a name the way the API does in e-mail addresses: lower case, accents dropped, spaces
 * removed, hyphens kept ({@code "Van den Eertwegh"} becomes {@code "vandeneertwegh"}), and Persian
 * letters transliterated without vowels ({@code "احسان"} becomes {@code "hsn"}).
 */
final class EmailSpelling {

  /** Letters that do not decompose into an ASCII letter plus accents. */
  private static final Map<Character, String> LETTERS =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('ø', "o"),
          Map.entry('đ', "d"),
          Map.entry('ı', "i"),
          Map.entry('æ', "ae"),
          Map.entry('œ', "oe"),
          Map.entry('ł', "l"),
          // Persian, as the API transliterates it: alef is silent, keheh is "kh".
          Map.entry('ا', ""),
          Map.entry('آ', "a"),
          Map.entry('ع', "aa"),
          Map.entry('ب', "b"),
          Map.entry('پ', "p"),
          Map.entry('ت', "t"),
          Map.entry('ث', "th"),
          Map.entry('ج', "j"),
          Map.entry('چ', "ch"),
          Map.entry('ح', "h"),
          Map.entry('خ', "kh"),
          Map.entry('د', "d"),
          Map.entry('ذ', "dh"),
          Map.entry('ر', "r"),
          Map.entry('ز', "z"),
          Map.entry('ژ', "j"),
          Map.entry('س', "s"),
          Map.entry('ش', "sh"),
          Map.entry('ص', "s"),
          Map.entry('ض', "d"),
          Map.entry('ط', "t"),
          Map.entry('ظ', "z"),
          Map.entry('غ', "g"),
          Map.entry('ف', "f"),
          Map.entry('ق', "q"),
          Map.entry('ك', "k"),
          Map.entry('ک', "kh"),
          Map.entry('گ', "g"),
          Map.entry('ل', "l"),
          Map.entry('م', "m"),
          Map.entry('ن', "n"),
          Map.entry('و', "w"),
          Map.entry('ه', "h"),
          Map.entry('ي', "y"),
          Map.entry('ی', "y"));

  private EmailSpelling() {}

  static String of(String name) {
    StringBuilder mapped = new StringBuilder(name.length());
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      String replacement = LETTERS.get(c);
      if (replacement != null) {
        mapped.append(replacement);
      } else {
        mapped.append(c);
      }
    }
    String decomposed = Normalizer.normalize(mapped, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (char c : decomposed.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
