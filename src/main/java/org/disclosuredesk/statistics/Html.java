package org.disclosuredesk.statistics;

import java.util.Comparator;
import java.util.List;

/** Printable HTML in the official layout; all text escaped (labels and topics may come from users). */
public final class Html {

  private Html() {}

  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  public static final String STYLE = """
      body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;margin:24px;color:#000}
      h1{font-size:20px;text-align:center}h2{font-size:16px;margin-top:24px}
      table.official{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
      table.official th,table.official td{border:1px solid #000;padding:3px 5px;text-align:center;vertical-align:middle}
      table.official td.label{text-align:left}
      p.paragraph{text-indent:2em;line-height:1.8}
      .alarm{border:3px solid #c00;background:#fee;color:#900;padding:8px;font-weight:bold}
      .note{color:#555;font-size:12px}
      table.official input{width:7em;text-align:center;font:inherit}
      .error{display:block;color:#c00;font-size:12px}
      @media print{.noprint{display:none}body{margin:0}@page{size:A4 landscape;margin:12mm}}
      """;

  /** One grid as a table; cells sorted by position, spans as rowspan/colspan. */
  public static String table(Grid g, String id) {
    StringBuilder s = new StringBuilder();
    s.append("<h2>").append(escape(g.title())).append("</h2>\n");
    s.append("<table class=\"official\" id=\"").append(id).append("\">\n");
    List<Grid.Cell> cells = g.cells().stream()
        .sorted(Comparator.comparingInt(Grid.Cell::row).thenComparingInt(Grid.Cell::col)).toList();
    int row = -1;
    for (Grid.Cell c : cells) {
      if (c.row() != row) {
        if (row >= 0) {
          s.append("</tr>\n");
        }
        row = c.row();
        s.append("<tr>");
      }
      String tag = c.header() ? "th" : "td";
      s.append('<').append(tag);
      if (c.rowSpan() > 1) {
        s.append(" rowspan=\"").append(c.rowSpan()).append('"');
      }
      if (c.colSpan() > 1) {
        s.append(" colspan=\"").append(c.colSpan()).append('"');
      }
      if (!c.header() && c.number() == null && c.col() < 3) {
        s.append(" class=\"label\"");
      }
      s.append('>').append(escape(c.text())).append("</").append(tag).append('>');
    }
    if (row >= 0) {
      s.append("</tr>\n");
    }
    s.append("</table>\n");
    return s.toString();
  }

  public static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + escape(title)
        + "</title><style>" + STYLE + "</style></head><body>\n" + body + "</body></html>\n";
  }
}
