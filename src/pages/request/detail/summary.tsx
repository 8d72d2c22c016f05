import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { imageLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { formatTime } from '../../../components/format-time';
import type { TRequestDetail } from '../../../shared/contracts/requests';
import { CATEGORY_LABELS, URGENCY_LABELS } from '../../../shared/domain/categories';
import { formatDistance } from '../../../shared/domain/geo';
import { REQUEST_STATE_LABELS } from '../../../shared/domain/request-state';

/** What the request is and where it stands: contact, review, escalation, answer, completion and rating. */
export function RequestSummary({ request }: { request: TRequestDetail }) {
  const { actions } = request;
  const rejection = request.state === 'cancelled' ? request.timeline.find((entry) => entry.kind === 'held_rejected') : undefined;
  return (
    <>
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
    </>
  );
}
