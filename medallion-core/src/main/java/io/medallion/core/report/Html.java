package io.medallion.core.report;

/** HTML and SVG text escaping. Report text comes from data, so nothing is written unescaped. */
final class Html {
  private Html() {}

  /** Escapes text for element content and quoted attribute values, in HTML and inline SVG. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
