// The conversation view: bubbles in seq order, buttons under bot messages, pending bubbles for
// what the person is sending (replaced by the stored message, matched by the page's client id).
import { el, paragraph, sizeLabel, stamp } from "./util.js";

const INLINE_IMAGE = /^image\/(png|jpeg|gif|webp)$/;

/**
 * @param log the role="log" element
 * @param S the page strings
 * @param on { tap(seq, button), botMessage(msg) }
 */
export function createConversation(log, S, on) {
  const bySeq = new Map(); // seq -> row element
  const pending = new Map(); // client id -> row element
  const answered = new Map(); // bot message seq -> chosen payload
  const state = { lastSeq: 0, lastOutSeq: 0 };

  const scrollDown = () => {
    log.scrollTop = log.scrollHeight;
  };
  const dropEmpty = () => log.querySelector(".empty")?.remove();

  function fileBlock(file) {
    const a = el("a", "file");
    a.href = `/chat/files/${encodeURIComponent(file.id)}`;
    a.target = "_blank";
    a.rel = "noopener";
    if (INLINE_IMAGE.test(file.mimeType)) {
      const img = el("img", "thumb");
      img.src = a.href;
      img.alt = file.name;
      img.loading = "lazy";
      a.append(img);
    }
    const line = el("span", "file-line");
    line.append(el("span", "file-name", file.name), el("span", "file-size", sizeLabel(file.sizeBytes)));
    a.append(line);
    a.setAttribute("aria-label", `${S.download}: ${file.name}`);
    return a;
  }

  function shell(direction, at) {
    const row = el("div", `row ${direction === "out" ? "bot" : "me"}`);
    const bubble = el("div", "bubble");
    const time = el("time", "time", at ? stamp(at) : "");
    if (at) time.dateTime = at;
    row.append(bubble, time);
    return { row, bubble, time };
  }

  function buttons(seq, list) {
    const group = el("div", "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", S.choices);
    for (const b of list) {
      const btn = el("button", "choice", b.label);
      btn.type = "button";
      btn.dataset.payload = b.payload;
      btn.addEventListener("click", () => {
        if (answered.has(seq)) return;
        markAnswered(seq, b.payload);
        on.tap(seq, b);
      });
      group.append(btn);
    }
    return group;
  }

  function markAnswered(seq, payload) {
    answered.set(seq, payload);
    for (const btn of bySeq.get(seq)?.querySelectorAll("button.choice") ?? []) {
      btn.disabled = true;
      if (btn.dataset.payload === payload) btn.classList.add("chosen");
    }
  }

  function fillBody(msg, s) {
    const body = msg.body;
    if (body.kind === "bot") {
      for (const text of body.paragraphs) s.bubble.append(paragraph(text));
      if (body.file) s.bubble.append(fileBlock(body.file));
      if (body.buttons.length > 0) s.row.insertBefore(buttons(msg.seq, body.buttons), s.time);
    } else if (body.kind === "text" || body.kind === "action") {
      s.bubble.append(el("p", "", body.kind === "text" ? body.text : body.label));
    } else if (body.kind === "file") {
      s.bubble.append(fileBlock(body.file));
      if (body.caption) s.bubble.append(el("p", "", body.caption));
    } else if (body.kind === "start") {
      s.bubble.append(el("p", "muted", S.codeSent));
    }
  }

  /** Shows a stored message once (history, live event or send reply may all bring it). */
  function add(msg) {
    if (bySeq.has(msg.seq)) return;
    dropEmpty();
    const s = shell(msg.direction, msg.at);
    s.row.dataset.seq = String(msg.seq);
    bySeq.set(msg.seq, s.row);
    fillBody(msg, s);
    const mine = msg.clientId ? pending.get(msg.clientId) : undefined;
    if (mine) {
      mine.replaceWith(s.row);
      pending.delete(msg.clientId);
    } else {
      // Keep seq order even when a reply overtakes a slow send confirmation.
      const later = [...log.querySelectorAll(".row[data-seq]")].find((r) => Number(r.dataset.seq) > msg.seq);
      log.insertBefore(s.row, later ?? null);
    }
    state.lastSeq = Math.max(state.lastSeq, msg.seq);
    if (msg.body.kind === "action") markAnswered(msg.body.replyTo, msg.body.payload);
    if (msg.body.kind === "bot" && answered.has(msg.seq)) markAnswered(msg.seq, answered.get(msg.seq));
    if (msg.direction === "out") {
      state.lastOutSeq = Math.max(state.lastOutSeq, msg.seq);
      on.botMessage(msg);
    }
    scrollDown();
  }

  /** A bubble for something being sent; `fillBubble` draws its content. */
  function addPending(clientId, fillBubble) {
    dropEmpty();
    const s = shell("in", null);
    s.row.classList.add("pending");
    fillBubble(s.bubble);
    log.append(s.row);
    pending.set(clientId, s.row);
    scrollDown();
    return s;
  }

  const isPending = (clientId, s) => pending.get(clientId) === s.row;
  const forget = (clientId) => pending.delete(clientId);

  /** Marks a pending bubble failed with a button that runs `retry`. */
  function fail(s, label, retry) {
    s.row.classList.add("failed");
    s.time.textContent = "";
    const again = el("button", "retry", label);
    again.type = "button";
    again.addEventListener("click", () => {
      again.remove();
      s.row.classList.remove("failed");
      retry();
    });
    s.row.append(again);
  }

  return { state, add, addPending, isPending, forget, fail, scrollDown };
}
