import { Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { fieldLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { acceptTask, completeTask, declineTask, rateRequest, reopenRequest } from '../../../services/requests';
import { askForSubscriptions } from '../../../services/subscribe';
import { uploadPhoto } from '../../../services/upload';
import type { TRequestDetail } from '../../../shared/contracts/requests';

/** Runs one action on the request: shows the request it returns (if any) and the success message (if any). */
export type Act = (work: () => Promise<TRequestDetail | null>, success?: string) => Promise<boolean>;

const STARS = [1, 2, 3, 4, 5];

/** One photo chosen and uploaded; null when the picker was cancelled. */
async function chooseOnePhoto(): Promise<string | null> {
  try {
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    return await uploadPhoto(chosen.tempFilePaths[0]);
  } catch (caught) {
    if (caught instanceof Error && /cancel/i.test(caught.message)) return null;
    throw caught;
  }
}

export interface TaskActionsProps {
  request: TRequestDetail;
  busy: boolean;
  act: Act;
  /** Photo uploads: their own action, so a slow upload does not hold the other buttons. */
  runPhoto: (work: () => Promise<unknown>) => Promise<boolean>;
  setNotice: (notice: string) => void;
}

/** The member's part: take the task or pass, and finish it with a note and up to three photos. */
export function TaskActions({ request, busy, act, runPhoto, setNotice }: TaskActionsProps) {
  const { actions } = request;
  const [note, setNote] = useState('');
  const [completionPhotos, setCompletionPhotos] = useState<string[]>([]);

  const addCompletionPhoto = () =>
    runPhoto(async () => {
      const id = await chooseOnePhoto();
      if (id) setCompletionPhotos((current) => [...current, id].slice(0, 3));
    });

  return (
    <>
      {actions.accept ? (
        <View>
          <BigButton
            id='accept-task'
            disabled={busy}
            onClick={() => {
              // WeChat asks only during a tap: before anything is awaited. Answering it never blocks the accept.
              void askForSubscriptions(['task', 'notice']);
              void act(() => acceptTask(request.id), '接单成功，请尽快联系居民');
            }}
          >
            我来接单
          </BigButton>
          <BigButton
            id='decline-task'
            secondary
            disabled={busy}
            onClick={() =>
              act(async () => {
                await declineTask(request.id);
                await Taro.navigateBack().catch(() => Taro.redirectTo({ url: '/pages/tasks/index' }));
                return null;
              })
            }
          >
            暂时不能接
          </BigButton>
        </View>
      ) : null}

      {actions.complete ? (
        <View className='card'>
          <View className='subtitle'>办结</View>
          <Textarea
            id='completion-input'
            className='field textarea'
            {...fieldLabel('办理情况')}
            value={note}
            maxlength={500}
            placeholder='请写下办理情况，例如：已更换水管接头'
            onInput={(event) => setNote(event.detail.value)}
          />
          <View className='muted'>已添加 {completionPhotos.length} 张照片</View>
          <BigButton id='add-completion-photo' secondary onClick={() => void addCompletionPhoto()}>
            添加照片（可选）
          </BigButton>
          <BigButton
            id='complete-task'
            disabled={busy}
            onClick={() =>
              act(async () => {
                const result = await completeTask(request.id, note, completionPhotos);
                setNotice(result.pointsAwarded > 0 ? `已办结，获得 ${result.pointsAwarded} 积分，当前积分 ${result.balance}` : `已办结。这条求助之前办结时已计过积分，本次不再计分，当前积分 ${result.balance}`);
                return result.request;
              })
            }
          >
            确认办结
          </BigButton>
        </View>
      ) : null}
    </>
  );
}

/** The resident's part once it is done: rate the service, or say it is not solved yet. */
export function ResidentActions({ request, busy, act }: { request: TRequestDetail; busy: boolean; act: Act }) {
  const { actions } = request;
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [reopenReason, setReopenReason] = useState('');

  return (
    <>
      {actions.rate ? (
        <View className='card'>
          <View className='subtitle'>给这次服务打分</View>
          <View className='row' role='radiogroup' aria-label='评分'>
            {STARS.map((value) => (
              <View
                key={value}
                id={`star-${value}`}
                className={`star ${value <= stars ? 'on' : ''}`}
                role='radio'
                aria-checked={value === stars}
                aria-label={`${value} 星`}
                onClick={() => setStars(value)}
              >
                ★
              </View>
            ))}
          </View>
          <Textarea
            id='rating-comment'
            className='field'
            {...fieldLabel('评价内容')}
            value={comment}
            maxlength={200}
            placeholder='说说您的感受（可选）'
            onInput={(event) => setComment(event.detail.value)}
          />
          <BigButton id='submit-rating' disabled={busy || stars === 0} onClick={() => act(() => rateRequest(request.id, stars, comment), '感谢您的评价！')}>
            提交评价
          </BigButton>
        </View>
      ) : null}

      {actions.reopen ? (
        <View className='card'>
          <View className='subtitle'>问题还没解决？</View>
          <Textarea id='reopen-reason' className='field' {...fieldLabel('哪里还没解决')} value={reopenReason} maxlength={200} placeholder='说说哪里还没解决' onInput={(event) => setReopenReason(event.detail.value)} />
          <BigButton id='reopen-request' secondary disabled={busy} onClick={() => act(() => reopenRequest(request.id, reopenReason), '已请原办理党员再次处理')}>
            还没解决，请再来看看
          </BigButton>
        </View>
      ) : null}
    </>
  );
}
