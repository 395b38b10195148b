package org.disclosuredesk.kernel;

/** How the applicant wants to receive the reply; also how a reply was delivered. */
public enum DeliveryChannel {
  POST("邮寄"),
  EMAIL("电子邮件"),
  PICKUP("当面领取"),
  ONLINE("网上平台"),
  IN_PERSON("当面送达");

  private final String label;

  DeliveryChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
