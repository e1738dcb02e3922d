// baocao web chat: plain browser JavaScript, no framework, no build step.
// History comes from GET /chat/history, new bubbles from GET /chat/events (Server-Sent Events,
// reconnecting with Last-Event-ID). Everything the person sends carries a random id, so a retry
// after a dropped connection never shows or counts twice. All text is set with textContent.
(() => {
  const config = JSON.parse(document.getElementById("webchat-config").textContent);
  const S = config.strings;
  const $ = (id) => document.getElementById(id);
  const log = $("log");
  const composer = $("composer");
  const textInput = $("text");
  const fileInput = $("file");
  const invite = $("invite");
  const inviteCode = $("invite-code");
  const typing = $("typing");
  const notice = $("notice");
  const statusLine = $("status");
  const logoutButton = $("logout");

  let linked = config.linked;
  let lastSeq = 0;
  let lastOutSeq = 0;
  let events = null;
  let typingTimer = 0;
  const bySeq = new Map(); // seq -> bubble element
  const pending = new Map(); // client id -> bubble element
  const answered = new Map(); // bot message seq -> chosen payload

  const fill = (s, params) => s.replace(/\{\{(\w+)\}\}/g, (_, k) => String(params[k] ?? ""));

  // crypto.randomUUID needs a secure context; a LAN demo over http has only getRandomValues.
  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // dd/mm HH:mm in Vietnam time (UTC+7, no daylight saving), whatever the phone's zone.
  function stamp(iso) {
    const d = new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString();
    return `${d.slice(8, 10)}/${d.slice(5, 7)} ${d.slice(11, 16)}`;
  }

  function sizeLabel(bytes) {
    const mb = bytes / 1024 / 1024;
    if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Links in bot texts become tappable; only http(s) URLs, and they open outside the chat.
  function paragraph(text) {
    const p = el("p");
    const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
    parts.forEach((part, i) => {
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

  function fileBlock(file) {
    const a = el("a", "file");
    a.href = `/chat/files/${encodeURIComponent(file.id)}`;
    a.target = "_blank";
    a.rel = "noopener";
    if (/^image\/(png|jpeg|gif|webp)$/.test(file.mimeType)) {
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

  function bubbleShell(direction, at) {
    const row = el("div", `row ${direction === "out" ? "bot" : "me"}`);
    const bubble = el("div", "bubble");
    row.append(bubble);
    const time = el("time", "time", at ? stamp(at) : "");
    if (at) time.dateTime = at;
    row.append(time);
    return { row, bubble, time };
  }

  function renderButtons(seq, buttons) {
    const group = el("div", "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", S.choices);
    for (const b of buttons) {
      const btn = el("button", "choice", b.label);
      btn.type = "button";
      btn.dataset.payload = b.payload;
      btn.addEventListener("click", () => tap(seq, b));
      group.append(btn);
    }
    return group;
  }

  function markAnswered(seq, payload) {
    answered.set(seq, payload);
    const row = bySeq.get(seq);
    if (!row) return;
    for (const btn of row.querySelectorAll("button.choice")) {
      btn.disabled = true;
      if (btn.dataset.payload === payload) btn.classList.add("chosen");
    }
  }

  function renderBody(msg, shell) {
    const body = msg.body;
    if (body.kind === "bot") {
      for (const text of body.paragraphs) shell.bubble.append(paragraph(text));
      if (body.file) shell.bubble.append(fileBlock(body.file));
      if (body.buttons.length > 0) shell.row.insertBefore(renderButtons(msg.seq, body.buttons), shell.time);
    } else if (body.kind === "text") {
      shell.bubble.append(el("p", "", body.text));
    } else if (body.kind === "action") {
      shell.bubble.append(el("p", "", body.label));
    } else if (body.kind === "file") {
      shell.bubble.append(fileBlock(body.file));
      if (body.caption) shell.bubble.append(el("p", "", body.caption));
    } else if (body.kind === "start") {
      shell.bubble.append(el("p", "muted", S.codeSent));
    }
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function addMessage(msg) {
    if (bySeq.has(msg.seq)) return;
    $("empty")?.remove();
    const shell = bubbleShell(msg.direction, msg.at);
    shell.row.dataset.seq = String(msg.seq);
    renderBody(msg, shell);
    const mine = msg.clientId ? pending.get(msg.clientId) : undefined;
    if (mine) {
      mine.replaceWith(shell.row);
      pending.delete(msg.clientId);
    } else {
      // Keep order by seq even when a reply overtakes a slow send confirmation.
      const later = [...log.querySelectorAll(".row[data-seq]")].find((r) => Number(r.dataset.seq) > msg.seq);
      log.insertBefore(shell.row, later ?? null);
    }
    bySeq.set(msg.seq, shell.row);
    lastSeq = Math.max(lastSeq, msg.seq);
    if (msg.body.kind === "action") markAnswered(msg.body.replyTo, msg.body.payload);
    if (msg.body.kind === "bot" && answered.has(msg.seq)) markAnswered(msg.seq, answered.get(msg.seq));
    if (msg.direction === "out") {
      lastOutSeq = Math.max(lastOutSeq, msg.seq);
      showTyping(false);
      if (!linked) refreshLinked();
    }
    scrollDown();
  }

  function pendingBubble(clientId, fillBubble) {
    $("empty")?.remove();
    const shell = bubbleShell("in", null);
    shell.row.classList.add("pending");
    fillBubble(shell.bubble);
    log.append(shell.row);
    pending.set(clientId, shell.row);
    scrollDown();
    return shell;
  }

  function failBubble(shell, message, retry) {
    shell.row.classList.add("failed");
    shell.time.textContent = "";
    const again = el("button", "retry", message);
    again.type = "button";
    again.addEventListener("click", () => {
      again.remove();
      shell.row.classList.remove("failed");
      retry();
    });
    shell.row.append(again);
  }

  function showTyping(on) {
    clearTimeout(typingTimer);
    typing.hidden = !on;
    if (on) {
      typingTimer = setTimeout(() => {
        typing.hidden = true;
      }, 20000);
      scrollDown();
    }
  }

  let noticeTimer = 0;
  function showNotice(text) {
    clearTimeout(noticeTimer);
    notice.textContent = text;
    notice.hidden = !text;
    if (text) {
      noticeTimer = setTimeout(() => {
        notice.hidden = true;
      }, 12000);
    }
  }

  function setLinked(value) {
    linked = value;
    invite.hidden = linked;
    composer.hidden = !linked;
    logoutButton.hidden = !linked;
  }

  const reloads = Number(sessionStorage.getItem("baocao-reloads") || "0");
  function sessionLost() {
    showNotice(S.sessionExpired);
    if (reloads >= 2) return;
    sessionStorage.setItem("baocao-reloads", String(reloads + 1));
    setTimeout(() => location.reload(), 1500);
  }

  async function post(url, payload) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      credentials: "same-origin",
    });
    if (res.status === 401) sessionLost();
    const data = await res.json().catch(() => ({}));
    // Only a 200 means the bot has it; otherwise the bubble stays pending with a retry button.
    if (res.ok && data.message) addMessage(data.message);
    return res.ok;
  }

  function sendPayload(payload, fillBubble) {
    const shell = pendingBubble(payload.id, fillBubble);
    const attempt = () => {
      showTyping(true);
      post("/chat/send", payload)
        .then((ok) => {
          if (!ok) throw new Error("send");
          showNotice("");
        })
        .catch(() => {
          showTyping(false);
          if (pending.get(payload.id) === shell.row) failBubble(shell, S.sendFailed, attempt);
        });
    };
    attempt();
  }

  function tap(seq, button) {
    if (answered.has(seq)) return;
    markAnswered(seq, button.payload);
    const payload = { id: newId(), kind: "action", replyTo: seq, payload: button.payload };
    sendPayload(payload, (bubble) => bubble.append(el("p", "", button.label)));
  }

  function sendText() {
    const text = textInput.value.trim();
    if (!text) return;
    textInput.value = "";
    autoGrow();
    sendPayload({ id: newId(), kind: "text", text }, (bubble) => bubble.append(el("p", "", text)));
  }

  function sendCode(code) {
    sendPayload({ id: newId(), kind: "start", code }, (bubble) =>
      bubble.append(el("p", "muted", S.codeSent)),
    );
  }

  function upload(file) {
    if (file.size === 0) return showNotice(S.emptyFile);
    if (file.size > config.maxUploadBytes) {
      return showNotice(fill(S.tooLarge, { limit: sizeLabel(config.maxUploadBytes) }));
    }
    showNotice("");
    const id = newId();
    let progress;
    const shell = pendingBubble(id, (bubble) => {
      bubble.append(el("p", "file-name", file.name));
      progress = el("p", "progress", fill(S.uploading, { percent: 0 }));
      progress.setAttribute("role", "status");
      bubble.append(progress);
    });
    const attempt = () => {
      const form = new FormData();
      form.append("id", id);
      form.append("file", file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/chat/upload");
      xhr.responseType = "json";
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable)
          progress.textContent = fill(S.uploading, { percent: Math.round((e.loaded / e.total) * 100) });
      };
      xhr.onload = () => {
        const data = xhr.response || {};
        if (xhr.status === 200 && data.message) {
          addMessage(data.message);
          if (lastOutSeq < data.message.seq) showTyping(true);
          return;
        }
        if (xhr.status === 401) sessionLost();
        const tooLarge = xhr.status === 413;
        const message = tooLarge
          ? fill(S.tooLarge, { limit: sizeLabel(data.limitBytes || config.maxUploadBytes) })
          : S.uploadFailed;
        progress.textContent = message;
        if (tooLarge) {
          shell.row.classList.add("failed");
          pending.delete(id);
        } else failBubble(shell, S.retry, attempt);
      };
      xhr.onerror = () => {
        progress.textContent = S.uploadFailed;
        failBubble(shell, S.retry, attempt);
      };
      xhr.send(form);
    };
    attempt();
  }

  async function loadHistory(after) {
    const res = await fetch(`/chat/history${after ? `?after=${after}` : ""}`, { credentials: "same-origin" });
    if (res.status === 401) {
      sessionLost();
      return false;
    }
    if (!res.ok) return false;
    const data = await res.json();
    sessionStorage.removeItem("baocao-reloads");
    for (const m of data.messages) addMessage(m);
    setLinked(data.linked);
    return true;
  }

  // When the bot answers an unlinked chat, the identity module may just have linked it: asking
  // the server now also rotates the session cookie for the linked person.
  let refreshing = false;
  function refreshLinked() {
    if (refreshing) return;
    refreshing = true;
    loadHistory(lastSeq).finally(() => {
      refreshing = false;
    });
  }

  function connect() {
    events?.close();
    events = new EventSource(`/chat/events?after=${lastSeq}`);
    events.addEventListener("ready", () => {
      statusLine.textContent = S.online;
      statusLine.classList.remove("offline");
    });
    events.onmessage = (e) => addMessage(JSON.parse(e.data));
    events.onerror = () => {
      statusLine.textContent = S.offline;
      statusLine.classList.add("offline");
      // A refused stream (session gone) is not retried by the browser: find out why and reopen.
      if (events.readyState === EventSource.CLOSED) {
        setTimeout(() => loadHistory(lastSeq).then((ok) => ok && connect()), 3000);
      }
    };
  }

  function autoGrow() {
    textInput.style.height = "auto";
    textInput.style.height = `${Math.min(textInput.scrollHeight, 140)}px`;
  }

  composer.addEventListener("submit", (e) => {
    e.preventDefault();
    sendText();
  });
  textInput.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      sendText();
    }
  });
  textInput.addEventListener("input", autoGrow);
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) upload(file);
  });
  invite.addEventListener("submit", (e) => {
    e.preventDefault();
    const code = inviteCode.value.trim();
    if (!code) return;
    inviteCode.value = "";
    sendCode(code);
  });
  logoutButton.addEventListener("click", async () => {
    await fetch("/chat/logout", { method: "POST", credentials: "same-origin" }).catch(() => {});
    location.replace(`/chat?lang=${config.lang}`);
  });

  (async () => {
    await loadHistory(0);
    connect();
    // An invite link (/chat?code=…): send the code once, then take it out of the address bar so a
    // reload or a shared screenshot does not carry it.
    const params = new URLSearchParams(location.search);
    const code = params.get("code");
    if (code) {
      params.delete("code");
      const rest = params.toString();
      history.replaceState(null, "", `/chat${rest ? `?${rest}` : ""}`);
      sendCode(code);
    }
  })();
})();
