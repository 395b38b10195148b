package org.disclosuredesk.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.disclosuredesk.common.DatabaseProduct;
import org.disclosuredesk.common.LikePattern;
import org.disclosuredesk.kernel.RequestStatus;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRowObserver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's search box, fast on ten years of requests: each word a clerk types must match the
 * request's tracking number or applicant name (from the start), its ID number or credit code
 * (whole), or a substring of its description, found through the pairs index dd_request_gram (V12,
 * {@link SearchGrams}) instead of reading every description. Keeps that index with every write of a
 * request's description. A word of one character has no pair, so it matches only a number or a name
 * from its start (a scan of every description is what this index is there to avoid). It joins
 * dd_request itself, the ledger search being an accepted exception to reading another feature's
 * tables only through its owner (issue #26): the index and the requests' columns are searched in
 * one statement.
 */
@Repository
public class LedgerSearchRepository implements RequestRowObserver {

  /** Words in one search; more narrows nothing a clerk needs and each costs a lookup. */
  public static final int MAX_TERMS = 5;

  /** Pairs of characters joined to find the candidates of a description search. */
  static final int MAX_PAIRS_JOINED = 8;

  private final JdbcClient jdbc;

  /**
   * The pairs of the description the writing thread is about to rewrite. One slot: a thread writes
   * one row at a time, and a write that failed between before and after leaves nothing behind once
   * the next one starts.
   */
  private final ThreadLocal<Previous> previous = new ThreadLocal<>();

  private record Previous(String requestId, Set<Long> grams) {}

  /** H2: prefix matches also carry a range (see {@link #startingWith}). */
  private final boolean prefixAsRange;

  public LedgerSearchRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.prefixAsRange = DatabaseProduct.of(dataSource) == DatabaseProduct.H2;
  }

  /**
   * {@code column} starts with {@code word}, with its parameters. H2 uses an index for {@code LIKE
   * ?} only at the top of a query, not inside the derived tables the search is made of: there it
   * read every request (208,628 rows, about 0.7 s at 200,000). A range on the same column it does
   * use, so on H2 the prefix is also given as one, in its binary order (the LIKE still decides).
   * MySQL/MariaDB use the index for the LIKE and compare by collation, for which such a range would
   * be wrong; so would it be on an H2 URL given a COLLATION or IGNORECASE (the shipped one has
   * neither).
   */
  private String startingWith(String column, String word, List<Object> params) {
    params.add(LikePattern.startingWith(word));
    String sql = column + " LIKE ? ESCAPE '!'";
    if (prefixAsRange && !word.isEmpty()) {
      sql += " AND " + column + " >= ?";
      params.add(word);
      String next = successor(word);
      if (next != null) {
        sql += " AND " + column + " < ?";
        params.add(next);
      }
    }
    return sql;
  }

  /**
   * The least string above every string starting with {@code prefix} (UTF-16 order), null if there
   * is none.
   */
  static String successor(String prefix) {
    StringBuilder b = new StringBuilder(prefix);
    while (b.length() > 0) {
      char last = b.charAt(b.length() - 1);
      if (last != Character.MAX_VALUE) {
        b.setCharAt(b.length() - 1, (char) (last + 1));
        return b.toString();
      }
      b.setLength(b.length() - 1);
    }
    return null;
  }

  /**
   * The words of a search, separated by white space (the ledger refuses more than {@link
   * #MAX_TERMS}).
   */
  public static List<String> terms(String q) {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    // any white space, also the full-width space a Chinese input method types
    return List.of(q.strip().split("\\p{javaWhitespace}+"));
  }

  /**
   * Joins restricting alias {@code r} (dd_request) to the requests matching every word, with their
   * parameters.
   */
  public record Match(String joins, List<Object> params) {}

  public Match matching(List<String> terms) {
    List<String> words = List.copyOf(new LinkedHashSet<>(terms));
    if (!words.isEmpty() && words.stream().noneMatch(this::matchesAField)) {
      return inDescription(words);
    }
    StringBuilder joins = new StringBuilder();
    List<Object> params = new ArrayList<>();
    int n = 0;
    for (String term : words) {
      n++;
      String whole = term.toUpperCase(Locale.ROOT);
      joins
          .append(" JOIN (SELECT id FROM dd_request WHERE ")
          .append(startingWith("tracking_number", term, params))
          .append(" UNION SELECT id FROM dd_request WHERE ")
          .append(startingWith("applicant_name", term, params))
          .append(" UNION SELECT id FROM dd_request WHERE applicant_id_number = ?")
          .append(" UNION SELECT id FROM dd_request WHERE applicant_credit_code = ?");
      params.addAll(List.of(whole, whole));
      Set<Long> grams = SearchGrams.of(term);
      if (!grams.isEmpty()) {
        // every pair of the word, then the word itself (its pairs could stand apart)
        joins.append(" UNION SELECT d.id FROM (");
        holdingPairs(grams, joins, params);
        joins.append(
            ") g JOIN dd_request d ON d.id = g.request_id WHERE LOWER(d.description) LIKE ? ESCAPE '!'");
        params.add(LikePattern.containing(term.toLowerCase(Locale.ROOT)));
      }
      joins.append(") m").append(n).append(" ON m").append(n).append(".id = r.id");
    }
    return new Match(joins.toString(), params);
  }

  /**
   * Words that are no number or name, the usual search ("朝阳区 征收补偿"): the requests holding the pairs
   * of all of them at once ({@link #holdingPairs}: few requests), then each word checked on those.
   * Per word, a union with the other fields would intersect thousands of requests per common word.
   */
  private Match inDescription(List<String> words) {
    List<List<Long>> perWord = new ArrayList<>();
    for (String w : words) {
      Set<Long> of = SearchGrams.of(w);
      if (of.isEmpty()) {
        // a single character that starts no number or name: nothing holds it (see the class
        // comment)
        return new Match(" JOIN dd_request none ON none.id = r.id AND 1 = 0", List.of());
      }
      perWord.add(List.copyOf(of));
    }
    StringBuilder joins = new StringBuilder(" JOIN (");
    List<Object> params = new ArrayList<>();
    holdingPairs(interleaved(perWord), joins, params);
    joins.append(") g ON g.request_id = r.id");
    for (String w : words) {
      joins.append(" AND LOWER(r.description) LIKE ? ESCAPE '!'");
      params.add(LikePattern.containing(w.toLowerCase(Locale.ROOT)));
    }
    return new Match(joins.toString(), params);
  }

  /**
   * The words' pairs taken in turn, one of each word ("朝阳区 征收补偿": 朝阳, 征收, 阳区, 收补, 补偿): the lookups
   * after the driving pair go first to another word's pair, which drops most candidates at once,
   * where a pair of the same word (阳区 after 朝阳) would keep them all (at 25,000 requests 4.0 ms →
   * 2.4 ms). The cap on joined pairs then also leaves every word some.
   */
  static Set<Long> interleaved(List<List<Long>> perWord) {
    Set<Long> out = new LinkedHashSet<>();
    int longest = perWord.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (List<Long> word : perWord) {
        if (i < word.size()) {
          out.add(word.get(i));
        }
      }
    }
    return out;
  }

  /**
   * Whether some request's tracking number or applicant name starts with the word, or its ID number
   * is it.
   */
  private boolean matchesAField(String word) {
    String whole = word.toUpperCase(Locale.ROOT);
    List<Object> params = new ArrayList<>();
    // four index lookups of one row each (an OR of the columns would read the table)
    String sql =
        "SELECT (SELECT COUNT(*) FROM (SELECT id FROM dd_request WHERE "
            + startingWith("tracking_number", word, params)
            + " LIMIT 1) a) + (SELECT COUNT(*) FROM (SELECT id FROM"
            + " dd_request WHERE "
            + startingWith("applicant_name", word, params)
            + " LIMIT 1) b) + (SELECT COUNT(*)"
            + " FROM (SELECT id FROM dd_request WHERE applicant_id_number = ? LIMIT 1) c) + (SELECT COUNT(*) FROM"
            + " (SELECT id FROM dd_request WHERE applicant_credit_code = ? LIMIT 1) d)";
    params.add(whole);
    params.add(whole);
    return jdbc.sql(sql).params(params).query(Long.class).single() > 0;
  }

  /**
   * The ids ({@code request_id}) of the requests whose descriptions hold all of {@code pairs}: one
   * join per pair, so the database drives from the rarest (its index statistics) and looks the
   * others up by primary key (a GROUP BY over every posting took 0.4 s at 200,000); DISTINCT keeps
   * it a table of its own, found before any request row is read. At most eight pairs: they narrow
   * enough, and the caller checks the words themselves.
   */
  private static void holdingPairs(Set<Long> grams, StringBuilder sql, List<Object> params) {
    List<Long> pairs = grams.stream().limit(MAX_PAIRS_JOINED).toList();
    sql.append("SELECT DISTINCT p0.request_id FROM dd_request_gram p0");
    for (int i = 1; i < pairs.size(); i++) {
      sql.append(" JOIN dd_request_gram p")
          .append(i)
          .append(" ON p")
          .append(i)
          .append(".gram = ? AND p")
          .append(i)
          .append(".request_id = p0.request_id");
    }
    sql.append(" WHERE p0.gram = ?");
    params.addAll(pairs.subList(1, pairs.size()));
    params.add(pairs.get(0));
  }

  /**
   * One page of the ledger, newest first, and the count of all it holds: {@code items, total, page,
   * size}. {@code overdue}: true for open requests past their due date on {@code today}, false for
   * the others, null for all.
   */
  public Page page(
      Collection<String> agencies,
      Integer year,
      String status,
      Boolean overdue,
      List<String> terms,
      LocalDate today,
      int page,
      int size) {
    Filter f = filter(agencies, year, status, overdue, terms, today);
    String from = f.from();
    List<Object> all = f.params();
    // with words, the page carries the count (the matching is done once); without, a count reads an
    // index and the page stops after its rows, so a window over every request would cost more than
    // it saves
    boolean windowed = !terms.isEmpty();
    List<Object> pageParams = new ArrayList<>(all);
    pageParams.add(size);
    pageParams.add((long) page * size);
    long[] counted = {-1};
    List<Hit> items =
        jdbc.sql(
                "SELECT r.id, r.tracking_number, r.status, r.received_on, r.due_on,"
                    + " r.outcome, r.concluded_on, r.topic, r.applicant_name, r.agency_code"
                    + (windowed ? ", COUNT(*) OVER () AS matching" : "")
                    + from
                    + " ORDER BY r.received_on DESC, r.tracking_number DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(
                (rs, i) -> {
                  if (windowed) {
                    counted[0] = rs.getLong("matching");
                  }
                  return new Hit(
                      rs.getString("id"),
                      rs.getString("tracking_number"),
                      rs.getString("status"),
                      rs.getObject("received_on", LocalDate.class),
                      rs.getObject("due_on", LocalDate.class),
                      rs.getString("outcome"),
                      rs.getObject("concluded_on", LocalDate.class),
                      rs.getString("topic"),
                      rs.getString("applicant_name"),
                      rs.getString("agency_code"));
                })
            .list();
    long total =
        counted[0] >= 0
            ? counted[0]
            : items.isEmpty() && page == 0 && windowed
                ? 0
                : jdbc.sql("SELECT COUNT(*)" + from).params(all).query(Long.class).single();
    return new Page(items, total, page, size);
  }

  /** One request of a ledger page, as the list and {@code GET /api/requests} show it. */
  public record Hit(
      String id,
      String trackingNumber,
      String status,
      LocalDate receivedOn,
      LocalDate dueOn,
      String outcome,
      LocalDate concludedOn,
      String topic,
      String applicantName,
      String agencyCode) {}

  /** One page of the ledger and the count of all the filters hold. */
  public record Page(List<Hit> items, long total, int page, int size) {}

  /**
   * The ids of every request the ledger's filters hold, newest first, at most {@code limit}: the
   * export.
   */
  public List<String> ids(
      Collection<String> agencies,
      Integer year,
      String status,
      Boolean overdue,
      List<String> terms,
      LocalDate today,
      int limit) {
    Filter f = filter(agencies, year, status, overdue, terms, today);
    List<Object> params = new ArrayList<>(f.params());
    params.add(limit);
    return jdbc.sql(
            "SELECT r.id"
                + f.from()
                + " ORDER BY r.received_on DESC, r.tracking_number DESC LIMIT ?")
        .params(params)
        .query(String.class)
        .list();
  }

  private record Filter(String from, List<Object> params) {}

  /** {@code agencies}: the agencies searched (DOMAIN.md §8), null for all of them. */
  private Filter filter(
      Collection<String> agencies,
      Integer year,
      String status,
      Boolean overdue,
      List<String> terms,
      LocalDate today) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (agencies != null) {
      if (agencies.isEmpty()) {
        where.append(" AND 1 = 0");
      } else {
        where
            .append(" AND r.agency_code IN (")
            .append(String.join(", ", Collections.nCopies(agencies.size(), "?")))
            .append(")");
        params.addAll(agencies);
      }
    }
    if (year != null) {
      where.append(" AND r.receipt_year = ?");
      params.add(year);
    }
    if (status != null) {
      where.append(" AND r.status = ?");
      params.add(status);
    }
    if (Boolean.TRUE.equals(overdue)) {
      // unqualified columns are r's: the joined word matches hold only an id
      where.append(" AND ").append(RequestRepository.OVERDUE);
      params.add(today);
    } else if (Boolean.FALSE.equals(overdue)) {
      where.append(" AND (r.status = ? OR r.due_on IS NULL OR r.due_on >= ?)");
      params.add(RequestStatus.CONCLUDED.name());
      params.add(today);
    }
    Match match = matching(terms);
    List<Object> all = new ArrayList<>(match.params());
    all.addAll(params);
    return new Filter(" FROM dd_request r" + match.joins() + where, all);
  }

  @Override
  public void beforeWrite(String requestId, boolean insert, Set<String> columns) {
    previous.remove();
    if (!insert && columns.contains("description")) {
      previous.set(new Previous(requestId, SearchGrams.of(description(requestId))));
    }
  }

  @Override
  public void afterWrite(String requestId, boolean insert, Set<String> columns) {
    if (!insert && !columns.contains("description")) {
      return;
    }
    Previous p = previous.get();
    previous.remove();
    Set<Long> before =
        insert || p == null || !p.requestId().equals(requestId) ? Set.of() : p.grams();
    Set<Long> now = SearchGrams.of(description(requestId));
    List<Long> gone = before.stream().filter(g -> !now.contains(g)).toList();
    List<Long> added = now.stream().filter(g -> !before.contains(g)).toList();
    if (!gone.isEmpty()) {
      jdbc.sql("DELETE FROM dd_request_gram WHERE request_id = :id AND gram IN (:grams)")
          .param("id", requestId)
          .param("grams", gone)
          .update();
    }
    insert(requestId, added);
  }

  /** Adds pairs for one request in one statement. */
  void insert(String requestId, List<Long> grams) {
    if (grams.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>(grams.size() * 2);
    for (Long g : grams) {
      params.add(g);
      params.add(requestId);
    }
    jdbc.sql(
            "INSERT INTO dd_request_gram (gram, request_id) VALUES "
                + String.join(", ", Collections.nCopies(grams.size(), "(?, ?)")))
        .params(params)
        .update();
  }

  private String description(String requestId) {
    return jdbc.sql("SELECT description FROM dd_request WHERE id = ?")
        .param(requestId)
        .query(String.class)
        .optional()
        .orElse("");
  }
}
