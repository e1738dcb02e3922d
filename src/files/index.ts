export {
  extensionFor,
  type ReceiveFileResult,
  receiveFile,
  type StoredFile,
  type StoreFileInput,
  storeFile,
  writeFileBytes,
} from "./store";
