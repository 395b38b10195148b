package org.disclosuredesk.handling;

/** Variables the decision gateways read ("需签发？", "签发？"). */
public final class DecisionRoute {
  public static final String NEEDS_SIGN_OFF = "needsSignOff";
  public static final String SIGN_OFF_APPROVED = "signOffApproved";

  private DecisionRoute() {}
}
