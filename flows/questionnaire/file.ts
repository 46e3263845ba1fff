import type { FlowContext, SentFile } from '../types';
import type { Checked } from './typed';
import type { FileField } from './types';

/** How a file type is named to the citizen; others by their subtype in capitals. */
const TYPE_NAMES: Readonly<Record<string, string>> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/heic': 'HEIC' };

const BYTES_PER_MB = 1024 * 1024;

/** "PDF, JPG, PNG", or "фото" for any image. */
export function typesText(field: FileField, ctx: FlowContext): string {
  return field.accept.map((mime) => (mime === 'image/*' ? ctx.t('questionnaire:file.photo') : (TYPE_NAMES[mime] ?? mime.split('/')[1]?.toUpperCase() ?? mime))).join(', ');
}

/** The largest size allowed, in megabytes as the citizen's language writes numbers ("2,5"). */
export function sizeText(field: FileField, ctx: FlowContext): string {
  return new Intl.NumberFormat(ctx.lang === 'kk' ? 'kk-KZ' : 'ru-RU', { maximumFractionDigits: 1 }).format(field.maxBytes / BYTES_PER_MB);
}

const accepts = (field: FileField, mime: string): boolean => field.accept.some((allowed) => (allowed.endsWith('/*') ? mime.startsWith(allowed.slice(0, -1)) : mime === allowed));

/** A sent file of an allowed type and size, kept as the channel described it. */
export function checkFile(file: SentFile, field: FileField, ctx: FlowContext): Checked<SentFile> {
  if (!accepts(field, file.mime.toLowerCase())) return { error: 'questionnaire:errors.file_type', vars: { types: typesText(field, ctx) } };
  if (file.size > field.maxBytes) return { error: 'questionnaire:errors.file_size', vars: { size: sizeText(field, ctx) } };
  const { id, name, mime, size } = file;
  return { value: { id, name, mime, size } };
}
