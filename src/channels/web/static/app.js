// baocao web chat: plain browser JavaScript modules, no framework, no build step.
// History comes from GET /chat/history, new bubbles from GET /chat/events (Server-Sent Events,
// reconnecting with Last-Event-ID). Everything the person sends carries a random id, so a retry
// after a dropped connection never shows or counts twice. All text is set with textContent.
import { createConversation } from "./bubbles.js";
import { el, fill, newId, sizeLabel } from "./util.js";

const config = JSON.parse(document.getElementById("webchat-config").textContent);
const S = config.strings;
const $ = (id) => document.getElementById(id);
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
let events = null;
let typingTimer = 0;
let noticeTimer = 0;

const chat = createConversation($("log"), S, {
  tap: (seq, button) => {
    const payload = { id: newId(), kind: "action", replyTo: seq, payload: button.payload };
    sendPayload(payload, (bubble) => bubble.append(el("p", "", button.label)));
  },
  botMessage: () => {
    showTyping(false);
    if (!linked) refreshLinked();
  },
});

function showTyping(on) {
  clearTimeout(typingTimer);
  typing.hidden = !on;
  if (on) {
    typingTimer = setTimeout(() => {
      typing.hidden = true;
    }, 20000);
    chat.scrollDown();
  }
}

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

// A lost session (expired, logged out elsewhere) reopens the page as a new chat; at most twice in
// a row, so a browser that refuses cookies does not reload forever.
function sessionLost() {
  showNotice(S.sessionExpired);
  const reloads = Number(sessionStorage.getItem("baocao-reloads") || "0");
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
  if (res.ok && data.message) chat.add(data.message);
  return res.ok;
}

function sendPayload(payload, fillBubble) {
  const s = chat.addPending(payload.id, fillBubble);
  const attempt = () => {
    showTyping(true);
    post("/chat/send", payload)
      .then((ok) => {
        if (!ok) throw new Error("send");
        showNotice("");
      })
      .catch(() => {
        showTyping(false);
        if (chat.isPending(payload.id, s)) chat.fail(s, S.sendFailed, attempt);
      });
  };
  attempt();
}

function sendText() {
  const text = textInput.value.trim();
  if (!text) return;
  textInput.value = "";
  autoGrow();
  sendPayload({ id: newId(), kind: "text", text }, (bubble) => bubble.append(el("p", "", text)));
}

function sendCode(code) {
  sendPayload({ id: newId(), kind: "start", code }, (bubble) => bubble.append(el("p", "muted", S.codeSent)));
}

// XMLHttpRequest, not fetch: only it reports upload progress, which matters on a slow 3G line.
function upload(file) {
  if (file.size === 0) return showNotice(S.emptyFile);
  if (file.size > config.maxUploadBytes) {
    return showNotice(fill(S.tooLarge, { limit: sizeLabel(config.maxUploadBytes) }));
  }
  showNotice("");
  const id = newId();
  let progress;
  const s = chat.addPending(id, (bubble) => {
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
      if (e.lengthComputable) {
        progress.textContent = fill(S.uploading, { percent: Math.round((e.loaded / e.total) * 100) });
      }
    };
    xhr.onload = () => {
      const data = xhr.response || {};
      if (xhr.status === 200 && data.message) {
        chat.add(data.message);
        if (chat.state.lastOutSeq < data.message.seq) showTyping(true);
        return;
      }
      if (xhr.status === 401) sessionLost();
      if (xhr.status === 413) {
        progress.textContent = fill(S.tooLarge, {
          limit: sizeLabel(data.limitBytes || config.maxUploadBytes),
        });
        s.row.classList.add("failed");
        chat.forget(id);
        return;
      }
      progress.textContent = S.uploadFailed;
      chat.fail(s, S.retry, attempt);
    };
    xhr.onerror = () => {
      progress.textContent = S.uploadFailed;
      chat.fail(s, S.retry, attempt);
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
  for (const m of data.messages) chat.add(m);
  setLinked(data.linked);
  return true;
}

// When the bot answers an unlinked chat, the identity module may just have linked it: asking the
// server now also rotates the session cookie for the linked person.
let refreshing = false;
function refreshLinked() {
  if (refreshing) return;
  refreshing = true;
  loadHistory(chat.state.lastSeq).finally(() => {
    refreshing = false;
  });
}

function connect() {
  events?.close();
  events = new EventSource(`/chat/events?after=${chat.state.lastSeq}`);
  events.addEventListener("ready", () => {
    statusLine.textContent = S.online;
    statusLine.classList.remove("offline");
  });
  events.onmessage = (e) => chat.add(JSON.parse(e.data));
  events.onerror = () => {
    statusLine.textContent = S.offline;
    statusLine.classList.add("offline");
    // A refused stream (session gone) is not retried by the browser: find out why and reopen.
    if (events.readyState === EventSource.CLOSED) {
      setTimeout(() => loadHistory(chat.state.lastSeq).then((ok) => ok && connect()), 3000);
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

// No top-level await: older Safari and in-app browsers run modules but not that.
loadHistory(0).then(() => {
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
});
