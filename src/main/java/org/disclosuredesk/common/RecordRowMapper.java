package org.disclosuredesk.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record by its components' snake_case column names. Spring's DataClassRowMapper
 * first asks for the lower-case name, which H2 answers with an exception it also writes to its
 * trace file: far too slow on the registration path.
 */
public final class RecordRowMapper<T extends Record> implements RowMapper<T> {

  private final Constructor<T> constructor;
  private final String[] columns;
  private final Class<?>[] types;

  public RecordRowMapper(Class<T> type) {
    RecordComponent[] components = type.getRecordComponents();
    columns = new String[components.length];
    types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      columns[i] = snake(components[i].getName());
      types[i] = components[i].getType();
    }
    try {
      constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true); // records nested in a feature class are package-private
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type + " has no canonical constructor", e);
    }
  }

  @Override
  public T mapRow(ResultSet rs, int rowNum) throws SQLException {
    Object[] args = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Object v = JdbcUtils.getResultSetValue(rs, rs.findColumn(columns[i]), types[i]);
      args[i] = v == null && types[i].isPrimitive() ? defaultOf(types[i]) : v;
    }
    try {
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot map a row to " + constructor.getDeclaringClass(), e);
    }
  }

  static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Object defaultOf(Class<?> t) {
    return t == boolean.class ? Boolean.FALSE : t == long.class ? 0L : t == double.class ? 0.0 : 0;
  }
}
