export { createTelegramAdapter, type TelegramAdapterDeps } from "./adapter";
export type { TelegramAdapterConfig } from "./bot";
