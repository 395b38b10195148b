package org.disclosuredesk.kernel;

/** Which third-party interest a WITHHELD_THIRD_PARTY_RIGHTS outcome protects (Art. 15). */
public enum ThirdPartyInterest {
  TRADE_SECRET,
  PERSONAL_PRIVACY,
  OTHER
}
