import { z } from 'zod';

export const zId = z
  .string({ error: '缺少编号' })
  .min(1, '缺少编号')
  .max(64, '编号太长')
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

/** Generated once per form by the client; a retried call with the same token returns the first result. */
export const zClientToken = z.string().min(8, '提交凭证无效').max(64, '提交凭证无效').regex(/^[A-Za-z0-9_-]+$/, '提交凭证无效');

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
