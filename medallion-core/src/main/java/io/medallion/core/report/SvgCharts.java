package io.medallion.core.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report's charts as inline SVG, drawn from numbers alone so the page needs no script or
 * network. Value labels carry the same {@code data-metric} as the tables, so a test can check the
 * charts show the report's numbers too.
 */
final class SvgCharts {
  private static final int WIDTH = 720;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 24;
  private static final int BOTTOM = 40;
  private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;

  private SvgCharts() {}

  /** A labelled value; {@code metric} is the data-metric key of its label, or null for none. */
  record Bar(String label, String title, double value, String text, String metric) {}

  /** A point of the line chart; an empty value leaves a gap. */
  record Point(String label, String title, OptionalDouble value, String text, String metric) {}

  /** Vertical bars scaled to the largest value; colours go from red (left) to green (right). */
  static String columns(String ariaLabel, List<Bar> bars, String xTitle) {
    int plotHeight = 200;
    int height = TOP + plotHeight + BOTTOM + 16;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    double scale = max > 0 ? plotHeight / max : 0;
    double slot = (double) PLOT_WIDTH / bars.size();
    StringBuilder svg = open(ariaLabel, height);
    axes(svg, plotHeight);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double barHeight = bar.value() * scale;
      double x = LEFT + i * slot + 4;
      double y = TOP + plotHeight - barHeight;
      int hue = 120 * i / Math.max(1, bars.size() - 1);
      svg.append("<rect x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(num(y))
          .append("\" width=\"")
          .append(num(slot - 8))
          .append("\" height=\"")
          .append(num(barHeight))
          .append("\" fill=\"hsl(")
          .append(hue)
          .append(", 60%, 45%)\"><title>")
          .append(Html.escape(bar.title()))
          .append("</title></rect>");
      text(svg, x + (slot - 8) / 2, y - 6, "middle", "value", bar.text(), bar.metric());
      text(svg, x + (slot - 8) / 2, TOP + plotHeight + 16, "middle", "tick", bar.label(), null);
    }
    text(svg, LEFT + PLOT_WIDTH / 2.0, height - 6, "middle", "axis", xTitle, null);
    return svg.append("</svg>").toString();
  }

  /** One horizontal bar per value in [0, 1], green from 95 %, amber from 80 %, else red. */
  static String shareBars(String ariaLabel, List<Bar> bars) {
    int rowHeight = 28;
    int labelWidth = 220;
    int valueWidth = 64;
    int trackWidth = WIDTH - labelWidth - valueWidth - 16;
    int height = 8 + bars.size() * rowHeight;
    StringBuilder svg = open(ariaLabel, height);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = 8 + i * rowHeight;
      text(svg, labelWidth - 8, y + 15, "end", "label", shorten(bar.label(), 30), null);
      svg.append("<rect class=\"track\" x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(num(y + 2))
          .append("\" width=\"")
          .append(trackWidth)
          .append("\" height=\"18\"/>");
      svg.append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(num(y + 2))
          .append("\" width=\"")
          .append(num(bar.value() * trackWidth))
          .append("\" height=\"18\" class=\"")
          .append(bar.value() >= 0.95 ? "good" : bar.value() >= 0.8 ? "fair" : "poor")
          .append("\"><title>")
          .append(Html.escape(bar.title()))
          .append("</title></rect>");
      text(svg, labelWidth + trackWidth + 8, y + 15, "start", "value", bar.text(), bar.metric());
    }
    return svg.append("</svg>").toString();
  }

  /** A line over values in [0, 1]; points without a value are skipped. */
  static String line(String ariaLabel, List<Point> points) {
    int plotHeight = 180;
    int height = TOP + plotHeight + BOTTOM;
    StringBuilder svg = open(ariaLabel, height);
    for (int tick = 0; tick <= 4; tick++) {
      double y = TOP + plotHeight - tick * plotHeight / 4.0;
      svg.append("<line class=\"grid\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(LEFT + PLOT_WIDTH)
          .append("\" y1=\"")
          .append(num(y))
          .append("\" y2=\"")
          .append(num(y))
          .append("\"/>");
      text(
          svg,
          LEFT - 6,
          y + 4,
          "end",
          "tick",
          String.format(Locale.ROOT, "%.2f", tick / 4.0),
          null);
    }
    // Labelling every point of a long history would overlap; a dozen labels fit the width.
    int every = Math.max(1, (points.size() + 11) / 12);
    StringBuilder path = new StringBuilder();
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Point point = points.get(i);
      // Inset by half a date label, so the first and last labels are not clipped.
      double x =
          points.size() == 1
              ? LEFT + PLOT_WIDTH / 2.0
              : LEFT + 40 + i * (PLOT_WIDTH - 80.0) / (points.size() - 1);
      if (i % every == 0 || i == points.size() - 1) {
        text(marks, x, TOP + plotHeight + 16, "middle", "tick", point.label(), null);
      }
      if (point.value().isEmpty()) {
        continue;
      }
      double y = TOP + plotHeight - point.value().getAsDouble() * plotHeight;
      path.append(path.length() == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
      marks
          .append("<circle cx=\"")
          .append(num(x))
          .append("\" cy=\"")
          .append(num(y))
          .append("\" r=\"4\"")
          .append(i == points.size() - 1 ? " class=\"current\"" : "")
          .append("><title>")
          .append(Html.escape(point.title()))
          .append("</title></circle>");
      if (i % every == 0 || i == points.size() - 1) {
        text(marks, x, y - 9, "middle", "value", point.text(), point.metric());
      }
    }
    svg.append("<polyline class=\"series\" points=\"").append(path).append("\"/>");
    return svg.append(marks).append("</svg>").toString();
  }

  private static StringBuilder open(String ariaLabel, int height) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-label=\"")
        .append(Html.escape(ariaLabel))
        .append("\">");
  }

  private static void axes(StringBuilder svg, int plotHeight) {
    svg.append("<line class=\"axis-line\" x1=\"")
        .append(LEFT)
        .append("\" x2=\"")
        .append(LEFT + PLOT_WIDTH)
        .append("\" y1=\"")
        .append(TOP + plotHeight)
        .append("\" y2=\"")
        .append(TOP + plotHeight)
        .append("\"/>");
  }

  private static void text(
      StringBuilder svg,
      double x,
      double y,
      String anchor,
      String cssClass,
      String text,
      String metric) {
    svg.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" class=\"")
        .append(cssClass)
        .append('"');
    if (metric != null) {
      svg.append(" data-metric=\"").append(Html.escape(metric)).append('"');
    }
    svg.append('>').append(Html.escape(text)).append("</text>");
  }

  /** Shortens long labels so they stay left of the bars; the full text is in the tooltip. */
  private static String shorten(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
  }

  /** A coordinate; a non-finite one would be a bug, so it fails instead of drawing NaN. */
  private static String num(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException("Chart coordinate is not finite: " + value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
