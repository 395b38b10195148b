package org.disclosuredesk.common;

import java.util.Map;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Names the JDK's own XML factories in the JAXP system properties, so that a factory look-up no
 * longer searches every jar of the application for a META-INF/services entry. POI does such a
 * look-up for each part of each .docx it reads or writes: the acknowledgement letter made ~10 % of
 * a registration's CPU class-path searches (JFR). No jar here provides another implementation, so
 * the look-up found these same classes anyway; a property someone set on the command line is left
 * alone.
 */
public final class XmlFactories {

  private XmlFactories() {}

  public static void preferJdkDefaults() {
    Map<String, Supplier<Object>> defaults =
        Map.of(
            "javax.xml.parsers.DocumentBuilderFactory", DocumentBuilderFactory::newDefaultInstance,
            "javax.xml.parsers.SAXParserFactory", SAXParserFactory::newDefaultInstance,
            "javax.xml.transform.TransformerFactory", TransformerFactory::newDefaultInstance,
            "javax.xml.stream.XMLInputFactory", XMLInputFactory::newDefaultFactory,
            "javax.xml.stream.XMLOutputFactory", XMLOutputFactory::newDefaultFactory,
            "javax.xml.stream.XMLEventFactory", XMLEventFactory::newDefaultFactory,
            "javax.xml.datatype.DatatypeFactory", DatatypeFactory::newDefaultInstance);
    defaults.forEach(
        (property, factory) -> {
          if (System.getProperty(property) == null) {
            System.setProperty(property, factory.get().getClass().getName());
          }
        });
  }
}
