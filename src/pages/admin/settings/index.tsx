import { Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '../../../components/big-button';
import { ErrorText } from '../../../components/error-text';
import { useAction } from '../../../hooks/use-action';
import { useLoader } from '../../../hooks/use-loader';
import { fetchSettings, updateSettings } from '../../../services/community';
import { fieldLabel } from '../../../components/a11y';
import { PageRoot } from '../../../components/page-root';

const splitList = (text: string) =>
  text
    .split(/[，,、\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The skill list members choose from when they register, and the standing posts (定岗领办) they can claim. */
export default function SettingsPage() {
  const { data, error } = useLoader(() => fetchSettings(), []);
  const [skills, setSkills] = useState<string | null>(null);
  const [posts, setPosts] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { error: actionError, run } = useAction();

  const save = () => {
    if (!data) return;
    return run(async () => {
      const saved = await updateSettings(splitList(skills ?? data.skills.join('、')), splitList(posts ?? data.posts.join('、')));
      setSkills(saved.skills.join('、'));
      setPosts(saved.posts.join('、'));
      setNotice('已保存');
    });
  };

  return (
    <PageRoot>
      <ErrorText message={error ?? actionError} />
      <View className='subtitle'>特长选项（用顿号或逗号分隔）</View>
      <Textarea id='settings-skills' className='field textarea' {...fieldLabel('特长选项')} value={skills ?? data?.skills.join('、') ?? ''} maxlength={600} onInput={(event) => setSkills(event.detail.value)} />
      <View className='subtitle'>定岗领办岗位</View>
      <Textarea id='settings-posts' className='field textarea' {...fieldLabel('岗位')} value={posts ?? data?.posts.join('、') ?? ''} maxlength={600} onInput={(event) => setPosts(event.detail.value)} />
      {notice ? <View role='status'>{notice}</View> : null}
      <BigButton id='settings-save' onClick={save}>
        保存设置
      </BigButton>
    </PageRoot>
  );
}
