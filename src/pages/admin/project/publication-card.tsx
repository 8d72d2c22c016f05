import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { fieldLabel } from '../../../components/a11y';
import { BigButton } from '../../../components/big-button';
import { ConfirmSheet } from '../../../components/confirm-sheet';
import { formatTime } from '../../../components/format-time';
import { TextField } from '../../../components/text-field';
import type { TProjectDetail } from '../../../shared/contracts/ledgers';

export interface PublicationCardProps {
  project: TProjectDetail;
  isAdmin: boolean;
  busy: boolean;
  onPublish: (title: string, summary: string) => void;
}

/**
 * 公开到居民清单: residents see a project only in words written for them. The admin writes a title and
 * summary, sees them as residents will, and confirms; a private matter says why it stays internal.
 */
export function PublicationCard({ project, isAdmin, busy, onPublish }: PublicationCardProps) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(project.publication?.title ?? '');
  const [summary, setSummary] = useState(project.publication?.summary ?? '');
  const [confirming, setConfirming] = useState(false);

  if (!project.publishable) {
    return (
      <View className='card' id='project-publication'>
        <View className='subtitle'>居民清单</View>
        <View className='muted'>这件事涉及居民个人隐私，只在社区内部办理，不公开到居民清单。</View>
      </View>
    );
  }
  const published = project.publication;
  if (published && !editing) {
    return (
      <View className='card' id='project-publication'>
        <View className='subtitle'>已公开到居民清单（{formatTime(published.publishedAt)}）</View>
        <View className='muted'>居民看到的是：</View>
        <View id='publication-title'>{published.title}</View>
        <View className='muted' id='publication-summary'>
          {published.summary}
        </View>
        {isAdmin ? (
          <BigButton id='publication-edit' secondary onClick={() => setEditing(true)}>
            修改公开内容
          </BigButton>
        ) : null}
      </View>
    );
  }
  if (!isAdmin) {
    return (
      <View className='card' id='project-publication'>
        <View className='subtitle'>居民清单</View>
        <View className='muted'>还没有公开，居民看不到这个项目。由社区书记写好公开内容后公开。</View>
      </View>
    );
  }
  return (
    <View className='card' id='project-publication'>
      <View className='subtitle'>公开到居民清单</View>
      <View className='muted'>居民只看到下面写的标题和说明。请用概括的说法，不要写居民的姓名、电话、住址，也不要照抄居民的原话。</View>
      <TextField id='publication-title-input' label='公开标题' value={title} onChange={setTitle} maxlength={40} placeholder='例如：整治餐饮油烟扰民' />
      <View className='subtitle'>公开说明</View>
      <Textarea
        id='publication-summary-input'
        className='field textarea'
        {...fieldLabel('公开说明')}
        value={summary}
        maxlength={300}
        placeholder='社区做什么、谁来做、大概什么时候办好'
        onInput={(event) => setSummary(event.detail.value)}
      />
      <View className='preview' id='publication-preview'>
        <View className='muted'>居民将看到：</View>
        <View className='title'>{title.trim() || '（公开标题）'}</View>
        <View>{summary.trim() || '（公开说明）'}</View>
      </View>
      <BigButton id='publication-submit' disabled={busy || title.trim() === '' || summary.trim() === ''} onClick={() => setConfirming(true)}>
        公开到居民清单
      </BigButton>
      {confirming ? (
        <ConfirmSheet
          id='publication-confirm'
          title='确认公开？'
          message='公开后，本社区所有居民都能在“民生实事”里看到上面的标题和说明，并可以点支持。'
          confirmLabel='确认公开'
          busy={busy}
          onConfirm={() => {
            setConfirming(false);
            setEditing(false);
            onPublish(title.trim(), summary.trim());
          }}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </View>
  );
}
