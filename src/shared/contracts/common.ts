import { z } from 'zod';

export const zId = z
  .string({ error: '缺少编号' })
  .min(1, '缺少编号')
  .max(64, '编号太长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

/** Generated once per form by the client; a retried call with the same token returns the first result. */
export const zClientToken = z.string().min(8, '提交凭证无效').max(64, '提交凭证无效').regex(/^[A-Za-z0-9_-]+$/, '提交凭证无效');

/** Control characters (NUL and friends; a line has no line breaks either) and lone surrogates, which show as nothing or as �. */
const CONTROL_IN_LINE = /[\p{Cc}\p{Cs}]/u;
const CONTROL_IN_PARAGRAPH = /\p{Cs}|(?![\n\t])\p{Cc}/u;
/** Something a person can see: a letter, digit, punctuation mark or symbol (not only spaces or zero-width marks). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
const NO_CONTROL = '里面有无法显示的字符，请删掉后再试';
const NOT_VISIBLE = '请填写能看见的文字，不能只有空白或看不见的字符';

function hygienic(schema: z.ZodString, control: RegExp): z.ZodString {
  return schema
    .overwrite((value) => value.normalize('NFC'))
    .refine((value) => !control.test(value), NO_CONTROL)
    .refine((value) => value === '' || VISIBLE.test(value), NOT_VISIBLE);
}

/** A name, title, door or address: stored NFC-normalised, refused with control characters, lone surrogates or nothing visible. */
export const singleLine = (schema: z.ZodString): z.ZodString => hygienic(schema, CONTROL_IN_LINE);
/** Longer text (a description, a note): as a line, but line breaks and tabs are allowed. */
export const paragraph = (schema: z.ZodString): z.ZodString => hygienic(schema, CONTROL_IN_PARAGRAPH);

export const zLatLng = z.strictObject({
  lat: z.number({ error: '位置纬度必须是数字' }).min(-90).max(90),
  lng: z.number({ error: '位置经度必须是数字' }).min(-180).max(180),
});

/** A photo already stored: `local/<uuid>.jpg` by the local host, `cloud://…` by CloudBase storage. */
export const zPhotoId = z
  .string()
  .max(300, '照片地址太长')
  .regex(/^(local\/[a-z0-9-]{8,64}\.(jpg|png|webp)|cloud:\/\/[^\s]{1,290})$/, '照片格式不正确，请重新上传');

export const zPhotos = z.array(zPhotoId).max(3, '最多上传 3 张照片');

export const zPageInput = z.strictObject({
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type TPageInput = z.infer<typeof zPageInput>;

export const zEmptyInput = z.strictObject({});

export function zPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
