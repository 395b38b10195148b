package org.disclosuredesk.kernel;

/** Requested form of provision (Art. 29(2)(3)). */
public enum RequestedForm {
  PAPER,
  ELECTRONIC,
  INSPECTION
}
