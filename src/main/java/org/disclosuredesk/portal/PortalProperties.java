package org.disclosuredesk.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The online channel ({@code disclosure.portal.*}, API.md "Public channel"): on or off, the limits
 * per client address and per submission, and the uploads' bounds.
 */
@ConfigurationProperties("disclosure.portal")
public record PortalProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10") int submissionsPerHour,
    @DefaultValue("30") int lookupsPerMinute,
    @DefaultValue("10") int wrongCodesPerHour,
    @DefaultValue("5MB") DataSize maxUploadSize,
    @DefaultValue("5") int maxUploadsPerSubmission,
    @DefaultValue("100000") long proofOfWorkMaxNumber,
    @DefaultValue("PT10M") Duration proofOfWorkValidity) {}
