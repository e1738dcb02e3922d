// Small helpers for the web chat page: ids, Vietnam time, sizes, safe DOM building.

/** "{{name}}" placeholders filled from params (the strings come from locales via the server). */
export const fill = (s, params) => s.replace(/\{\{(\w+)\}\}/g, (_, k) => String(params[k] ?? ""));

/** A UUID v4. crypto.randomUUID needs a secure context; a LAN demo over http has only getRandomValues. */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** dd/mm HH:mm in Vietnam time (UTC+7, no daylight saving), whatever the phone's zone. */
export function stamp(iso) {
  const d = new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)} ${d.slice(11, 16)}`;
}

export function sizeLabel(bytes) {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** An element with a class and text; text is always set as text, never parsed as HTML. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A paragraph of bot text; http(s) links become tappable and open outside the chat. */
export function paragraph(text) {
  const p = el("p");
  text.split(/(https?:\/\/[^\s<>"]+)/g).forEach((part, i) => {
    if (i % 2 === 1) {
      const a = el("a", "", part);
      a.href = part;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      p.append(a);
    } else if (part) p.append(document.createTextNode(part));
  });
  return p;
}
