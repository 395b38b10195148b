package org.disclosuredesk.letters;

import java.util.List;
import java.util.Optional;
import org.disclosuredesk.common.RecordRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored letters ({@code dd_letter}): each version with its bytes, never overwritten. */
@Repository
public class LetterRepository {

  private static final RecordRowMapper<Letters.Letter> ROWS =
      new RecordRowMapper<>(Letters.Letter.class);

  private static final String COLUMNS =
      "id, request_id, series_id, seq, kind, source_id, template, title, version,"
          + " created_at, created_by";

  private final JdbcClient jdbc;

  public LetterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Letters.Letter letter, byte[] content) {
    jdbc.sql(
            "INSERT INTO dd_letter ("
                + COLUMNS
                + ", content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            letter.id(),
            letter.requestId(),
            letter.seriesId(),
            letter.seq(),
            letter.kind(),
            letter.sourceId(),
            letter.template(),
            letter.title(),
            letter.version(),
            letter.createdAt(),
            letter.createdBy(),
            content)
        .update();
  }

  /** The request's letters, every version, oldest first. */
  public List<Letters.Letter> list(String requestId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dd_letter WHERE request_id = ? ORDER BY seq")
        .param(requestId)
        .query(ROWS)
        .list();
  }

  public Optional<Letters.Letter> find(String requestId, String letterId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dd_letter WHERE id = ? AND request_id = ?")
        .params(letterId, requestId)
        .query(ROWS)
        .optional();
  }

  public byte[] content(String letterId) {
    return jdbc.sql("SELECT content FROM dd_letter WHERE id = ?")
        .param(letterId)
        .query((rs, i) -> rs.getBytes(1))
        .single();
  }
}
