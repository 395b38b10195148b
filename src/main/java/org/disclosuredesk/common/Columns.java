package org.disclosuredesk.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The column values of one INSERT or UPDATE, in the order set. Column names are spliced into the
 * SQL, so each is checked as a plain identifier when it is set; values are always bound as
 * parameters. The one helper every repository writes its rows with.
 */
public final class Columns {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final Map<String, Object> values = new LinkedHashMap<>();

  public static Columns of(String column, Object value) {
    return new Columns().set(column, value);
  }

  /** Sets (or replaces) one column's value; null writes SQL NULL. */
  public Columns set(String column, Object value) {
    if (column == null || !NAME.matcher(column).matches()) {
      throw new IllegalArgumentException("not a column name: " + column);
    }
    values.put(column, value);
    return this;
  }

  /** Every column of the other set, after this one's. */
  public Columns setAll(Columns other) {
    other.values.forEach(this::set);
    return this;
  }

  public boolean has(String column) {
    return values.containsKey(column);
  }

  public Object get(String column) {
    return values.get(column);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** The values by column name, for binding as named parameters (:column). */
  public Map<String, Object> parameters() {
    return Collections.unmodifiableMap(values);
  }

  /** {@code INSERT INTO table (a, b) VALUES (:a, :b)}. */
  public String insertInto(String table) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", values.keySet())
        + ") VALUES ("
        + values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "))
        + ")";
  }

  /** {@code a = :a, b = :b}, for an UPDATE's SET clause. */
  public String assignments() {
    return values.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
  }
}
