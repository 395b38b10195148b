package org.disclosuredesk.mail;

import java.util.function.Supplier;

/**
 * Steps replayed from a paper ledger happened months ago: their mails (acknowledgement, notices,
 * the reply) were never due now, so while a thread replays them the {@link Mailer} queues nothing.
 */
public final class MailHold {

  private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();

  private MailHold() {}

  public static <T> T during(Supplier<T> work) {
    Boolean before = HELD.get();
    HELD.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      if (before == null) {
        HELD.remove();
      }
    }
  }

  static boolean held() {
    return Boolean.TRUE.equals(HELD.get());
  }
}
