// TODO: import from '@career-nexus/api' once its index exports uploads.ts;
// the class must be the one procedures check with `z.instanceof`.
export { UploadedFile } from '../../../../packages/api/src/uploads.ts';
