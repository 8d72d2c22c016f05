import { AppError } from '../../shared/errors';
import type { Files } from '../ports';

/** Photos are uploaded first and referenced by id; refuse ids that point at nothing. Runs outside transactions. */
export async function checkPhotosExist(files: Files, photoIds: readonly string[], field: string): Promise<void> {
  for (const [index, id] of photoIds.entries()) {
    if (!(await files.exists(id))) {
      throw new AppError('VALIDATION_FAILED', '照片没有上传成功，请重新选择照片', [{ path: [field, index], message: '照片不存在' }]);
    }
  }
}
