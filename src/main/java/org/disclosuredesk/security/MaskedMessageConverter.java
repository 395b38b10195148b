package org.disclosuredesk.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %maskedMsg}: the log message with every ID number and phone number masked
 * (logback-spring.xml).
 */
public class MaskedMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.maskText(super.convert(event));
  }
}
