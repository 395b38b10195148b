package org.disclosuredesk.agency;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which agency a request, appeal or submission belongs to (one indexed lookup each), for {@link
 * AgencyGuard}.
 */
@Repository
class AgencyOwnershipRepository {

  private final JdbcClient jdbc;

  AgencyOwnershipRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> ofRequest(String id) {
    return jdbc.sql("SELECT agency_code FROM dd_request WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<String> ofAppeal(String id) {
    return jdbc.sql(
            "SELECT r.agency_code FROM dd_appeal a JOIN dd_request r ON r.id = a.request_id WHERE a.id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<String> ofSubmission(String number) {
    return jdbc.sql("SELECT agency_code FROM dd_submission WHERE submission_number = ?")
        .param(number)
        .query(String.class)
        .optional();
  }
}
