package org.disclosuredesk.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the reply due date of a request depends on.
 *
 * @param receivedOn date of receipt (第三十一条)
 * @param channelLabel e.g. 互联网渠道, only quoted in the explanation; may be null
 * @param clockStartOn {@code receivedOn}, or the day the supplemented request arrived (第三十条: the
 *     clock restarts)
 * @param periodWorkingDays 20 (第三十三条) or a longer reasonable period set under 第三十五条
 * @param suspensions consultations and fee notices; overlapping ones count once
 * @param extensionWorkingDays approved extension, 0..20 (第三十三条第二款)
 */
public record DeadlineFacts(
    LocalDate receivedOn,
    String channelLabel,
    LocalDate clockStartOn,
    int periodWorkingDays,
    List<Suspension> suspensions,
    int extensionWorkingDays) {

  public static final int REPLY_PERIOD = 20; // 第三十三条第二款
  public static final int MAX_EXTENSION = 20; // 第三十三条第二款

  public DeadlineFacts {
    Objects.requireNonNull(receivedOn, "receivedOn");
    clockStartOn = clockStartOn == null ? receivedOn : clockStartOn;
    if (clockStartOn.isBefore(receivedOn)) {
      throw new IllegalArgumentException("the clock cannot start before receipt");
    }
    if (periodWorkingDays < 0 || periodWorkingDays > 1000) {
      throw new IllegalArgumentException("period out of range: " + periodWorkingDays);
    }
    if (extensionWorkingDays < 0 || extensionWorkingDays > MAX_EXTENSION) {
      throw new IllegalArgumentException("extension out of range: " + extensionWorkingDays);
    }
    suspensions = suspensions == null ? List.of() : List.copyOf(suspensions);
  }

  /** A plain request: received, 20 working days, no stops. */
  public static DeadlineFacts received(LocalDate receivedOn) {
    return new DeadlineFacts(receivedOn, null, receivedOn, REPLY_PERIOD, List.of(), 0);
  }

  public DeadlineFacts withChannel(String label) {
    return new DeadlineFacts(
        receivedOn, label, clockStartOn, periodWorkingDays, suspensions, extensionWorkingDays);
  }

  public DeadlineFacts withClockStart(LocalDate supplementReceivedOn) {
    return new DeadlineFacts(
        receivedOn,
        channelLabel,
        supplementReceivedOn,
        periodWorkingDays,
        suspensions,
        extensionWorkingDays);
  }

  public DeadlineFacts withPeriod(int workingDays) {
    return new DeadlineFacts(
        receivedOn, channelLabel, clockStartOn, workingDays, suspensions, extensionWorkingDays);
  }

  public DeadlineFacts withSuspensions(List<Suspension> stops) {
    return new DeadlineFacts(
        receivedOn, channelLabel, clockStartOn, periodWorkingDays, stops, extensionWorkingDays);
  }

  public DeadlineFacts withExtension(int workingDays) {
    return new DeadlineFacts(
        receivedOn, channelLabel, clockStartOn, periodWorkingDays, suspensions, workingDays);
  }
}
