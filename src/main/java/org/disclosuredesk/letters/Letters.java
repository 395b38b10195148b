package org.disclosuredesk.letters;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.disclosuredesk.common.BusinessClock;
import org.disclosuredesk.common.ConflictException;
import org.disclosuredesk.common.NotFoundException;
import org.disclosuredesk.request.RequestRepository;
import org.disclosuredesk.request.RequestRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of a request ({@code dd_letter}): generated from the request's data, stored with
 * their bytes, one series per letter (kind + the consultation or fee notice it is about) whose
 * versions are never overwritten.
 */
@Service
public class Letters {

  /** One stored version, without its bytes. */
  public record Letter(
      String id,
      String requestId,
      String seriesId,
      int seq,
      String kind,
      String sourceId,
      String template,
      String title,
      int version,
      LocalDateTime createdAt,
      String createdBy) {

    /** 政府信息公开申请答复书-2026-0001-第1版.docx */
    public String fileName(String trackingNumber) {
      return title + "-" + trackingNumber + "-第" + version + "版.docx";
    }

    /**
     * What the API and the request's view show of it: {@code {id, kind, title, version, createdAt,
     * createdBy}}.
     */
    public Summary summary() {
      return new Summary(id, kind, title, version, createdAt, createdBy);
    }
  }

  /** A letter as {@code GET /api/requests/{id}/letters} lists it. */
  public record Summary(
      String id,
      String kind,
      String title,
      int version,
      LocalDateTime createdAt,
      String createdBy) {}

  private final LetterRepository letters;
  private final RequestRepository requests;
  private final LetterContent content;
  private final LetterRenderer renderer;
  private final BusinessClock clock;

  public Letters(
      LetterRepository letters,
      RequestRepository requests,
      LetterContent content,
      LetterRenderer renderer,
      BusinessClock clock) {
    this.letters = letters;
    this.requests = requests;
    this.content = content;
    this.renderer = renderer;
    this.clock = clock;
  }

  /**
   * Generates the letter from the request's current data as the next version of its series (a first
   * version when there is none yet). Runs in the caller's transaction, which holds the request's
   * row lock.
   */
  public Optional<Letter> generate(
      String requestId, LetterKind kind, String sourceId, String actor) {
    RequestRow row = requests.get(requestId);
    return content
        .prepare(kind, sourceId, row)
        .map(
            p -> {
              byte[] docx = renderer.render(row.agencyCode(), p.template(), p.tags());
              // one read of the request's letters gives both the series' latest version and the
              // next number
              List<Letter> all = list(requestId);
              Optional<Letter> previous =
                  all.stream()
                      .filter(
                          l ->
                              l.kind().equals(p.kind().name())
                                  && java.util.Objects.equals(l.sourceId(), sourceId))
                      .reduce((a, b) -> b);
              String series =
                  previous.map(Letter::seriesId).orElseGet(() -> UUID.randomUUID().toString());
              int version = previous.map(l -> l.version() + 1).orElse(1);
              int seq = all.stream().mapToInt(Letter::seq).max().orElse(0) + 1;
              String id = UUID.randomUUID().toString();
              // whole seconds, as the DATETIME column keeps them on every database
              LocalDateTime createdAt =
                  LocalDateTime.ofInstant(clock.now(), clock.zone()).withNano(0);
              Letter letter =
                  new Letter(
                      id,
                      requestId,
                      series,
                      seq,
                      p.kind().name(),
                      sourceId,
                      p.template(),
                      p.title(),
                      version,
                      createdAt,
                      actor);
              letters.insert(letter, docx);
              return letter;
            });
  }

  /**
   * A new version of an existing letter, from the data as it is now (earlier versions are kept).
   */
  @Transactional
  public Letter regenerate(String requestId, String letterId, String actor) {
    Letter letter = get(requestId, letterId);
    requests.lock(requestId);
    return generate(requestId, LetterKind.valueOf(letter.kind()), letter.sourceId(), actor)
        .orElseThrow(() -> new ConflictException("该文书所依据的数据已不存在，无法重新生成"));
  }

  public List<Letter> list(String requestId) {
    return letters.list(requestId);
  }

  public Letter get(String requestId, String letterId) {
    if (letterId == null || letterId.length() > 36) {
      throw new NotFoundException("没有这个文书：" + letterId);
    }
    return letters
        .find(requestId, letterId)
        .orElseThrow(() -> new NotFoundException("没有这个文书：" + letterId));
  }

  public byte[] content(String letterId) {
    return letters.content(letterId);
  }

  /** The newest letter (latest version) that travels with this mail kind, if any. */
  public Optional<Letter> latestForMail(String requestId, String mailKind) {
    return list(requestId).stream()
        .filter(l -> LetterKind.valueOf(l.kind()).travelsWith(mailKind))
        .reduce((a, b) -> b);
  }
}
