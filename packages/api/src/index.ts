export { appRouter, type AppRouter } from './root.ts';
export { createCallerFactory, fieldErrors, type Meta } from './trpc.ts';
export {
  createContext,
  type Context,
  type RateLimitRule,
  type RequestInfo,
  type Services,
  type Settings,
} from './context.ts';
export { appCodeOf, DomainError, errorTable, statusOf, type ErrorCode } from './errors.ts';
export { silentLogger, type Logger } from './logger.ts';
export { createAccessSessions, type AccessSessions, type SessionUser } from './auth/sessions.ts';
export { systemClock, type Clock } from './ports/clock.ts';
export { createDatabaseEvents, type ActivityEvent, type Events } from './ports/events.ts';
export {
  createOutboxMailer,
  createResendMailer,
  type MailMessage,
  type Mailer,
} from './ports/mail.ts';
export {
  createDiskStorage,
  createS3Storage,
  openDiskFile,
  type S3Options,
  type Storage,
} from './ports/storage.ts';
export { ensureStaffAccount } from './auth/staff.ts';
export { MAX_PAGE_SIZE, pageInput, pageOf, paginated, toPage } from './pagination.ts';
export { route } from './meta.ts';
export {
  fileField,
  fileFieldOf,
  megabytes,
  UploadedFile,
  uploadedFile,
  type FileRule,
} from './uploads.ts';
export { formShapeOf, type FormShape } from './form-shape.ts';
export { ASSETS_PATH, defaultImages } from './profile/details/media.ts';
export { timeZoneField, timeZoneName } from './timezones.ts';
export { idField, requiredText, text } from './fields.ts';
export { publishActivity } from './dashboard/activity.ts';
