import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { fieldLabel, imageLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { formatTime } from '../../../components/format-time';
import { useLoader } from '../../../hooks/use-loader';
import { acceptTask, cancelRequest, completeTask, declineTask, fetchRequest, rateRequest, reopenRequest } from '../../../services/api';
import { askForSubscriptions } from '../../../services/subscribe';
import { messageOf } from '../../../services/transport';
import { uploadPhoto } from '../../../services/upload';
import type { TRequestDetail } from '../../../shared/contracts/requests';
import { CATEGORY_LABELS, URGENCY_LABELS } from '../../../shared/domain/categories';
import { formatDistance } from '../../../shared/domain/geo';
import { REQUEST_STATE_LABELS } from '../../../shared/domain/request-state';
import { StaffActions } from './staff-actions';

const STARS = [1, 2, 3, 4, 5];

export default function RequestDetailPage() {
  const requestId = useRouter().params.id ?? '';
  const load = useCallback(() => fetchRequest(requestId), [requestId]);
  const { data: request, error: loadError, setData } = useLoader(load);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [completionPhotos, setCompletionPhotos] = useState<string[]>([]);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [reopenReason, setReopenReason] = useState('');

  const run = async (work: () => Promise<TRequestDetail | null>, success?: string) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await work();
      if (updated) setData(updated);
      if (success) setNotice(success);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const addCompletionPhoto = async () => {
    try {
      const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
      const id = await uploadPhoto(chosen.tempFilePaths[0]);
      setCompletionPhotos((current) => [...current, id].slice(0, 3));
    } catch (caught) {
      if (!(caught instanceof Error && /cancel/i.test(caught.message))) setError(messageOf(caught));
    }
  };

  if (!request) {
    return (
      <View className='page'>
        <ErrorText message={loadError} />
        {!loadError ? <View className='muted'>正在加载…</View> : null}
      </View>
    );
  }

  const { actions } = request;
  const rejection = request.state === 'cancelled' ? request.timeline.find((entry) => entry.kind === 'held_rejected') : undefined;
  return (
    <View className='page'>
      <View className='card'>
        <View className='row' style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <Text className='title'>
            {CATEGORY_LABELS[request.category]}
            {request.urgency === 'urgent' ? `（${URGENCY_LABELS.urgent}）` : ''}
          </Text>
          <Text className='state' id='request-state'>
            {REQUEST_STATE_LABELS[request.state]}
          </Text>
        </View>
        <View>{request.description}</View>
        <View className='row'>
          {request.photoUrls.map((url, index) => (
            <Image key={url} className='photo' src={url} mode='aspectFill' {...imageLabel(`求助照片 ${index + 1}`)} />
          ))}
        </View>
      </View>

      {request.state === 'held' && !actions.review ? (
        <View className='card' id='held-notice' role='status'>
          <View className='subtitle'>正在审核</View>
          <View>社区正在审核您的求助内容，审核通过后会立即派单。</View>
          <View className='muted'>如果着急，可以直接打电话联系社区；也可以取消后换个说法重新提交。</View>
        </View>
      ) : null}
      {rejection ? (
        <View className='card' id='held-rejected' role='status'>
          <View className='subtitle'>未通过审核</View>
          <View>{rejection.text}</View>
          <View className='muted'>有疑问请联系社区，或修改后重新提交。</View>
        </View>
      ) : null}

      <View className='card' id='contact'>
        <View className='subtitle'>联系信息</View>
        <View>联系人：{request.contact.name}</View>
        <View>
          电话：<Text id='contact-phone'>{request.contact.phone}</Text>
        </View>
        <View>
          地址：<Text id='contact-address'>{request.contact.address}</Text>
        </View>
        {request.distanceM !== null ? <View className='muted'>距您约 {formatDistance(request.distanceM)}</View> : null}
        {request.contact.masked ? <View className='muted'>接单后可看到完整地址和电话</View> : null}
        {request.assignee ? (
          <View id='assignee'>
            接单党员：{request.assignee.name}（{request.assignee.phone}）
          </View>
        ) : null}
      </View>

      {request.filedByName ? <View className='muted'>由 {request.filedByName} 代为登记</View> : null}
      {request.duplicateOf ? (
        <View className='card' role='link' onClick={() => Taro.navigateTo({ url: `/pages/request/detail/index?id=${request.duplicateOf}` })}>
          可能与附近另一条求助重复，点此查看
        </View>
      ) : null}

      {request.escalation ? (
        <View className='card' id='escalation'>
          <View className='subtitle'>吹哨上报：{request.escalation.department}</View>
          <View>
            {request.escalation.meetingDate} 联席会议（{request.escalation.attendees.join('、')}）
          </View>
          <View>会议决定：{request.escalation.decision}</View>
          {request.escalation.answer ? <View>部门答复：{request.escalation.answer}</View> : null}
          {request.escalation.outcome ? <View>办理结果：{request.escalation.outcome}</View> : null}
        </View>
      ) : null}

      {request.suggestionReply ? (
        <View className='card' id='suggestion-reply'>
          <View className='subtitle'>社区答复：{request.suggestionReply.adopted ? '已采纳' : '暂不采纳'}</View>
          <View>{request.suggestionReply.reply}</View>
          <View className='muted'>
            {request.suggestionReply.repliedByName} · {formatTime(request.suggestionReply.repliedAt)}
          </View>
        </View>
      ) : null}

      {request.projectId ? (
        <BigButton id='go-project' secondary onClick={() => Taro.navigateTo({ url: `/pages/public/project/index?id=${request.projectId}` })}>
          查看民生实事进展
        </BigButton>
      ) : null}

      {request.completionNote ? (
        <View className='card'>
          <View className='subtitle'>办理情况</View>
          <View id='completion-note'>{request.completionNote}</View>
          {request.pointsAwarded !== null ? <View className='muted'>本次服务积分：{request.pointsAwarded}</View> : null}
        </View>
      ) : null}

      {request.rating ? (
        <View className='card'>
          <View className='subtitle'>居民评价</View>
          <View id='rating'>
            {'★'.repeat(request.rating.stars)}
            {'☆'.repeat(5 - request.rating.stars)} {request.rating.comment}
          </View>
        </View>
      ) : null}

      <ErrorText message={error ?? loadError} />
      {notice ? (
        <View className='card' role='status' id='notice'>
          {notice}
        </View>
      ) : null}

      {actions.accept ? (
        <View>
          <BigButton
            id='accept-task'
            disabled={busy}
            onClick={() => {
              // WeChat asks only during a tap: before anything is awaited. Answering it never blocks the accept.
              void askForSubscriptions(['task', 'notice']);
              void run(() => acceptTask(request.id), '接单成功，请尽快联系居民');
            }}
          >
            我来接单
          </BigButton>
          <BigButton
            id='decline-task'
            secondary
            disabled={busy}
            onClick={() =>
              run(async () => {
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
          <BigButton secondary onClick={addCompletionPhoto}>
            添加照片（可选）
          </BigButton>
          <BigButton
            id='complete-task'
            disabled={busy}
            onClick={() =>
              run(async () => {
                const result = await completeTask(request.id, note, completionPhotos);
                setNotice(`已办结，获得 ${result.pointsAwarded} 积分，当前积分 ${result.balance}`);
                return result.request;
              })
            }
          >
            确认办结
          </BigButton>
        </View>
      ) : null}

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
          <BigButton id='submit-rating' disabled={busy || stars === 0} onClick={() => run(() => rateRequest(request.id, stars, comment), '感谢您的评价！')}>
            提交评价
          </BigButton>
        </View>
      ) : null}

      {actions.reopen ? (
        <View className='card'>
          <View className='subtitle'>问题还没解决？</View>
          <Textarea id='reopen-reason' className='field' {...fieldLabel('哪里还没解决')} value={reopenReason} maxlength={200} placeholder='说说哪里还没解决' onInput={(event) => setReopenReason(event.detail.value)} />
          <BigButton id='reopen-request' secondary disabled={busy} onClick={() => run(() => reopenRequest(request.id, reopenReason), '已请原办理党员再次处理')}>
            还没解决，请再来看看
          </BigButton>
        </View>
      ) : null}

      <StaffActions request={request} run={run} />

      {actions.cancel ? (
        <BigButton id='cancel-request' secondary disabled={busy} onClick={() => run(() => cancelRequest(request.id), '已取消这条求助')}>
          取消求助
        </BigButton>
      ) : null}

      <View className='card' id='timeline'>
        <View className='subtitle'>办理进度</View>
        {request.timeline.map((entry, index) => (
          <View key={`${entry.at}-${index}`} className='timeline-item'>
            <View className='muted'>{formatTime(entry.at)}</View>
            <View>{entry.text}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
