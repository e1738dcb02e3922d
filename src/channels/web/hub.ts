/**
 * Live delivery to open pages: every open /chat/events stream of a chat subscribes here; a stored
 * message is published to them. In-process only (one server); a page that was closed or offline
 * catches up from history on its next connect, so nothing depends on a publish arriving.
 */
import type { WebMessage } from "./store";

export type LiveListener = (message: WebMessage) => void;

export interface LiveHub {
  subscribe(chatId: string, listener: LiveListener, onClose: () => void): () => void;
  publish(message: WebMessage): void;
  /** Ends every open stream (shutdown). */
  closeAll(): void;
}

export function createLiveHub(): LiveHub {
  const byChat = new Map<string, Map<LiveListener, () => void>>();
  return {
    subscribe(chatId, listener, onClose) {
      let listeners = byChat.get(chatId);
      if (!listeners) {
        listeners = new Map();
        byChat.set(chatId, listeners);
      }
      listeners.set(listener, onClose);
      return () => {
        const current = byChat.get(chatId);
        current?.delete(listener);
        if (current?.size === 0) byChat.delete(chatId);
      };
    },
    publish(message) {
      for (const listener of byChat.get(message.chatId)?.keys() ?? []) listener(message);
    },
    closeAll() {
      const closers = [...byChat.values()].flatMap((m) => [...m.values()]);
      byChat.clear();
      for (const close of closers) close();
    },
  };
}
