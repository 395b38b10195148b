package org.disclosuredesk.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The agency that answers: quoted in mails and letters ({@code disclosure.agency.*}). */
@ConfigurationProperties("disclosure.agency")
public record AgencyProperties(
    String name, String address, String phone, String reconsiderationBody, String court) {}
