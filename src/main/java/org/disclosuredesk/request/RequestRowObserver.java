package org.disclosuredesk.request;

import java.util.Set;

/**
 * Told of every write to a request's row, just before and just after it, with the columns written
 * (all of them for an insert). The statistics keep their running tallies with it; the repository is
 * the only writer of dd_request.
 */
public interface RequestRowObserver {

  void beforeWrite(String requestId, boolean insert, Set<String> columns);

  void afterWrite(String requestId, boolean insert, Set<String> columns);
}
