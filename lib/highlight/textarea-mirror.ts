/**
 * Where a span of a <textarea>'s text is drawn, without touching the
 * textarea: a hidden mirror element copies its box and text styles, wraps the
 * span, and measures it. Rects are in viewport coordinates.
 */
const COPIED = [
  'boxSizing', 'width', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textIndent', 'textTransform', 'tabSize', 'direction', 'textAlign',
] as const;

export function textareaRangeRects(
  field: HTMLTextAreaElement,
  start: number,
  end: number,
  container: Element | ShadowRoot,
): DOMRect[] {
  const doc = field.ownerDocument;
  const style = doc.defaultView!.getComputedStyle(field);
  const mirror = doc.createElement('div');
  for (const key of COPIED) mirror.style[key] = style[key];
  Object.assign(mirror.style, {
    position: 'fixed',
    visibility: 'hidden',
    top: '0px',
    left: '0px',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    overflow: 'hidden',
    height: 'auto',
  });
  // The textarea's content box width excludes a vertical scrollbar.
  const scrollbar = field.offsetWidth - field.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
  if (scrollbar > 0) mirror.style.width = `${field.offsetWidth - scrollbar}px`;
  const value = field.value;
  const mark = doc.createElement('span');
  mark.textContent = value.slice(start, end) || '\u200b';
  mirror.append(doc.createTextNode(value.slice(0, start)), mark, doc.createTextNode(value.slice(end) + '\n'));
  container.appendChild(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    const box = field.getBoundingClientRect();
    const dx = box.left - origin.left - field.scrollLeft;
    const dy = box.top - origin.top - field.scrollTop;
    return [...mark.getClientRects()]
      .map((r) => new DOMRect(r.left + dx, r.top + dy, r.width, r.height))
      .filter((r) => r.bottom > box.top && r.top < box.bottom && r.width > 0);
  } finally {
    mirror.remove();
  }
}
