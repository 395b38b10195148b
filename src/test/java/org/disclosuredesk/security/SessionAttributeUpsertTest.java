package org.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one session, each loading it before the other saved, that add the same attribute:
 * both are stored, the later one wins, and neither fails on the attributes table's key (on H2 and,
 * with -Pmysql, on MariaDB).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionAttributeUpsertTest {

  @Autowired JdbcIndexedSessionRepository sessions;

  @Test
  void anAttributeTwoRequestsAddAtOnceIsStoredNotRefused() {
    assertThat(twoRequestsAdd(sessions, "authenticatedUser")).isEqualTo("from the second request");
  }

  /** What the session holds after two interleaved requests both added {@code name}. */
  private static <S extends Session> String twoRequestsAdd(SessionRepository<S> repo, String name) {
    S created = repo.createSession();
    repo.save(created);
    try {
      S first = repo.findById(created.getId());
      S second = repo.findById(created.getId());
      first.setAttribute(name, "from the first request");
      second.setAttribute(name, "from the second request");
      repo.save(first);
      repo.save(second); // without the upsert: DuplicateKeyException
      return repo.findById(created.getId()).getAttribute(name);
    } finally {
      repo.deleteById(created.getId());
    }
  }
}
