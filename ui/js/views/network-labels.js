// Labels on the network map that can be read: the same size on screen whatever the zoom, and
// never on top of each other. After each layout and each zoom, labels are placed in order of
// importance; one that would overlap a label already placed is left out until zooming in makes
// room (a chosen node always shows its own).
//
// For the end-to-end test, the labels shown and their boxes on screen are written to the
// canvas's `data-labels` attribute as JSON (label, box in CSS pixels, font size on screen). It
// holds only what the map shows anyway: no handle to the graph, nothing a page script could use
// to reach further, and no global. Writing it costs one JSON string per placement.

/** Font size of labels on screen, in CSS pixels. */
export const LABEL_PX = 12;

/** Space kept free around each label, in pixels. */
const MARGIN = 2;

function overlaps(a, b) {
  return a.x1 < b.x2 + MARGIN && b.x1 < a.x2 + MARGIN && a.y1 < b.y2 + MARGIN && b.y1 < a.y2 + MARGIN;
}

/** The stylesheet `base` (or what `base()` returns for this zoom) with labels sized so that they are LABEL_PX on screen at this zoom,
 * and the labels left out hidden. */
export function scaleLabels(cy, base, maxWidth = 150) {
  const zoom = cy.zoom();
  cy.style().fromJson([
    ...(typeof base === 'function' ? base() : base),
    { selector: 'node', style: { 'font-size': LABEL_PX / zoom, 'text-margin-y': 3 / zoom, 'text-margin-x': 0, 'text-max-width': maxWidth / zoom, 'text-background-padding': 1 / zoom, 'min-zoomed-font-size': 0 } },
    { selector: 'node[labelSide = "left"]', style: { 'text-margin-x': -6 / zoom, 'text-margin-y': 0 } },
    { selector: 'node[labelSide = "right"]', style: { 'text-margin-x': 6 / zoom, 'text-margin-y': 0 } },
    // A label shown is drawn above the dots around it, its background hiding them.
    { selector: 'node', style: { 'z-index': 5 } },
    { selector: 'node.no-label', style: { label: '', 'z-index': 1 } },
    { selector: 'node.on-path, node:selected', style: { 'z-index': 10 } },
  ]).update();
}

function labelBox(node) {
  if (!node.visible() || !node.style('label')) return null;
  const box = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
  return Number.isFinite(box.w) && box.w > 0 && box.h > 0 ? box : null;
}

/**
 * Places the labels: `rank(node)` orders them (higher first). Nodes whose label is left out get
 * the class `no-label` (the map's style hides their text); `keep` (a collection) always shows.
 */
export function placeLabels(cy, rank, canvas, keep = cy.collection()) {
  cy.nodes('.no-label').removeClass('no-label');
  const width = cy.width();
  const height = cy.height();
  const placed = [];
  const hidden = [];
  const nodes = cy.nodes().toArray().sort((a, b) => (keep.has(b) - keep.has(a)) || rank(b) - rank(a));
  for (const node of nodes) {
    const box = labelBox(node);
    if (!box) continue;
    const onScreen = box.x2 > 0 && box.y2 > 0 && box.x1 < width && box.y1 < height;
    if (!onScreen) continue;
    if (!keep.has(node) && placed.some((other) => overlaps(box, other))) hidden.push(node);
    else placed.push(box);
  }
  cy.batch(() => hidden.forEach((node) => node.addClass('no-label')));
  snapshot(cy, canvas);
}

/** Writes what is labelled on screen to `canvas.dataset.labels` (see the top of this file). */
export function snapshot(cy, canvas) {
  const zoom = cy.zoom();
  const shown = [];
  cy.nodes().forEach((node) => {
    if (node.hasClass('no-label')) return;
    const box = labelBox(node);
    if (!box || box.x2 <= 0 || box.y2 <= 0 || box.x1 >= cy.width() || box.y1 >= cy.height()) return;
    const round = (v) => Math.round(v * 10) / 10;
    shown.push({
      id: node.id(),
      label: node.data('label'),
      x1: round(box.x1), y1: round(box.y1), x2: round(box.x2), y2: round(box.y2),
      px: round(parseFloat(node.style('font-size')) * zoom),
    });
  });
  canvas.dataset.labels = JSON.stringify({ zoom, width: cy.width(), height: cy.height(), labels: shown });
}

/** After each zoom or pan ends (not during: every frame must stay cheap), labels are placed again. */
export function keepLabelsReadable(cy, base, rank, canvas, keep, maxWidth = 150) {
  let timer = null;
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (cy.destroyed()) return;
      scaleLabels(cy, base, maxWidth);
      placeLabels(cy, rank, canvas, keep());
    }, 250);
  };
  cy.on('viewport', again);
  scaleLabels(cy, base, maxWidth);
  placeLabels(cy, rank, canvas, keep());
}
