package org.disclosuredesk.agency;

/** One agency of the registry, as {@code GET /api/agencies} lists it (API.md "Agencies"). */
public record Agency(
    String code,
    String name,
    String shortName,
    AgencyKind kind,
    String parentCode,
    String address,
    String phone,
    String email,
    String reconsiderationBody,
    String court,
    boolean active) {}
