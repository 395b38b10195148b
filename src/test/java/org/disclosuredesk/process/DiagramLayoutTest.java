package org.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The diagrams of {@code bpmn/*.bpmn} read cleanly (as drawn by bpmn-js in Tasklist, Cockpit and
 * Camunda Modeler): no overlapping shapes, no flow through a box or a label, no overlapping labels,
 * right-angled flows, every shape in its lane. Geometry only, read from the diagram interchange
 * (plain DOM, no engine, no Spring).
 */
class DiagramLayoutTest {

  static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

  /**
   * Shapes are shrunk by this much when a flow passes them, so that a flow may touch a shape at its
   * ends.
   */
  static final double TOUCH = 2;

  static Stream<Path> diagrams() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".bpmn"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void thereAreDiagramsToCheck() throws IOException {
    assertThat(diagrams().map(f -> f.getFileName().toString()))
        .contains(
            "disclosure-request.bpmn",
            "appeal.bpmn",
            "mail-delivery.bpmn",
            "online-submission.bpmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyElementIsDrawnAndEveryNameHasALabel(Path file) {
    Diagram d = Diagram.read(file);
    List<String> problems = new ArrayList<>();
    for (var e : d.kind.entrySet()) {
      String id = e.getKey();
      String kind = e.getValue();
      if (isFlowNode(kind) && !d.shapes.containsKey(id)) {
        problems.add(id + " has no shape");
      }
      if (kind.equals("sequenceFlow") && (!d.edges.containsKey(id) || d.edges.get(id).size() < 2)) {
        problems.add(id + " has no edge");
      }
      boolean externalLabel =
          kind.endsWith("Event") || kind.endsWith("Gateway") || kind.equals("sequenceFlow");
      if (externalLabel && d.names.containsKey(id) && !d.labels.containsKey(id)) {
        problems.add(id + " (" + d.names.get(id) + ") has no label bounds");
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * What Tasklist's Diagram tab and Cockpit show is Chinese: no element, lane or pool is named in
   * Latin letters.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyNameIsChinese(Path file) {
    Diagram d = Diagram.read(file);
    // a message's name is the key the API correlates with, never drawn
    d.names.forEach(
        (id, name) ->
            assertThat("message".equals(d.kind.get(id)) ? "" : name)
                .as(id)
                .doesNotContainPattern("[A-Za-z]"));
  }

  /**
   * (a) No two flow-node shapes overlap, unless one contains the other or one is a boundary event
   * on the other.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void shapesDoNotOverlap(Path file) {
    Diagram d = Diagram.read(file);
    List<String> nodes = d.flowNodeShapes();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        String a = nodes.get(i);
        String b = nodes.get(j);
        Box ba = d.shapes.get(a);
        Box bb = d.shapes.get(b);
        if (!ba.overlaps(bb, 0)) {
          continue;
        }
        boolean attached = b.equals(d.attachedTo.get(a)) || a.equals(d.attachedTo.get(b));
        boolean nested =
            (d.ancestors(b).contains(a) && ba.contains(bb))
                || (d.ancestors(a).contains(b) && bb.contains(ba));
        if (!attached && !nested) {
          problems.add(a + " overlaps " + b);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * (f) Every sequence-flow segment is horizontal or vertical, and the flow starts and ends on its
   * shapes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void flowsHaveRightAnglesAndTouchTheirEnds(Path file) {
    Diagram d = Diagram.read(file);
    List<String> problems = new ArrayList<>();
    d.edges.forEach(
        (flow, points) -> {
          for (int i = 1; i < points.size(); i++) {
            Pt p = points.get(i - 1);
            Pt q = points.get(i);
            if (p.x() != q.x() && p.y() != q.y()) {
              problems.add(flow + ": segment " + p + " -> " + q + " is oblique");
            }
          }
          String[] ends = d.flows.get(flow);
          if (!d.shapes.get(ends[0]).hasOnBorder(points.get(0))) {
            problems.add(flow + " does not start on the border of " + ends[0]);
          }
          if (!d.shapes.get(ends[1]).hasOnBorder(points.get(points.size() - 1))) {
            problems.add(flow + " does not end on the border of " + ends[1]);
          }
        });
    assertThat(problems).isEmpty();
  }

  /**
   * (b) No sequence-flow segment passes through a shape other than its source, its target and the
   * sub-processes, lanes and pool enclosing it.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void flowsDoNotPassThroughShapes(Path file) {
    Diagram d = Diagram.read(file);
    List<String> problems = new ArrayList<>();
    d.edges.forEach(
        (flow, points) -> {
          String[] ends = d.flows.get(flow);
          List<String> enclosing = d.ancestors(flow);
          for (String shape : d.flowNodeShapes()) {
            if (shape.equals(ends[0]) || shape.equals(ends[1]) || enclosing.contains(shape)) {
              continue;
            }
            for (int i = 1; i < points.size(); i++) {
              if (d.shapes.get(shape).isCrossedBy(points.get(i - 1), points.get(i), TOUCH)) {
                problems.add(
                    flow + " (" + ends[0] + " -> " + ends[1] + ") passes through " + shape);
                break;
              }
            }
          }
        });
    assertThat(problems).isEmpty();
  }

  /** (c) No sequence-flow segment crosses a label other than its own. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void flowsDoNotCrossLabels(Path file) {
    Diagram d = Diagram.read(file);
    List<String> problems = new ArrayList<>();
    d.edges.forEach(
        (flow, points) ->
            d.labels.forEach(
                (owner, label) -> {
                  if (owner.equals(flow)) {
                    return;
                  }
                  for (int i = 1; i < points.size(); i++) {
                    if (label.isCrossedBy(points.get(i - 1), points.get(i), 0)) {
                      String[] ends = d.flows.get(flow);
                      problems.add(
                          flow
                              + " ("
                              + ends[0]
                              + " -> "
                              + ends[1]
                              + ") crosses the label of "
                              + owner);
                      break;
                    }
                  }
                }));
    assertThat(problems).isEmpty();
  }

  /**
   * (d) No two labels overlap; no label overlaps a shape or straddles the border of a sub-process,
   * lane or pool.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void labelsDoNotOverlap(Path file) {
    Diagram d = Diagram.read(file);
    List<String> owners = new ArrayList<>(d.labels.keySet());
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < owners.size(); i++) {
      Box label = d.labels.get(owners.get(i));
      for (int j = i + 1; j < owners.size(); j++) {
        if (label.overlaps(d.labels.get(owners.get(j)), 0)) {
          problems.add("label of " + owners.get(i) + " overlaps label of " + owners.get(j));
        }
      }
      for (var shape : d.shapes.entrySet()) {
        if (!label.overlaps(shape.getValue(), 0)) {
          continue;
        }
        if (!isContainer(d.kind.get(shape.getKey()))) {
          problems.add("label of " + owners.get(i) + " overlaps " + shape.getKey());
        } else if (!shape.getValue().contains(label)) {
          problems.add("label of " + owners.get(i) + " straddles the border of " + shape.getKey());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * (e) With lanes, every flow node belongs to exactly one lane and its shape lies inside that
   * lane's band and no other; an expanded sub-process that spans lanes overlaps the lane it belongs
   * to.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("diagrams")
  void everyShapeLiesInItsLane(Path file) {
    Diagram d = Diagram.read(file);
    if (d.lanes.isEmpty()) {
      return;
    }
    Map<String, String> laneOf = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    d.lanes.forEach(
        (lane, refs) ->
            refs.forEach(
                ref -> {
                  if (laneOf.put(ref, lane) != null) {
                    problems.add(ref + " is in two lanes");
                  }
                }));
    for (String node : d.flowNodeShapes()) {
      String lane = laneOf.get(node);
      if (lane == null) {
        problems.add(node + " is in no lane");
        continue;
      }
      Box shape = d.shapes.get(node);
      List<String> inside =
          d.lanes.keySet().stream().filter(l -> d.shapes.get(l).contains(shape)).toList();
      if (inside.isEmpty() && isContainer(d.kind.get(node))) {
        if (!d.shapes.get(lane).overlaps(shape, 0)) {
          problems.add(node + " spans lanes but not its own lane " + lane);
        }
      } else if (!inside.equals(List.of(lane))) {
        problems.add(node + " belongs to " + lane + " but lies inside " + inside);
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The main diagram: the happy path on one horizontal line, the office head above it, the stops
   * and timers below.
   */
  @Test
  void disclosureRequestHappyPathRunsOnOneLine() {
    Diagram d = Diagram.read(Path.of("bpmn", "disclosure-request.bpmn"));
    List<String> path =
        List.of(
            "HandlingStarted",
            "ToScreening",
            "Screening",
            "ScreeningResult",
            "ToHandling",
            "Handling",
            "HandlingAction",
            "ToDecision",
            "SignOffNeeded",
            "ToConclusion",
            "ReplyToApplicant",
            "RequestAnswered",
            "ArchiveRequest",
            "RequestArchived");
    double line = d.shapes.get("HandlingStarted").centerY();
    double x = Double.NEGATIVE_INFINITY;
    for (String node : path) {
      Box shape = d.shapes.get(node);
      assertThat(shape.centerY()).as(node + " on the line").isEqualTo(line);
      assertThat(shape.centerX()).as(node + " right of its predecessor").isGreaterThan(x);
      x = shape.centerX();
    }
    for (String flow :
        List.of(
            d.flowBetween("RegisterRequest", "HandleRequest"),
            d.flowBetween("HandleRequest", "ArchiveRequest"))) {
      assertThat(d.edges.get(flow).get(d.edges.get(flow).size() - 1).y()).as(flow).isEqualTo(line);
    }
    for (String above : List.of("ApproveExtension", "SignOff", "SignedOff")) {
      assertThat(d.shapes.get(above).centerY()).as(above + " above the line").isLessThan(line);
    }
    for (String below :
        List.of(
            "RecordSupplement",
            "RecordConsultationReply",
            "RecordFeePayment",
            "SupplementPeriodExpired",
            "ConsultationAnswerExpired",
            "PaymentPeriodExpired",
            "ConcludeNoSupplement",
            "ExpireConsultation",
            "ConcludeFeeUnpaid",
            "Withdrawal",
            "ReminderFiveDays",
            "ReminderOneDay",
            "OverdueEscalation")) {
      assertThat(d.shapes.get(below).centerY()).as(below + " below the line").isGreaterThan(line);
    }
  }

  // ------------------------------------------------------------------------------------------------------------

  static boolean isFlowNode(String kind) {
    return kind.endsWith("Event")
        || kind.endsWith("Gateway")
        || kind.endsWith("Task")
        || kind.equals("task")
        || kind.equals("subProcess")
        || kind.equals("transaction")
        || kind.equals("adHocSubProcess")
        || kind.equals("callActivity");
  }

  static boolean isContainer(String kind) {
    return Set.of("subProcess", "transaction", "adHocSubProcess", "participant", "lane")
        .contains(kind);
  }

  record Pt(double x, double y) {
    @Override
    public String toString() {
      return "(" + x + "," + y + ")";
    }
  }

  record Box(double x, double y, double w, double h) {

    double centerX() {
      return x + w / 2;
    }

    double centerY() {
      return y + h / 2;
    }

    /**
     * The interiors intersect (shrunk by {@code shrink} on every side); touching edges do not
     * count.
     */
    boolean overlaps(Box o, double shrink) {
      return x + shrink < o.x + o.w - shrink
          && o.x + shrink < x + w - shrink
          && y + shrink < o.y + o.h - shrink
          && o.y + shrink < y + h - shrink;
    }

    boolean contains(Box o) {
      return x <= o.x && y <= o.y && o.x + o.w <= x + w && o.y + o.h <= y + h;
    }

    /**
     * An axis-parallel segment p-q runs through the interior of this box shrunk by {@code shrink}.
     */
    boolean isCrossedBy(Pt p, Pt q, double shrink) {
      double x0 = x + shrink;
      double y0 = y + shrink;
      double x1 = x + w - shrink;
      double y1 = y + h - shrink;
      if (p.x() == q.x()) {
        return x0 < p.x()
            && p.x() < x1
            && Math.min(p.y(), q.y()) < y1
            && Math.max(p.y(), q.y()) > y0;
      }
      if (p.y() == q.y()) {
        return y0 < p.y()
            && p.y() < y1
            && Math.min(p.x(), q.x()) < x1
            && Math.max(p.x(), q.x()) > x0;
      }
      // an oblique segment (reported by flowsHaveRightAnglesAndTouchTheirEnds): test its bounding
      // box
      return overlaps(
          new Box(
              Math.min(p.x(), q.x()),
              Math.min(p.y(), q.y()),
              Math.abs(p.x() - q.x()),
              Math.abs(p.y() - q.y())),
          shrink);
    }

    boolean hasOnBorder(Pt p) {
      boolean within = x - 1 <= p.x() && p.x() <= x + w + 1 && y - 1 <= p.y() && p.y() <= y + h + 1;
      double gap =
          Math.min(
              Math.min(Math.abs(p.x() - x), Math.abs(p.x() - x - w)),
              Math.min(Math.abs(p.y() - y), Math.abs(p.y() - y - h)));
      return within && gap <= 1;
    }
  }

  /** What the tests need from one file: element kinds, nesting, shapes, labels and edges. */
  static final class Diagram {
    final Map<String, String> kind = new LinkedHashMap<>();
    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, String> parent = new LinkedHashMap<>();
    final Map<String, String> attachedTo = new LinkedHashMap<>();
    final Map<String, String[]> flows = new LinkedHashMap<>();
    final Map<String, List<String>> lanes = new LinkedHashMap<>();
    final Map<String, Box> shapes = new LinkedHashMap<>();
    final Map<String, Box> labels = new LinkedHashMap<>();
    final Map<String, List<Pt>> edges = new LinkedHashMap<>();

    static Diagram read(Path file) {
      try {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        Diagram d = new Diagram();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
          Element e = (Element) all.item(i);
          if (MODEL.equals(e.getNamespaceURI())) {
            d.readModel(e);
          } else if (BPMNDI.equals(e.getNamespaceURI())) {
            d.readDiagram(e);
          }
        }
        return d;
      } catch (Exception e) {
        throw new IllegalStateException("cannot read " + file, e);
      }
    }

    private void readModel(Element e) {
      String id = e.getAttribute("id");
      String local = e.getLocalName();
      if (local.equals("lane")) {
        List<String> refs = new ArrayList<>();
        for (Element ref : children(e, MODEL, "flowNodeRef")) {
          refs.add(ref.getTextContent().trim());
        }
        lanes.put(id, refs);
      }
      if (id.isEmpty()) {
        return;
      }
      kind.put(id, local);
      if (e.hasAttribute("name")) {
        names.put(id, e.getAttribute("name"));
      }
      for (Node up = e.getParentNode(); up instanceof Element p; up = p.getParentNode()) {
        if (MODEL.equals(p.getNamespaceURI()) && isContainer(p.getLocalName())) {
          parent.put(id, p.getAttribute("id"));
          break;
        }
      }
      if (local.equals("boundaryEvent")) {
        attachedTo.put(id, e.getAttribute("attachedToRef"));
      }
      if (local.equals("sequenceFlow")) {
        flows.put(id, new String[] {e.getAttribute("sourceRef"), e.getAttribute("targetRef")});
      }
    }

    private void readDiagram(Element e) {
      String element = e.getAttribute("bpmnElement");
      if (e.getLocalName().equals("BPMNShape")) {
        shapes.put(element, box(children(e, DC, "Bounds").get(0)));
      } else if (e.getLocalName().equals("BPMNEdge")) {
        List<Pt> points = new ArrayList<>();
        for (Element w : children(e, DI, "waypoint")) {
          points.add(
              new Pt(
                  Double.parseDouble(w.getAttribute("x")),
                  Double.parseDouble(w.getAttribute("y"))));
        }
        edges.put(element, points);
      } else {
        return;
      }
      for (Element label : children(e, BPMNDI, "BPMNLabel")) {
        List<Element> bounds = children(label, DC, "Bounds");
        if (!bounds.isEmpty()) {
          labels.put(element, box(bounds.get(0)));
        }
      }
    }

    private static Box box(Element b) {
      return new Box(
          Double.parseDouble(b.getAttribute("x")),
          Double.parseDouble(b.getAttribute("y")),
          Double.parseDouble(b.getAttribute("width")),
          Double.parseDouble(b.getAttribute("height")));
    }

    private static List<Element> children(Element e, String ns, String local) {
      List<Element> out = new ArrayList<>();
      for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element ce
            && ns.equals(ce.getNamespaceURI())
            && local.equals(ce.getLocalName())) {
          out.add(ce);
        }
      }
      return out;
    }

    /** Shapes of flow nodes (not of pools and lanes). */
    List<String> flowNodeShapes() {
      return shapes.keySet().stream()
          .filter(id -> kind.containsKey(id) && isFlowNode(kind.get(id)))
          .toList();
    }

    /** The sub-processes (innermost first) that contain the element. */
    List<String> ancestors(String id) {
      List<String> out = new ArrayList<>();
      for (String p = parent.get(id); p != null; p = parent.get(p)) {
        out.add(p);
      }
      return out;
    }

    String flowBetween(String source, String target) {
      return flows.entrySet().stream()
          .filter(f -> f.getValue()[0].equals(source) && f.getValue()[1].equals(target))
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow();
    }
  }
}
