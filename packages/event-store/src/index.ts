export { createEventStore, type EventStore, type EventStoreOptions, type EventStoreSession } from "./store.ts";
export { openDatabase, type DatabaseConfig } from "./db/open.ts";
export { migrate, eventStoreMigrationSet, type MigrationSet } from "./db/migrate.ts";
export { query, type Database, type Driver, type DrizzleDatabase, type Executor } from "./db/database.ts";
export { commands, events, snapshots, streams } from "./db/schema.ts";
export { countEvents } from "./count.ts";
export { START, checkpointOf, compareCheckpoints, formatCheckpoint, parseCheckpoint } from "./checkpoint.ts";
export { EVENTS_CHANNEL } from "./notifier.ts";
export { DEFAULT_MAX_EVENT_BYTES, streamTypeOf } from "./validate.ts";
export { createWaker, type Waker } from "./waker.ts";
export type { EventHandler, SubscribeOptions, Subscription } from "./subscribe.ts";
export {
  EventStoreError,
  EVENT_STORE_ERROR_CODES,
  isEventStoreError,
  ValidationError,
  EventTooLargeError,
  ConcurrencyError,
  DuplicateEventError,
  ConfigurationError,
  type EventStoreErrorCode,
} from "./errors.ts";
export type {
  AppendOptions,
  AppendResult,
  Checkpoint,
  EventFilter,
  EventMetadata,
  ExpectedVersion,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from "./types.ts";
export { createCommandHandler } from "./command/handle-command.ts";
export type {
  Command,
  CommandHandler,
  CommandHandlerOptions,
  CommandOutcome,
  CommandRecord,
  HandleCommandResult,
  RecordedCommand,
  StreamDecision,
} from "./command/types.ts";
export { readCommandRecord } from "./command/command-table.ts";
export { decideAsOf, type DecideAsOfOptions, type StreamReadAsOf } from "./command/decide-as-of.ts";
export type { LoadedStream, StateOf, StateReader, StreamModel, StreamModels } from "./stream-model.ts";
export { commandEventId, uuidV5 } from "./command/command-ids.ts";
export * from "./runner/index.ts";
export { projectionCheckpoints } from "./db/projection-schema.ts";
export { auditLog, eventById, eventsCausedBy, eventsPerMinute, MAX_AUDIT_PAGE, type AuditFilter, type AuditPage } from "./audit/audit-log.ts";
export { auditIndexProjection, AUDIT_INDEX } from "./audit/audit-index-projection.ts";
export {
  ERASED_VALUE,
  PersonalDataProtection,
  protectPersonalData,
  protectionOf,
  stopProtectingPersonalData,
  type PersonalDataClassifier,
  type PersonalDataOptions,
} from "./personal-data/protection.ts";
export { MASTER_KEY_SETTING, newMasterKeyText, parseMasterKey, type MasterKey } from "./personal-data/master-key.ts";
export { destroySubjectKey, rewrapSubjectKeys, verifyMasterKey } from "./personal-data/subject-keys.ts";
export { eventsOfSubject, forgetSubject, type ForgetSubjectOptions, type ForgetSubjectResult } from "./personal-data/forget.ts";
export { dataKeyOf, isSealedField, openField, sealField, type DataKey, type SealedField } from "./personal-data/field-cipher.ts";
export { unwrapDataKey, wrapDataKey } from "./personal-data/master-key.ts";
